/// Policies must have been approved, provably, within review_days before the audit's clock (or
/// the window's end, when that is earlier). Judged by `PolicyStanding`, as `evident lint`
/// judges it.
public struct PolicyReviewCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "POL-REVIEW-OVERDUE",
        summary: "A policy has no proven approval within review_days before the audit's clock or the window's end, whichever is earlier (a policy never approved: within review_days after it landed).",
        severity: .high,
        triggering: [
            AuditExample(policyRevisions: ["policies/POL-ACCESS-CONTROL.md": ExampleProgram.revisions(topic: "access-control", landed: Day(year: 2025, month: 2, day: 1)!)],
                         expecting: [ExpectedFinding("POL-ACCESS-CONTROL")]),
            // Landed in 2024 and never approved since.
            AuditExample(policyRevisions: ["policies/POL-ACCESS-CONTROL.md": [
                ExampleProgram.revision(topic: "access-control", version: "1.0", approvals: [], body: "Policy text.", on: Day(year: 2024, month: 6, day: 1)!),
            ]], expecting: [ExpectedFinding("POL-ACCESS-CONTROL")]),
        ],
        nonTriggering: [
            AuditExample(),
            // Due on 1 December 2026: not overdue at a clock of 15 November.
            AuditExample(policyRevisions: ["policies/POL-ACCESS-CONTROL.md": ExampleProgram.revisions(topic: "access-control", landed: Day(year: 2025, month: 12, day: 1)!)]),
        ])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        context.program.policies.compactMap { policy in
            guard let standing = context.policyStandings[policy.file], let overdue = standing.overdueReview else { return nil }
            let last = overdue.lastApproval.map { "last proven approval \($0.day)" } ?? "no proven approval since it landed on \(overdue.firstLanded)"
            return context.finding(self, subject: policy.id.value, owner: policy.owner?.value,
                                   message: "\(last); review_days is \(overdue.reviewDays), so one was due by \(overdue.due)",
                                   evidence: [policy.file] + (overdue.lastApproval.map { [$0.commit] } ?? []))
        }
    }
}
