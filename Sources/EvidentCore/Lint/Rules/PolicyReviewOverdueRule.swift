/// A policy must be re-approved, provably, within its review interval.
public struct PolicyReviewOverdueRule: LintRule {
    public static let description = RuleDescription(
        id: "POLICY-REVIEW-OVERDUE", name: "Policy review overdue",
        summary: "A policy's last approval proven by mainline history (SPEC §5) must be at most review_days old.",
        severity: .error,
        triggering: [
            // Approved 457 days before today.
            RuleExample(provenApprovals: ExampleProgram.provenFor(day: Day(year: 2025, month: 3, day: 1)!)),
            // The front matter lists an approval, but no mainline commit proves it.
            RuleExample(provenApprovals: ExampleProgram.provenFor(day: Day(year: 2026, month: 1, day: 10)!)
                .merging(["policies/POL-ACCESS-CONTROL.md": []]) { $1 }),
        ],
        nonTriggering: [RuleExample(), RuleExample(provenApprovals: ExampleProgram.provenFor(day: Day(year: 2026, month: 1, day: 10)!))])

    public init() {}

    public func check(_ context: LintContext) -> [Diagnostic] {
        guard let proven = context.provenApprovals else { return [] }
        return context.program.policies.filter(\.isActive).compactMap { policy in
            let limit = policy.reviewDays?.value ?? Policy.defaultReviewDays
            let location = policy.reviewDays?.location ?? policy.id.location
            guard let last = proven[policy.file, default: []].map(\.day).max() else {
                return diagnostic("policy \(policy.id.value) has no approval proven by the mainline history", at: location)
            }
            let age = last.days(until: context.today)
            guard age > limit else { return nil }
            return diagnostic("policy \(policy.id.value) was last approved on \(last) (proven by history), \(age) days ago; review_days is \(limit)", at: location)
        }
    }
}

extension ExampleProgram {
    /// Every example policy approved by dave on `day`.
    static func provenFor(day: Day) -> [String: [ProvenApproval]] {
        Dictionary(uniqueKeysWithValues: topics.map {
            ("policies/\(policyID($0)).md", [ProvenApproval(by: "dave", version: "1.0", commit: String(repeating: "a", count: 40), day: day)])
        })
    }
}
