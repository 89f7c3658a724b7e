/// A mainline commit dated before the commit that landed before it: clock skew or backdating.
/// One finding per cycle (its id the subject), listing the commits.
public struct ClockSkewCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "TRUST-CLOCK-SKEW", summary: "Mainline commits are dated before the commit that precedes them; one finding per cycle, listing the commits.", severity: .medium,
        triggering: [
            AuditExample(clockSkews: [ClockSkew(commit: "b", landed: Day(year: 2026, month: 3, day: 1)!, previousCommit: "a", previousLanded: Day(year: 2026, month: 4, day: 1)!)],
                         expecting: [ExpectedFinding("2026", items: ["b"])]),
            AuditExample(clockSkews: [ClockSkew(commit: "b", landed: Day(year: 2026, month: 3, day: 1)!, previousCommit: "a", previousLanded: Day(year: 2026, month: 4, day: 1)!),
                                      ClockSkew(commit: "d", landed: Day(year: 2026, month: 5, day: 1)!, previousCommit: "c", previousLanded: Day(year: 2026, month: 6, day: 1)!)],
                         expecting: [ExpectedFinding("2026", items: ["b", "d"])]),
        ],
        nonTriggering: [AuditExample()])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        let skews = context.clockSkews
        guard !skews.isEmpty else { return [] }
        let details = skews.map { skew in
            "\(skew.commit.prefix(10)) is dated \(skew.landed), before \(skew.previousCommit.prefix(10)) which landed before it on \(skew.previousLanded)"
        }
        return [context.finding(self, subject: context.cycle.id, owner: nil,
                                message: "\(FindingText.count(skews.count, "mainline commit")) dated before the commit that landed before \(skews.count == 1 ? "it" : "them"): "
                                    + FindingText.list(details),
                                evidence: skews.flatMap { [$0.commit, $0.previousCommit] }, items: skews.map(\.commit))]
    }
}
