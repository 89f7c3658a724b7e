/// The audit runs too early when fewer than half the window's periods can have closed.
public struct EarlyAuditCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "TIMING-EARLY", summary: "The audit ran before half the window had passed.", severity: .low,
        triggering: [AuditExample(clock: Day(year: 2026, month: 4, day: 1)!, expecting: [ExpectedFinding("2026")])],
        nonTriggering: [AuditExample()])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        let middle = context.window.start.adding(days: context.window.start.days(until: context.window.end) / 2)
        guard context.clock < middle else { return [] }
        return [context.finding(self, subject: context.cycle.id, owner: nil,
                                message: "the audit ran on \(context.clock), before half the window (\(middle)): most periods cannot be tested yet",
                                evidence: [ProgramLayout.fileName])]
    }
}
