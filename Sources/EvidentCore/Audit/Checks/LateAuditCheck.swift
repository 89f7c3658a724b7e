/// The audit runs too late when fewer than 14 days remain to fix what it finds before fieldwork.
public struct LateAuditCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "TIMING-LATE", summary: "The audit ran fewer than 14 days before fieldwork.", severity: .low,
        triggering: [AuditExample(clock: Day(year: 2027, month: 1, day: 20)!, expecting: [ExpectedFinding("2026")])],
        nonTriggering: [AuditExample()])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        guard let fieldwork = context.cycle.fieldwork, context.clock.days(until: fieldwork) < 14 else { return [] }
        return [context.finding(self, subject: context.cycle.id, owner: nil,
                                message: "the audit ran on \(context.clock), less than 14 days before fieldwork on \(fieldwork): too late to remediate",
                                evidence: [ProgramLayout.fileName])]
    }
}
