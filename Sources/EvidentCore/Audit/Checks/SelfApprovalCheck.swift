/// The approver of a policy change must not be its author.
public struct SelfApprovalCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "POL-SELF-APPROVED", summary: "A policy change was approved by the person who wrote it.", severity: .medium,
        triggering: [AuditExample(policyRevisions: ["policies/POL-ACCESS-CONTROL.md": ExampleProgram.revisions(topic: "access-control", landed: Day(year: 2026, month: 1, day: 10)!)
            + [ExampleProgram.revision(topic: "access-control", version: "1.1", approvals: [("dave", "1.0"), ("alice", "1.1")], body: "New text.", on: Day(year: 2026, month: 5, day: 1)!)]],
                                  expecting: [ExpectedFinding("POL-ACCESS-CONTROL")])],
        nonTriggering: [AuditExample()])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        context.program.policies.flatMap { policy in
            (context.policyChanges[policy.file]?.selfApproved ?? []).map { change in
                context.finding(self, subject: policy.id.value, owner: policy.owner?.value,
                                message: "\(policy.id.value) version \(change.version ?? "?") was approved only by its author, \(change.author)",
                                evidence: [policy.file, change.commit])
            }
        }
    }
}
