import ArgumentParser
import EvidentCore
import EvidentGit
import EvidentReporting
import Foundation

/// `evident diff A B`: the renewal review between two cycles.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two cycles for the renewal: controls, criteria, owners, policies, populations and findings.",
        discussion: """
            Each cycle is read at its audited commit: the commit in audits/<cycle>/record.json when that \
            record is committed on the mainline, else the last mainline commit on or before the cycle's end \
            (audited afresh). `evident diff --previous 2026` compares 2026 with the cycle before it.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown, html }

    @OptionGroup var repository: RepositoryOptions

    @Flag(help: "Compare the given cycle with the cycle that ends before it starts.")
    var previous = false

    @Option(help: ArgumentHelp("The mainline (default: 'mainline' in evident.yaml, else HEAD).", valueName: "ref"))
    var ref: String?

    @Option(help: "Output format: text, json, markdown or html.")
    var format: Format = .text

    @Argument(help: ArgumentHelp("The earlier and the later cycle id (one id with --previous).", valueName: "cycle"))
    var cycles: [String] = []

    func validate() throws {
        if previous && cycles.count != 1 { throw ValidationError("--previous takes one cycle: `evident diff --previous 2026`") }
        if !previous && cycles.count != 2 { throw ValidationError("give two cycles, the earlier first (`evident diff 2025 2026`), or one with --previous") }
    }

    func run() throws {
        let repository = try repository.open()
        do {
            try repository.requireCompleteHistory()
        } catch {
            throw CommandFailure(error)
        }
        let revision = try mainlineRevision(explicit: ref, layout: try programLayout(of: repository), repository: repository)
        let reader = CycleReader(repository: repository, revision: revision)
        let program = try reader.tipProgram()
        let all = program.configuration.cycles
        func cycle(_ id: String) throws(CommandFailure) -> AuditCycle {
            guard let cycle = all.first(where: { $0.id == id }) else {
                throw CommandFailure(.usage, "evident.yaml has no cycle '\(id)'" + (all.isEmpty ? "" : "; its cycles are \(all.map(\.id).joined(separator: ", "))"))
            }
            return cycle
        }
        let later = try cycle(cycles.last!)
        let earlier: AuditCycle
        if previous {
            guard let found = all.filter({ $0.end < later.start }).max(by: { $0.end < $1.end }) else {
                throw CommandFailure(.usage, "no cycle in evident.yaml ends before cycle '\(later.id)' starts (\(later.start)); nothing to compare with")
            }
            earlier = found
        } else {
            earlier = try cycle(cycles[0])
        }
        let diff = RenewalDiff.make(from: try reader.snapshot(of: earlier, layout: program.configuration.layout),
                                    to: try reader.snapshot(of: later, layout: program.configuration.layout))
        let output: String = switch format {
        case .json: try JSONOutput.encode(diff)
        case .text: RenewalDiffRenderer.render(diff, as: .text)
        case .markdown: RenewalDiffRenderer.render(diff, as: .markdown)
        case .html: RenewalDiffRenderer.render(diff, as: .html)
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}

/// Reads a cycle as it stood at its audited commit.
struct CycleReader {
    let repository: Repository
    let revision: String

    func tipProgram() throws(CommandFailure) -> Program {
        do {
            return try AuditRun.loadProgram(at: try repository.resolveCommit(revision).commit, repository: repository)
        } catch {
            throw CommandFailure(wrapping: error)
        }
    }

    /// The committed record and the program at its audited commit; else a fresh audit of the
    /// last mainline commit on or before the cycle's end.
    func snapshot(of cycle: AuditCycle, layout: ProgramLayout) throws(CommandFailure) -> CycleSnapshot {
        do {
            let tip = try repository.resolveCommit(revision).commit
            let path = "\(layout.audits)/\(cycle.id)/record.json"
            if let data = try repository.contents(of: path, at: tip) {
                let record = try AuditRecord.read(data, file: path)
                let audited = ObjectID(hex: record.auditedCommit)!
                guard repository.isAncestor(audited, of: tip) else {
                    throw CommandFailure(.repository, "\(path): its audited commit \(audited.abbreviated()) is no longer on the mainline \(revision); run `evident verify`")
                }
                return CycleSnapshot(program: try AuditRun.loadProgram(at: audited, repository: repository), record: record, recorded: true)
            }
            let endOfCycle = Int64(cycle.end.daysSinceEpoch + 1) * 86_400 - 1
            guard let last = try repository.lastFirstParentCommit(from: tip, atOrBefore: endOfCycle) else {
                throw CommandFailure(.usage, "cycle '\(cycle.id)' has no record and the mainline has no commit on or before its end (\(cycle.end)); nothing to compare")
            }
            // The cycle as evident.yaml defines it now: it may have been added after that commit.
            let run = try AuditRun.perform(repository: repository, asOf: last.description, cycle: cycle.id, now: nil, cycles: [cycle])
            return CycleSnapshot(program: run.program, record: run.record, recorded: false)
        } catch {
            throw CommandFailure(wrapping: error)
        }
    }
}
