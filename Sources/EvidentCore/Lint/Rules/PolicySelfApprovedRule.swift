/// A policy change approved only by its author. Judged by `PolicyStanding`, as the audit's
/// POL-SELF-APPROVED judges it at the same clock.
public struct PolicySelfApprovedRule: LintRule {
    public static let description = RuleDescription(
        id: "POLICY-SELF-APPROVED", name: "Policy change approved by its author",
        summary: "A policy change that landed in the current cycle was approved only by the person who wrote it.",
        severity: .warning,
        triggering: [
            RuleExample(policyHistory: ExampleProgram.accessControlChange(approvals: [("dave", "1.0"), ("alice", "1.1")]), expecting: [ExampleProgram.accessControlVersion]),
        ],
        nonTriggering: [
            RuleExample(),
            RuleExample(policyHistory: ExampleProgram.history(added: Day(year: 2026, month: 1, day: 10)!, approved: Day(year: 2026, month: 1, day: 10)!)),
        ])

    public init() {}

    public func check(_ context: LintContext) -> [Diagnostic] {
        guard let standings = context.policyStandings else { return [] }
        return context.program.policies.compactMap { policy in
            guard let changes = standings[policy.file]?.selfApproved, !changes.isEmpty else { return nil }
            let versions = changes.map { "version \($0.version ?? "(none)") by \($0.author)" }.joined(separator: ", ")
            return diagnostic("policy \(policy.id.value) was approved only by its author: \(versions); someone else must approve it", at: policy.version?.location ?? policy.id.location)
        }
    }
}
