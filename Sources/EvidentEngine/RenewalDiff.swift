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
    /// The renewal review between two cycles, at comparable clocks. A cycle with a committed
    /// record (whose audited commit must still be on the mainline) is read as recorded. A cycle
    /// without one is audited afresh, as far from the end of its window as the other side: the
    /// clock of each side is measured in days from its window's end, a record's is fixed and a
    /// fresh audit's can reach at most the mainline tip, and a fresh audit runs at the smallest
    /// of these, at the last mainline commit on or before that day. So a cycle in progress is
    /// compared with the previous one as it stood at the same point of its window, instead of
    /// with its finished year. What is still pending on either side is named by the diff.
    public func renewalDiff(_ request: RenewalRequest) throws(EngineError) -> RenewalDiff {
        try git.requireCompleteHistoryMapped()
        let revision = try mainlineRevision(explicit: request.ref, layout: try layout())
        let program = try mapped {
            let commit = try git.resolveCommit(revision).commit
            try requireProgram(at: commit, revision: revision)
            return try self.program(at: commit)
        }
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
        let layout = program.configuration.layout
        return try mapped {
            let tip = try git.resolveCommit(revision).commit
            let tipDay = Day(epochSeconds: try git.commitInfo(tip).committer.time)
            let records = try [earlier, later].map { cycle in try committedRecord(of: cycle, layout: layout, tip: tip, revision: revision) }
            // Days from each window's end to the clock it can be judged at.
            let offset = zip([earlier, later], records).map { cycle, recorded in
                cycle.end.days(until: recorded.flatMap { Day($0.record.clock) } ?? tipDay)
            }.min()!
            let snapshots = try zip([earlier, later], records).map { cycle, recorded in
                if let recorded { return recorded }
                return try freshSnapshot(of: cycle, clock: min(tipDay, cycle.end.adding(days: offset)), tip: tip)
            }
            return RenewalDiff.make(from: snapshots[0], to: snapshots[1])
        }
    }

    /// The committed record of a cycle and the program it was judged by, if the tip has one.
    private func committedRecord(of cycle: AuditCycle, layout: ProgramLayout, tip: ObjectID, revision: String) throws -> CycleSnapshot? {
        let path = "\(layout.audits)/\(cycle.id)/record.json"
        guard let data = try git.contents(of: path, at: tip) else { return nil }
        let record = try AuditRecord.read(data, file: path)
        let audited = ObjectID(hex: record.auditedCommit)!
        guard try git.isOnFirstParentChain(audited, of: tip) else {
            throw EngineError(.repository, "\(path): its audited commit \(audited.abbreviated()) is no longer on the mainline \(revision); run `evident verify`")
        }
        return CycleSnapshot(program: try judgedProgram(try program(at: audited), cycle: cycle, commit: audited), record: record, recorded: true)
    }

    /// A fresh audit of the last mainline commit on or before `clock`, with that clock.
    private func freshSnapshot(of cycle: AuditCycle, clock: Day, tip: ObjectID) throws -> CycleSnapshot {
        let endOfClock = Int64(clock.daysSinceEpoch + 1) * 86_400 - 1
        guard let last = try git.lastFirstParentCommit(from: tip, atOrBefore: endOfClock) else {
            throw EngineError(.usage, "cycle '\(cycle.id)' has no record and the mainline has no commit on or before \(clock), the clock it is compared at; nothing to compare")
        }
        // The cycle as evident.yaml defines it now: it may have been added after that commit.
        let run = try audit(AuditRequest(cycle: cycle.id, asOf: last.description, clock: clock), cycles: [cycle])
        return CycleSnapshot(program: run.program, record: run.record, recorded: false)
    }
}
