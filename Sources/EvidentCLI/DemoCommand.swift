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
        var text = "Built a demo program with a year of mainline history in \(path)\n"
        if !clean {
            text += "Planted: " + DemoProgram.planted.map { "\($0.code) on \($0.subject)" }.joined(separator: ", ") + "\n"
        }
        text += try RecordFormat.text.renderer.string(demo.run.record)
        text += "Open \(demo.report.path) to read the report.\n"
        text += "Try next: cd \(path) && evident history --root evidence/AC-05 && evident verify\n"
        Output.write(text)
    }
}
