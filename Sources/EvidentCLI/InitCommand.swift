import ArgumentParser
import EvidentCore
import EvidentEngine
import EvidentReporting

/// `evident init`: scaffold a starter program, never overwriting a file.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Scaffold a starter SOC 2 program: evident.yaml, controls, policies, risk assessment, workflow and hook config.",
        discussion: "Existing files are never overwritten; they are listed as kept. Anything in the way (a file where a folder must be, a folder where a file must be, a symbolic link) is reported, all of it, and then nothing is written.")

    @Option(name: .long, help: ArgumentHelp("The repository to scaffold into (default: the current folder).", valueName: "dir"))
    var repo: String = "."

    @Option(parsing: .upToNextOption, help: "Categories in scope besides security: availability, confidentiality, processing-integrity, privacy.")
    var categories: [String] = []

    @Option(help: "The organization's name, written into evident.yaml.")
    var organization: String = "Example Corp"

    @Option(help: "The year of the first audit cycle (default: this year).")
    var year: Int?

    func run() throws {
        let outcome = try Scaffold.write(ScaffoldRequest(folder: repo, categories: categories, organization: organization, year: year ?? Day.today.year))
        var report = "Wrote \(outcome.written) files for a starter program (\(outcome.categories.map(\.rawValue).joined(separator: ", "))) in \(TerminalText.path(outcome.folder)).\n"
        if !outcome.kept.isEmpty {
            let kept = outcome.kept
            report += "Kept \(kept.count) existing \(kept.count == 1 ? "file" : "files"): \(kept.prefix(5).map(TerminalText.path).joined(separator: ", "))\(kept.count > 5 ? ", …" : "")\n"
        }
        report += """
            Next: replace the placeholder people in evident.yaml, adapt each control's owner and test procedure,
            then run 'evident lint' and 'evident hook install'.

            """
        Output.write(report)
    }
}
