/// A mainline commit dated before the commit that landed before it: clock skew or backdating.
public struct ClockSkewCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "TRUST-CLOCK-SKEW", summary: "A mainline commit is dated before the commit that precedes it.", severity: .medium,
        triggering: [AuditExample(clockSkews: [ClockSkew(commit: "b", landed: Day(year: 2026, month: 3, day: 1)!, previousCommit: "a", previousLanded: Day(year: 2026, month: 4, day: 1)!)],
                                  expecting: [ExpectedFinding("b")])],
        nonTriggering: [AuditExample()])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        context.clockSkews.map { skew in
            context.finding(self, subject: String(skew.commit.prefix(10)), owner: nil,
                            message: "commit \(skew.commit.prefix(10)) is dated \(skew.landed), before \(skew.previousCommit.prefix(10)) which landed before it on \(skew.previousLanded)",
                            evidence: [skew.commit, skew.previousCommit])
        }
    }
}
