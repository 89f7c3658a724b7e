/// An approval claimed in a commit that the claimed approver did not make approves nothing: a
/// policy author cannot approve her own change by writing someone else's name.
public struct UnboundApprovalCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "POL-APPROVAL-UNBOUND",
        summary: "An approval is claimed (an entry or an Approved-by trailer) in a commit the approver neither authored nor committed.",
        severity: .high,
        triggering: [
            // Alice adds Dave's entry for her new text in her own commit.
            AuditExample(policyRevisions: ["policies/POL-ACCESS-CONTROL.md": ExampleProgram.revisions(topic: "access-control", landed: Day(year: 2026, month: 1, day: 10)!)
                + [ExampleProgram.revision(topic: "access-control", version: "1.1", approvals: [("dave", "1.0"), ("dave", "1.1")], body: "New text.", on: Day(year: 2026, month: 5, day: 1)!)]],
                         expecting: [ExpectedFinding("POL-ACCESS-CONTROL")]),
            // Alice commits her own change with a trailer naming Dave.
            AuditExample(policyRevisions: ["policies/POL-ACCESS-CONTROL.md": ExampleProgram.revisions(topic: "access-control", landed: Day(year: 2026, month: 1, day: 10)!)
                + [ExampleProgram.revision(topic: "access-control", version: "1.1", approvals: [("dave", "1.0")], body: "New text.", on: Day(year: 2026, month: 5, day: 1)!,
                                           approvedBy: ["Dave Approver <dave@example.com>"])]],
                         expecting: [ExpectedFinding("POL-ACCESS-CONTROL")]),
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
        context.program.policies.flatMap { policy in
            (context.policyProofs[policy.file]?.unbound ?? []).filter { context.window.contains($0.day) }.map { claim in
                context.finding(self, subject: policy.id.value, owner: policy.owner?.value,
                                message: "\(policy.id.value): \(claim.claim) claims \(claim.by)'s approval of version \(claim.version ?? "?"), but \(claim.reason); it approves nothing",
                                evidence: [policy.file, claim.commit])
            }
        }
    }
}
