/// The approver of a policy change must not be its author. One finding per policy, listing the
/// versions; judged by `PolicyStanding`, as `evident lint` judges it.
public struct SelfApprovalCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "POL-SELF-APPROVED", summary: "Policy changes were approved only by the person who wrote them; one finding per policy, listing the versions.", severity: .medium,
        triggering: [AuditExample(policyRevisions: ["policies/POL-ACCESS-CONTROL.md": ExampleProgram.revisions(topic: "access-control", landed: Day(year: 2026, month: 1, day: 10)!)
            + [ExampleProgram.revision(topic: "access-control", version: "1.1", approvals: [("dave", "1.0"), ("alice", "1.1")], body: "New text.", on: Day(year: 2026, month: 5, day: 1)!)]],
                                  expecting: [ExpectedFinding("POL-ACCESS-CONTROL", items: ["1.1"])])],
        nonTriggering: [AuditExample()])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        context.program.policies.compactMap { policy in
            guard let changes = context.policyStandings[policy.file]?.selfApproved, !changes.isEmpty else { return nil }
            let id = policy.id.value
            let details = changes.map { "version \($0.version ?? "(none)") by \($0.author)" }
            return context.finding(self, subject: id, owner: policy.owner?.value,
                                   message: "\(id): \(FindingText.list(details)) was approved only by its author",
                                   evidence: [policy.file] + changes.map(\.commit), items: changes.map { $0.version ?? "(none)" })
        }
    }
}
