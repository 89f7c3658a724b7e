/// A change to a policy's text needs an approval of the new version from someone else.
public struct PolicyChangeApprovalCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "POL-CHANGE-UNAPPROVED", summary: "A policy text change in the window has no proven approval of its version.", severity: .high,
        triggering: [AuditExample(policyRevisions: ["policies/POL-ACCESS-CONTROL.md": ExampleProgram.revisions(topic: "access-control", landed: Day(year: 2026, month: 1, day: 10)!)
            + [ExampleProgram.revision(topic: "access-control", version: "1.1", approvals: [("dave", "1.0")], body: "New text.", on: Day(year: 2026, month: 5, day: 1)!)]],
                                  expecting: [ExpectedFinding("POL-ACCESS-CONTROL")])],
        nonTriggering: [AuditExample(policyRevisions: ["policies/POL-ACCESS-CONTROL.md": ExampleProgram.revisions(topic: "access-control", landed: Day(year: 2026, month: 1, day: 10)!)
            + [ExampleProgram.revision(topic: "access-control", version: "1.1", approvals: [("dave", "1.0")], body: "New text.", on: Day(year: 2026, month: 5, day: 1)!),
               ExampleProgram.revision(topic: "access-control", version: "1.1", approvals: [("dave", "1.0"), ("dave", "1.1")], body: "New text.", on: Day(year: 2026, month: 5, day: 3)!,
                                      author: ExampleProgram.approver)]])])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        context.program.policies.flatMap { policy in
            (context.policyChanges[policy.file]?.unapproved ?? []).map { change in
                context.finding(self, subject: policy.id.value, owner: policy.owner?.value,
                                message: "\(policy.id.value) version \(change.version ?? "?") changed on \(change.day) (\(change.commit.prefix(10))) and no approval of that version by someone other than its author has landed",
                                evidence: [policy.file, change.commit])
            }
        }
    }
}
