/// When a policy's review falls due: the day by which a proven approval must land for the
/// policy to stay current.
public enum PolicyReview {
    /// `review_days` after the policy's last approval the mainline history proves. A policy
    /// never approved falls due `review_days` after it first landed (a new policy gets as long
    /// as a reviewed one), and no later than the end of `window` when one is given: a window
    /// must not close on a policy nobody approved. Nil when the history proves neither an
    /// approval nor a landing.
    public static func due(of policy: Policy, proof: PolicyProof?, window: DayRange? = nil) -> Day? {
        let limit = policy.reviewDays?.value ?? Policy.defaultReviewDays
        if let last = proof?.approvals.map(\.day).max() { return last.adding(days: limit) }
        guard let landed = proof?.firstLanded else { return nil }
        let due = landed.adding(days: limit)
        return window.map { min(due, $0.end) } ?? due
    }
}
