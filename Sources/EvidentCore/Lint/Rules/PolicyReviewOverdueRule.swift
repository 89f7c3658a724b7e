/// A policy must be re-approved, provably, within its review interval. Judged by
/// `PolicyStanding`, as the audit's POL-REVIEW-OVERDUE judges it at the same clock.
public struct PolicyReviewOverdueRule: LintRule {
    public static let description = RuleDescription(
        id: "POLICY-REVIEW-OVERDUE", name: "Policy review overdue",
        summary: "A policy's last approval bound by mainline history must be at most review_days old (a policy never approved: at most review_days since it landed), unless a change or claim of it lacks an approval.",
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
        guard let standings = context.policyStandings else { return [] }
        return context.program.policies.compactMap { policy in
            guard let overdue = standings[policy.file]?.overdueReview else { return nil }
            let location = policy.reviewDays?.location ?? policy.id.location
            guard let last = overdue.lastApproval else {
                return diagnostic("policy \(policy.id.value) landed on \(overdue.firstLanded) and no approval of it has been proven by the mainline history since; review_days is \(overdue.reviewDays)", at: location)
            }
            return diagnostic("policy \(policy.id.value) was last approved on \(last.day) (proven by history), \(last.day.days(until: context.today)) days ago; review_days is \(overdue.reviewDays)", at: location)
        }
    }
}

extension ExampleProgram {
    /// Every example policy's history: landed on `added`, written by Alice and, if `approved`
    /// is set, approved by dave that day (in the landing commit, or in his own later one).
    static func history(added: Day, approved: Day?) -> [String: [PolicyRevision]] {
        Dictionary(uniqueKeysWithValues: topics.map { topic in
            let revisions: [PolicyRevision]
            if approved == added {
                revisions = ExampleProgram.revisions(topic: topic, landed: added)
            } else {
                let unapproved = revision(topic: topic, version: "1.0", approvals: [], body: "Policy text.", on: added)
                revisions = [unapproved] + (approved.map {
                    [revision(topic: topic, version: "1.0", approvals: [("dave", "1.0")], body: "Policy text.", on: $0, author: approver)]
                } ?? [])
            }
            return ("policies/\(policyID(topic)).md", revisions)
        })
    }

    /// The `review_days` value of every base policy, which the examples leave untouched.
    static var reviewDaysLocations: [SourceLocation] {
        topics.map { SourceLocation(file: "policies/\(policyID($0)).md", line: 7, column: 14) }
    }

    /// Where the base access-control policy writes its version: the approval rules point there.
    static let accessControlVersion = SourceLocation(file: "policies/POL-ACCESS-CONTROL.md", line: 5, column: 10)

    /// The access-control policy as it first landed, approved, then changed to 1.1 on 1 May
    /// 2026 by Alice with `approvals` and `approvedBy` trailers.
    static func accessControlChange(approvals: [(by: String, version: String)], approvedBy: [String] = []) -> [String: [PolicyRevision]] {
        ["policies/POL-ACCESS-CONTROL.md": revisions(topic: "access-control", landed: Day(year: 2026, month: 1, day: 10)!)
            + [revision(topic: "access-control", version: "1.1", approvals: approvals, body: "New text.", on: Day(year: 2026, month: 5, day: 1)!,
                        approvedBy: approvedBy)]]
    }
}
