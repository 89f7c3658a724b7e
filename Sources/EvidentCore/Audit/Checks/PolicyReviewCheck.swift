/// Policies must have been approved, provably, within review_days before the window's end.
public struct PolicyReviewCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "POL-REVIEW-OVERDUE", summary: "A policy has no proven approval within review_days before the window's end.", severity: .high,
        triggering: [AuditExample(policyRevisions: ["policies/POL-ACCESS-CONTROL.md": ExampleProgram.revisions(topic: "access-control", landed: Day(year: 2025, month: 2, day: 1)!)],
                                  expecting: [ExpectedFinding("POL-ACCESS-CONTROL")])],
        nonTriggering: [AuditExample()])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        context.program.policies.filter(\.isActive).compactMap { policy in
            let proof = context.policyProofs[policy.file] ?? PolicyProof(firstLanded: nil, approvals: [])
            let limit = policy.reviewDays?.value ?? Policy.defaultReviewDays
            let earliest = context.cycle.end.adding(days: -limit)
            if let last = proof.approvals.map(\.day).max(), last >= earliest { return nil }
            let last = proof.approvals.map(\.day).max().map { "last proven approval \($0)" } ?? "no proven approval"
            return context.finding(self, subject: policy.id.value, owner: policy.owner?.value,
                                   message: "\(policy.id.value): \(last); review_days is \(limit), so one must land on or after \(earliest)",
                                   evidence: [policy.file] + (proof.approvals.last.map { [$0.commit] } ?? []))
        }
    }
}
