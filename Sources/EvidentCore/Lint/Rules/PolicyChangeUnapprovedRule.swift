/// A policy change that landed on the mainline needs an approval of its version by someone other
/// than its author. Judged by `PolicyStanding`, as the audit's POL-CHANGE-UNAPPROVED judges it
/// at the same clock; a warning here, since the change has already landed and only an approval
/// fixes it.
public struct PolicyChangeUnapprovedRule: LintRule {
    public static let description = RuleDescription(
        id: "POLICY-CHANGE-UNAPPROVED", name: "Policy change unapproved",
        summary: "A policy change that landed in the current cycle has no approval of its version bound by mainline history.",
        severity: .warning,
        triggering: [
            RuleExample(policyHistory: ExampleProgram.accessControlChange(approvals: [("dave", "1.0")]), expecting: [ExampleProgram.accessControlVersion]),
        ],
        nonTriggering: [
            RuleExample(),
            RuleExample(policyHistory: ExampleProgram.accessControlChange(approvals: [("dave", "1.0")]).mapValues {
                $0 + [ExampleProgram.revision(topic: "access-control", version: "1.1", approvals: [("dave", "1.0"), ("dave", "1.1")], body: "New text.",
                                              on: Day(year: 2026, month: 5, day: 3)!, author: ExampleProgram.approver)]
            }),
            // Dave's approval was claimed in Alice's commit: POLICY-APPROVAL-UNBOUND says so.
            RuleExample(policyHistory: ExampleProgram.accessControlChange(approvals: [("dave", "1.0"), ("dave", "1.1")])),
        ])

    public init() {}

    public func check(_ context: LintContext) -> [Diagnostic] {
        guard let standings = context.policyStandings else { return [] }
        return context.program.policies.compactMap { policy in
            guard let changes = standings[policy.file]?.unapproved, !changes.isEmpty else { return nil }
            let versions = changes.map { "version \($0.version ?? "(none)") \($0.verb) on \($0.day) (\($0.commit.prefix(10)))" }.joined(separator: ", ")
            return diagnostic("policy \(policy.id.value): \(versions), and the mainline history proves no approval of \(changes.count == 1 ? "it" : "them") by someone other than the author; the approver must approve in a commit of their own",
                              at: policy.version?.location ?? policy.id.location)
        }
    }
}
