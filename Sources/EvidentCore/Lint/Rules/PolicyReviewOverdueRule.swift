/// A policy must be re-approved, provably, within its review interval.
public struct PolicyReviewOverdueRule: LintRule {
    public static let description = RuleDescription(
        id: "POLICY-REVIEW-OVERDUE", name: "Policy review overdue",
        summary: "A policy's last approval bound by mainline history must be at most review_days old.",
        severity: .error,
        triggering: [
            // Last approved 457 days before today.
            RuleExample(policyHistory: ExampleProgram.history(added: Day(year: 2025, month: 1, day: 5)!, approved: Day(year: 2025, month: 3, day: 1)!),
                        expecting: ExampleProgram.reviewDaysLocations),
            // Added 512 days ago; the front matter lists an approval, but no mainline commit proves one.
            RuleExample(policyHistory: ExampleProgram.history(added: Day(year: 2025, month: 1, day: 5)!, approved: nil),
                        expecting: ExampleProgram.reviewDaysLocations),
        ],
        nonTriggering: [
            RuleExample(),
            RuleExample(policyHistory: ExampleProgram.history(added: Day(year: 2025, month: 1, day: 5)!, approved: Day(year: 2026, month: 1, day: 10)!)),
            // New and not yet approved: not overdue until review_days have passed.
            RuleExample(policyHistory: ExampleProgram.history(added: Day(year: 2026, month: 5, day: 1)!, approved: nil)),
        ])

    public init() {}

    public func check(_ context: LintContext) -> [Diagnostic] {
        guard let history = context.policyHistory else { return [] }
        return context.program.policies.filter(\.isActive).compactMap { policy in
            let limit = policy.reviewDays?.value ?? Policy.defaultReviewDays
            let location = policy.reviewDays?.location ?? policy.id.location
            let proof = history[policy.file]
            guard let last = proof?.approvals.map(\.day).max() else {
                guard let added = proof?.firstLanded, added.days(until: context.today) > limit else { return nil }
                return diagnostic("policy \(policy.id.value) landed on \(added) and no approval of it has been proven by the mainline history since; review_days is \(limit)", at: location)
            }
            let age = last.days(until: context.today)
            guard age > limit else { return nil }
            return diagnostic("policy \(policy.id.value) was last approved on \(last) (proven by history), \(age) days ago; review_days is \(limit)", at: location)
        }
    }
}

extension ExampleProgram {
    /// Every example policy added on `added` and, if `approved` is set, approved by dave that day.
    static func history(added: Day, approved: Day?) -> [String: PolicyProof] {
        Dictionary(uniqueKeysWithValues: topics.map { topic in
            let approvals = approved.map { [ProvenApproval(by: "dave", version: "1.0", commit: String(repeating: "a", count: 40), day: $0)] } ?? []
            return ("policies/\(policyID(topic)).md", PolicyProof(firstLanded: added, approvals: approvals))
        })
    }

    /// The `review_days` value of every base policy, which the examples leave untouched.
    static var reviewDaysLocations: [SourceLocation] {
        topics.map { SourceLocation(file: "policies/\(policyID($0)).md", line: 7, column: 14) }
    }
}
