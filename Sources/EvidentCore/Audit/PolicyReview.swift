/// When a policy's review falls due: the day by which a proven approval must land for the
/// policy to stay current.
public enum PolicyReview {
    /// `review_days` after the policy's last approval the mainline history proves; for a policy
    /// never approved, `review_days` after it first landed (a new policy gets as long as a
    /// reviewed one). Nil when the history proves neither. The same rule `PolicyStanding`
    /// judges an overdue review by, so `evident due`, lint and the audit agree.
    public static func due(of policy: Policy, proof: PolicyProof?) -> Day? {
        guard let proof else { return nil }
        return PolicyStanding.reviewDue(of: policy, proof: proof, upTo: nil)
    }
}
