import ArgumentParser
import EvidentCore
import EvidentEngine
import EvidentReporting
import Foundation

/// `evident demo`: the whole flow in one command, on a realistic program in a new folder.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a demo program with a year of history and a few planted problems, audit it, and show where the report is.")

    @Option(help: ArgumentHelp("Where to build it (default: a new temporary folder). It must not exist yet.", valueName: "dir"))
    var folder: String?

    @Flag(help: "Plant no problems: the audit of a well-run program finds nothing.")
    var clean = false

    func run() throws {
        let path = folder ?? FileManager.default.temporaryDirectory.appendingPathComponent("evident-demo-\(UUID().uuidString.prefix(8))").path
        let demo = try ComplianceRepository.buildDemo(at: path, clean: clean)
        var text = "Built a demo program with a year of mainline history in \(TerminalText.path(path))\n"
        if !clean {
            text += "Planted: " + DemoProgram.planted.map { "\($0.code) on \($0.subject)" }.joined(separator: ", ") + "\n"
            let caught = demo.run.findings.contains { $0.code == "POL-APPROVAL-UNBOUND" && $0.subject == "POL-VENDOR" }
            text += "A forged approval: Alice wrote the executive's approval into her own change to POL-VENDOR; "
                + (caught ? "it binds no one (POL-APPROVAL-UNBOUND) and the change stays unapproved.\n" : "it was NOT caught: this is a bug, please report it.\n")
            if let survived = demo.sampleSurvivedSteering {
                text += "A steered sample: \(DemoProgram.steeringCommits) empty commits after the audit "
                    + (survived ? "left every control's sample unchanged (it depends on the population alone).\n" : "CHANGED a sample: this is a bug, please report it.\n")
            }
        }
        text += try RecordFormat.text.renderer.string(demo.run.record)
        text += "Open \(TerminalText.path(demo.report.path)) to read the report.\n"
        text += "Try next: cd \(TerminalText.path(path)) && evident history --root evidence/AC-05 && evident verify\n"
        Output.write(text)
    }
}
