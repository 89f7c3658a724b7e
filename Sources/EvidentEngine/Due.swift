import EvidentCore
import EvidentGit
import Foundation

/// What to list: what falls due within `within` days of `clock`, for the program as it stands
/// at a revision (default: the mainline tip).
public struct DueRequest: Sendable {
    /// How many days ahead `evident due` looks unless told otherwise.
    public static let defaultWithin = 30
    /// How far ahead it may look: a year at most.
    public static let withinRange = 0...366

    public var asOf: String?
    public var clock: Day
    public var within: Int

    public init(asOf: String? = nil, clock: Day, within: Int = DueRequest.defaultWithin) {
        self.asOf = asOf
        self.clock = clock
        self.within = within
    }
}

extension ComplianceRepository {
    /// What each owner must land next: the program at the revision, its evidence, policies and
    /// interview notes proven from the mainline history as the audit proves them, scheduled at
    /// the request's clock (`DueSchedule`).
    public func due(_ request: DueRequest) throws(EngineError) -> DueSchedule {
        guard DueRequest.withinRange.contains(request.within) else {
            throw EngineError(.usage, "--within takes \(DueRequest.withinRange.lowerBound) to \(DueRequest.withinRange.upperBound) days, not \(request.within)")
        }
        try git.requireCompleteHistoryMapped()
        let workingLayout = try layout()
        let revision = if let asOf = request.asOf { asOf } else { try mainlineRevision(explicit: nil, layout: workingLayout) }
        return try mapped {
            let (commit, program) = try lintCleanProgram(at: revision, before: "before listing what is due")
            let configuration = program.configuration
            guard !configuration.cycles.isEmpty else {
                throw EngineError(.usage, "evident.yaml defines no cycles; add one under 'cycles:'")
            }
            let history = try complianceHistory(at: commit, revision: revision, isPast: request.asOf != nil,
                                                configuration: configuration, workingLayout: workingLayout)
            // Whether a commit's signature verifies changes nothing about what is due.
            let histories = try pathHistories(of: history, audited: program, verified: [:])
            let controlAdded = Self.controlAdded(program, histories: histories)
            let contexts = DueSchedule.openCycles(configuration.cycles, clock: request.clock, within: request.within).map { cycle in
                AuditContext(program: program, cycle: cycle, clock: request.clock, histories: histories, controlAdded: controlAdded)
            }
            let signatures = try SignatureCache.required(by: configuration, in: git, at: commit)
            let proofs = try PolicyHistory.revisions(in: history, under: configuration.layout.policies, repository: git, signatures: signatures)
                .mapValues { ApprovalProof.proof(of: $0, people: configuration.people, requireSigned: configuration.requireSigned) }
            var schedule = DueSchedule(program: program, clock: request.clock, within: request.within, contexts: contexts, policyProofs: proofs)
            schedule.commit = commit.description
            return schedule
        }
    }
}
