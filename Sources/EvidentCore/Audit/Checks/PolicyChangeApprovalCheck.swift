/// A change to a policy's text needs an approval of the new version from someone else. One
/// finding per policy, listing the versions; judged by `PolicyStanding`, as `evident lint`
/// judges it.
public struct PolicyChangeApprovalCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "POL-CHANGE-UNAPPROVED", summary: "Policy text changes in the window have no proven approval of their version; one finding per policy, listing the versions.", severity: .high,
        triggering: [
            AuditExample(policyRevisions: ["policies/POL-ACCESS-CONTROL.md": ExampleProgram.revisions(topic: "access-control", landed: Day(year: 2026, month: 1, day: 10)!)
                + [ExampleProgram.revision(topic: "access-control", version: "1.1", approvals: [("dave", "1.0")], body: "New text.", on: Day(year: 2026, month: 5, day: 1)!)]],
                         expecting: [ExpectedFinding("POL-ACCESS-CONTROL", items: ["1.1"])]),
            // Two changes: one finding that lists both versions.
            AuditExample(policyRevisions: ["policies/POL-ACCESS-CONTROL.md": ExampleProgram.revisions(topic: "access-control", landed: Day(year: 2026, month: 1, day: 10)!)
                + [ExampleProgram.revision(topic: "access-control", version: "1.1", approvals: [("dave", "1.0")], body: "New text.", on: Day(year: 2026, month: 5, day: 1)!),
                   ExampleProgram.revision(topic: "access-control", version: "1.2", approvals: [("dave", "1.0")], body: "Newer text.", on: Day(year: 2026, month: 6, day: 1)!)]],
                         expecting: [ExpectedFinding("POL-ACCESS-CONTROL", items: ["1.1", "1.2"])]),
        ],
        nonTriggering: [AuditExample(policyRevisions: ["policies/POL-ACCESS-CONTROL.md": ExampleProgram.revisions(topic: "access-control", landed: Day(year: 2026, month: 1, day: 10)!)
            + [ExampleProgram.revision(topic: "access-control", version: "1.1", approvals: [("dave", "1.0")], body: "New text.", on: Day(year: 2026, month: 5, day: 1)!),
               ExampleProgram.revision(topic: "access-control", version: "1.1", approvals: [("dave", "1.0"), ("dave", "1.1")], body: "New text.", on: Day(year: 2026, month: 5, day: 3)!,
                                      author: ExampleProgram.approver)]])])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        context.program.policies.compactMap { policy in
            guard let changes = context.policyStandings[policy.file]?.unapproved, !changes.isEmpty else { return nil }
            let id = policy.id.value
            let versions = FindingText.unique(changes.map { $0.version ?? "(none)" })
            let details = changes.map { "version \($0.version ?? "(none)") \($0.verb) on \($0.day) (\($0.commit.prefix(10)))" }
            return context.finding(self, subject: id, owner: policy.owner?.value,
                                   message: "no approval by someone other than the author has landed for \(FindingText.count(versions.count, "version")): "
                                       + FindingText.list(details),
                                   evidence: [policy.file] + changes.map(\.commit), items: changes.map { $0.version ?? "(none)" })
        }
    }
}
