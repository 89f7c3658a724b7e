/// The approver of a policy change must not be its author. One finding per policy, listing the
/// versions; judged by `PolicyStanding`, as `evident lint` judges it.
public struct SelfApprovalCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "POL-SELF-APPROVED", summary: "Policy changes were approved only by the person who wrote them; one finding per policy, listing the versions.", severity: .medium,
        triggering: [AuditExample(policyRevisions: ["policies/POL-ACCESS-CONTROL.md": ExampleProgram.revisions(topic: "access-control", landed: Day(year: 2026, month: 1, day: 10)!)
            + [ExampleProgram.revision(topic: "access-control", version: "1.1", approvals: [("dave", "1.0"), ("alice", "1.1")], body: "New text.", on: Day(year: 2026, month: 5, day: 1)!)]],
                                  expecting: [ExpectedFinding("POL-ACCESS-CONTROL", items: ["1.1"])]),
                     // Two versions, each approved by Alice alone: one finding that lists both.
                     AuditExample(policyRevisions: ["policies/POL-ACCESS-CONTROL.md": ExampleProgram.revisions(topic: "access-control", landed: Day(year: 2026, month: 1, day: 10)!) + [
                         ExampleProgram.revision(topic: "access-control", version: "1.1", approvals: [("dave", "1.0"), ("alice", "1.1")], body: "New text.", on: Day(year: 2026, month: 5, day: 1)!),
                         ExampleProgram.revision(topic: "access-control", version: "1.2", approvals: [("dave", "1.0"), ("alice", "1.1"), ("alice", "1.2")], body: "Newer text.",
                                                 on: Day(year: 2026, month: 6, day: 1)!),
                     ]], expecting: [ExpectedFinding("POL-ACCESS-CONTROL", items: ["1.1", "1.2"])])],
        nonTriggering: [AuditExample()])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        context.program.policies.compactMap { policy in
            guard let changes = context.policyStandings[policy.file]?.selfApproved, !changes.isEmpty else { return nil }
            let id = policy.id.value
            let versions = FindingText.unique(changes.map { $0.version ?? "(none)" })
            let details = changes.map { "version \($0.version ?? "(none)") by \($0.author)" }
            return context.finding(self, subject: id, owner: policy.owner?.value,
                                   message: "\(id): \(FindingText.count(versions.count, "version")) approved only by \(versions.count == 1 ? "its author" : "their authors"): "
                                       + FindingText.list(details),
                                   evidence: [policy.file] + changes.map(\.commit), items: changes.map { $0.version ?? "(none)" })
        }
    }
}
