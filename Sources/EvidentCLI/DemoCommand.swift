import ArgumentParser
import EvidentCore
import EvidentGit
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
        guard !FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure(.usage, "'\(path)' already exists; choose a new folder")
        }
        let run: AuditRun
        let repository: Repository
        do {
            repository = try Repository.create(at: path, branch: "main")
            for commit in DemoProgram.commits(withProblems: !clean) {
                let time = Int64(commit.day.daysSinceEpoch) * 86_400 + 12 * 3600
                try repository.commit(commit.files.mapValues { $0.map { Data($0.utf8) } }, message: commit.message,
                                      author: (commit.author.name, commit.author.email, time), committer: (commit.author.name, commit.author.email, time))
            }
            try repository.checkOutHead()
            run = try AuditRun.perform(repository: repository, asOf: nil, cycle: DemoProgram.cycle, now: nil)
        } catch let error as RepositoryError {
            throw CommandFailure(error)
        }
        try run.writeRecord(into: repository)
        let folderURL = URL(fileURLWithPath: path).appendingPathComponent(run.folder, isDirectory: true)
        var text = "Built a demo program with a year of mainline history in \(path)\n"
        if !clean {
            text += "Planted: " + DemoProgram.planted.map { "\($0.code) on \($0.subject)" }.joined(separator: ", ") + "\n"
        }
        text += RecordMarkdownRenderer.summary(run.record)
        text += "Open \(folderURL.appendingPathComponent("report.html").path) to read the report.\n"
        text += "Try next: cd \(path) && evident history --root evidence/AC-05 && evident verify\n"
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
