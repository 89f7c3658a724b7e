import EvidentCLI

EvidentCommand.runAndExit()
