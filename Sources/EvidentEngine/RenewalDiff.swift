import EvidentCore
import EvidentGit
import Foundation

/// Which two cycles to compare: `earlier` and `later`, or (with `earlier` nil) `later` and the
/// cycle that ends before it starts.
public struct RenewalRequest: Sendable {
    public var earlier: String?
    public var later: String
    /// The mainline (default: `mainline` in evident.yaml, else HEAD).
    public var ref: String?

    public init(earlier: String?, later: String, ref: String? = nil) {
        self.earlier = earlier
        self.later = later
        self.ref = ref
    }
}

extension ComplianceRepository {
    /// The renewal review between two cycles: each read at its audited commit — the one in its
    /// committed record (which must still be on the mainline), else the last mainline commit on
    /// or before the cycle's end, audited afresh.
    public func renewalDiff(_ request: RenewalRequest) throws(EngineError) -> RenewalDiff {
        try git.requireCompleteHistoryMapped()
        let revision = try mainlineRevision(explicit: request.ref, layout: try layout())
        let program = try mapped { try self.program(at: try git.resolveCommit(revision).commit) }
        let all = program.configuration.cycles
        func cycle(_ id: String) throws(EngineError) -> AuditCycle {
            guard let cycle = all.first(where: { $0.id == id }) else {
                throw EngineError(.usage, "evident.yaml has no cycle '\(id)'" + (all.isEmpty ? "" : "; its cycles are \(all.map(\.id).joined(separator: ", "))"))
            }
            return cycle
        }
        let later = try cycle(request.later)
        let earlier: AuditCycle
        if let id = request.earlier {
            earlier = try cycle(id)
        } else {
            guard let found = all.filter({ $0.end < later.start }).max(by: { $0.end < $1.end }) else {
                throw EngineError(.usage, "no cycle in evident.yaml ends before cycle '\(later.id)' starts (\(later.start)); nothing to compare with")
            }
            earlier = found
        }
        return RenewalDiff.make(from: try snapshot(of: earlier, layout: program.configuration.layout, revision: revision),
                                to: try snapshot(of: later, layout: program.configuration.layout, revision: revision))
    }

    /// The committed record and the program at its audited commit; else a fresh audit of the
    /// last mainline commit on or before the cycle's end.
    private func snapshot(of cycle: AuditCycle, layout: ProgramLayout, revision: String) throws(EngineError) -> CycleSnapshot {
        try mapped {
            let tip = try git.resolveCommit(revision).commit
            let path = "\(layout.audits)/\(cycle.id)/record.json"
            if let data = try git.contents(of: path, at: tip) {
                let record = try AuditRecord.read(data, file: path)
                let audited = ObjectID(hex: record.auditedCommit)!
                guard try git.isOnFirstParentChain(audited, of: tip) else {
                    throw EngineError(.repository, "\(path): its audited commit \(audited.abbreviated()) is no longer on the mainline \(revision); run `evident verify`")
                }
                return CycleSnapshot(program: try program(at: audited), record: record, recorded: true)
            }
            let endOfCycle = Int64(cycle.end.daysSinceEpoch + 1) * 86_400 - 1
            guard let last = try git.lastFirstParentCommit(from: tip, atOrBefore: endOfCycle) else {
                throw EngineError(.usage, "cycle '\(cycle.id)' has no record and the mainline has no commit on or before its end (\(cycle.end)); nothing to compare")
            }
            // The cycle as evident.yaml defines it now: it may have been added after that commit.
            let run = try audit(AuditRequest(cycle: cycle.id, asOf: last.description), cycles: [cycle])
            return CycleSnapshot(program: run.program, record: run.record, recorded: false)
        }
    }
}
