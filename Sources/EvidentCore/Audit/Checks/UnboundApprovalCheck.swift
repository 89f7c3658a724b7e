/// An approval claimed in a commit that the claimed approver did not make approves nothing: a
/// policy author cannot approve her own change by writing someone else's name. One finding per
/// policy, listing the versions claimed; judged by `PolicyStanding`, as `evident lint` judges it.
public struct UnboundApprovalCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "POL-APPROVAL-UNBOUND",
        summary: "Approvals are claimed (an entry or an Approved-by trailer) in commits the approver neither authored nor committed; one finding per policy, listing the versions claimed.",
        severity: .high,
        triggering: [
            // Alice adds Dave's entry for her new text in her own commit.
            AuditExample(policyRevisions: ["policies/POL-ACCESS-CONTROL.md": ExampleProgram.revisions(topic: "access-control", landed: Day(year: 2026, month: 1, day: 10)!)
                + [ExampleProgram.revision(topic: "access-control", version: "1.1", approvals: [("dave", "1.0"), ("dave", "1.1")], body: "New text.", on: Day(year: 2026, month: 5, day: 1)!)]],
                         expecting: [ExpectedFinding("POL-ACCESS-CONTROL", items: ["1.1"])]),
            // Alice commits her own change with a trailer naming Dave.
            AuditExample(policyRevisions: ["policies/POL-ACCESS-CONTROL.md": ExampleProgram.revisions(topic: "access-control", landed: Day(year: 2026, month: 1, day: 10)!)
                + [ExampleProgram.revision(topic: "access-control", version: "1.1", approvals: [("dave", "1.0")], body: "New text.", on: Day(year: 2026, month: 5, day: 1)!,
                                           approvedBy: ["Dave Approver <dave@example.com>"])]],
                         expecting: [ExpectedFinding("POL-ACCESS-CONTROL", items: ["1.1"])]),
        ],
        nonTriggering: [
            AuditExample(),
            // Dave adds his entry in a commit of his own.
            AuditExample(policyRevisions: ["policies/POL-ACCESS-CONTROL.md": ExampleProgram.revisions(topic: "access-control", landed: Day(year: 2026, month: 1, day: 10)!)
                + [ExampleProgram.revision(topic: "access-control", version: "1.1", approvals: [("dave", "1.0")], body: "New text.", on: Day(year: 2026, month: 5, day: 1)!),
                   ExampleProgram.revision(topic: "access-control", version: "1.1", approvals: [("dave", "1.0"), ("dave", "1.1")], body: "New text.",
                                           on: Day(year: 2026, month: 5, day: 3)!, author: ExampleProgram.approver)]]),
        ])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        context.program.policies.compactMap { policy in
            guard let claims = context.policyStandings[policy.file]?.unbound, !claims.isEmpty else { return nil }
            let id = policy.id.value
            let versions = FindingText.unique(claims.map { $0.version ?? "(none)" })
            let details = claims.map { "\($0.claim) claims \($0.by)'s approval of version \($0.version ?? "(none)"), but \($0.reason)" }
            return context.finding(self, subject: id, owner: policy.owner?.value,
                                   message: "\(id): approvals of \(FindingText.count(versions.count, "version")) claimed in commits the approver did not make approve nothing: "
                                       + FindingText.list(details),
                                   evidence: [policy.file] + claims.map(\.commit), items: claims.map { $0.version ?? "(none)" })
        }
    }
}
