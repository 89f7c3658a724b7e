/// An occurrence landed after its period's end plus the grace days.
public struct LateEvidenceCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "EVID-LATE", summary: "An occurrence landed after its period's end plus grace_days.", severity: .medium,
        triggering: [AuditExample(landed: ["evidence/AC-01/2026-04-10-review.md": Day(year: 2026, month: 7, day: 20)!],
                                  expecting: [ExpectedFinding("AC-01", from: "2026-04-01", to: "2026-06-30")])],
        nonTriggering: [AuditExample(landed: ["evidence/AC-01/2026-04-10-review.md": Day(year: 2026, month: 7, day: 14)!])])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        context.program.controls.flatMap { control -> [Finding] in
            guard let population = context.populations[control.id.value] else { return [] }
            return population.periods.flatMap { period in
                period.occurrences.compactMap { occurrence -> Finding? in
                    guard let landed = occurrence.landed, landed > period.period.end.adding(days: control.graceDays) else { return nil }
                    return context.finding(self, subject: control.id.value, owner: control.owner?.value,
                                           message: "\(occurrence.path) for \(period.period) landed on \(landed), after the grace days ended on \(period.period.end.adding(days: control.graceDays))",
                                           evidence: [occurrence.path] + (occurrence.landingCommit.map { [$0] } ?? []), period: period.period)
                }
            }
        }
    }
}
