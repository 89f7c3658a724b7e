/// Policies must be reviewed, provably, within review_days: at the audit's clock, and through
/// the window's end.
public struct PolicyReviewCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "POL-REVIEW-OVERDUE", summary: "A policy's review is overdue: no proven approval within review_days, at the audit's clock or by the window's end, or the window closed on a policy never approved.", severity: .high,
        triggering: [
            AuditExample(policyRevisions: ["policies/POL-ACCESS-CONTROL.md": ExampleProgram.revisions(topic: "access-control", landed: Day(year: 2025, month: 2, day: 1)!)],
                         expecting: [ExpectedFinding("POL-ACCESS-CONTROL")]),
            // Never approved, and the window is over.
            AuditExample(policyRevisions: ["policies/POL-ACCESS-CONTROL.md": [Self.unapproved(landed: Day(year: 2026, month: 3, day: 1)!)]],
                         clock: Day(year: 2027, month: 1, day: 10)!, expecting: [ExpectedFinding("POL-ACCESS-CONTROL")]),
        ],
        nonTriggering: [
            AuditExample(),
            // A new policy a week old, not approved yet: its review is not due for review_days.
            AuditExample(policyRevisions: ["policies/POL-ACCESS-CONTROL.md": [Self.unapproved(landed: Day(year: 2026, month: 11, day: 8)!)]]),
        ])

    public init() {}

    /// The example policy as Alice first committed it, with no approval the history binds.
    static func unapproved(landed: Day) -> PolicyRevision {
        ExampleProgram.revision(topic: "access-control", version: "1.0", approvals: [], body: "Policy text.", on: landed)
    }

    public func findings(_ context: AuditContext) -> [Finding] {
        context.program.policies.filter(\.isActive).compactMap { policy in
            let proof = context.policyProofs[policy.file] ?? PolicyProof(firstLanded: nil, approvals: [])
            let limit = policy.reviewDays?.value ?? Policy.defaultReviewDays
            let approved = !proof.approvals.isEmpty
            // An approved policy's review must hold at the clock, and need not hold past the
            // window's end; one never approved is due no later than the window's end.
            let reference = approved ? min(context.clock, context.cycle.end) : context.clock
            let due = PolicyReview.due(of: policy, proof: proof, window: context.window)
            if let due, due >= reference { return nil }
            let message: String
            if let last = proof.approvals.map(\.day).max() {
                message = "last proven approval \(last); review_days is \(limit), so one must land on or after \(reference.adding(days: -limit))"
            } else if let landed = proof.firstLanded, let due {
                message = "no proven approval since it landed on \(landed); the first one was due by \(due)"
            } else {
                message = "no proven approval"
            }
            return context.finding(self, subject: policy.id.value, owner: policy.owner?.value, message: "\(policy.id.value): \(message)",
                                   evidence: [policy.file] + (proof.approvals.last.map { [$0.commit] } ?? []))
        }
    }
}
