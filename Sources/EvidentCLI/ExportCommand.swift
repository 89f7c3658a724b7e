import ArgumentParser
import EvidentCore
import EvidentGit
import EvidentReporting
import Foundation

/// `evident export`: the program and its records in exchange formats.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export records and the program in exchange formats.",
        subcommands: [OSCALExportCommand.self])
}

/// `evident export oscal`: NIST OSCAL 1.1 JSON.
struct OSCALExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oscal",
        abstract: "Write a cycle's record as OSCAL assessment results, or the controls and policies as an OSCAL component definition.",
        discussion: """
            --cycle ID exports audits/<ID>/record.json (as `evident audit` wrote it in the working tree, \
            else as committed at HEAD, or at --ref) as an OSCAL 1.1 assessment-results document. \
            --components exports the active controls and policies of the program at HEAD (or --ref) \
            as an OSCAL 1.1 component-definition whose implemented requirements are SOC 2 criteria ids. \
            Every uuid is derived from stable ids, so the same repository state exports the same bytes.
            """)

    @OptionGroup var repository: RepositoryOptions

    @Option(help: "Export this cycle's record as assessment results.")
    var cycle: String?

    @Flag(help: "Export the controls and policies as a component definition.")
    var components = false

    @Option(help: ArgumentHelp("Read from this revision instead of the working tree (record) or HEAD (components).", valueName: "rev"))
    var ref: String?

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file (default: standard output).", valueName: "file"))
    var output: String?

    func validate() throws {
        if (cycle == nil) == !components {
            throw ValidationError("give either --cycle ID (assessment results) or --components (component definition)")
        }
    }

    func run() throws {
        let repository = try repository.open()
        let json: String
        do {
            if let cycle {
                let (record, path) = try record(of: cycle, in: repository)
                json = try JSONOutput.encode(OSCALExport.assessmentResults(record, recordPath: path) { commit in
                    guard let id = ObjectID(hex: commit), let info = try? repository.commitInfo(id) else { return nil }
                    return UTCTime.iso8601(info.committer.time)
                })
            } else {
                let (commit, _) = try repository.resolveCommit(ref ?? "HEAD")
                let program = try AuditRun.loadProgram(at: commit, repository: repository)
                if let problem = program.diagnostics.first(where: { $0.severity == .error }) {
                    throw CommandFailure(.usage, "\(problem.location): \(problem.message) [\(problem.ruleID)]; fix it (see `evident lint`) before exporting")
                }
                let committedAt = UTCTime.iso8601(try repository.commitInfo(commit).committer.time)
                json = try JSONOutput.encode(OSCALExport.componentDefinition(program, commit: commit.description, committedAt: committedAt))
            }
        } catch {
            throw CommandFailure(wrapping: error)
        }
        guard let output else {
            FileHandle.standardOutput.write(Data(json.utf8))
            return
        }
        do {
            try Data(json.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw CommandFailure(.usage, "cannot write \(output): \(error.localizedDescription)")
        }
    }

    /// The cycle's record and its path: from --ref, else the working tree, else HEAD.
    private func record(of cycle: String, in repository: Repository) throws -> (AuditRecord, String) {
        var layout = try programLayout(of: repository)
        if let ref {
            layout = try AuditRun.layout(at: try repository.resolveCommit(ref).commit, repository: repository)
        }
        let path = "\(layout.audits)/\(cycle)/record.json"
        var data: Data?
        var committedAt: String?
        if ref == nil, let top = repository.workingDirectory {
            data = FileManager.default.contents(atPath: top.appendingPathComponent(path).path)
        }
        if data == nil, let revision = ref ?? (repository.headCommit() == nil ? nil : "HEAD") {
            let (commit, _) = try repository.resolveCommit(revision)
            data = try repository.contents(of: path, at: commit)
            committedAt = revision
        }
        guard let data else {
            throw CommandFailure(.usage, "there is no record of cycle '\(cycle)' at \(path); run `evident audit --cycle \(cycle)` first")
        }
        do {
            return (try AuditRecord.read(data, file: path), path)
        } catch {
            throw CommandFailure(.usage, error.description + (committedAt.map { " (as committed at \($0))" } ?? ""))
        }
    }
}
