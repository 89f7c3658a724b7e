/// An approval claimed in a commit the approver did not make approves nothing. Judged by
/// `PolicyStanding`, as the audit's POL-APPROVAL-UNBOUND judges it at the same clock.
public struct PolicyApprovalUnboundRule: LintRule {
    public static let description = RuleDescription(
        id: "POLICY-APPROVAL-UNBOUND", name: "Policy approval not bound to its approver",
        summary: "An approval of a policy was claimed in the current cycle (an entry or an Approved-by trailer) in a commit the approver neither authored nor committed.",
        severity: .warning,
        triggering: [
            // Alice adds Dave's entry for her new text in her own commit.
            RuleExample(policyHistory: ExampleProgram.accessControlChange(approvals: [("dave", "1.0"), ("dave", "1.1")]), expecting: [ExampleProgram.accessControlVersion]),
            // Alice commits her change with a trailer naming Dave.
            RuleExample(policyHistory: ExampleProgram.accessControlChange(approvals: [("dave", "1.0")], approvedBy: ["Dave Approver <dave@example.com>"]),
                        expecting: [ExampleProgram.accessControlVersion]),
        ],
        nonTriggering: [
            RuleExample(),
            RuleExample(policyHistory: ExampleProgram.history(added: Day(year: 2026, month: 1, day: 10)!, approved: Day(year: 2026, month: 1, day: 10)!)),
        ])

    public init() {}

    public func check(_ context: LintContext) -> [Diagnostic] {
        guard let standings = context.policyStandings else { return [] }
        return context.program.policies.compactMap { policy in
            guard let claims = standings[policy.file]?.unbound, !claims.isEmpty else { return nil }
            let details = claims.map { "\($0.claim) in \($0.commit.prefix(10)) claims \($0.by)'s approval of version \($0.version ?? "(none)"), but \($0.reason)" }
            return diagnostic("policy \(policy.id.value): \(details.joined(separator: "; ")); \(claims.count == 1 ? "it approves" : "they approve") nothing",
                              at: policy.version?.location ?? policy.id.location)
        }
    }
}
