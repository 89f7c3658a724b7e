/// A period of a periodic control closed with no occurrence.
public struct MissingPeriodCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "EVID-MISSING-PERIOD", summary: "A closed period of a periodic control has no occurrence on the mainline, or only backfills (landed after the following period plus grace_days).", severity: .high,
        triggering: [
            AuditExample(["evidence/AC-01/2026-04-10-review.md": ""],
                         expecting: [ExpectedFinding("AC-01", from: "2026-04-01", to: "2026-06-30")]),
            // Backfilled: Q2's review landed after the end of Q3 plus grace days.
            AuditExample(landed: ["evidence/AC-01/2026-04-10-review.md": Day(year: 2026, month: 10, day: 20)!],
                         expecting: [ExpectedFinding("AC-01", from: "2026-04-01", to: "2026-06-30")]),
            // An export for the whole year landed in January proves January's quarter, not the future ones.
            AuditExample(["evidence/AC-01/2026-04-10-review.md": "",
                          "evidence/AC-01/2026-01-15-review.md.meta.yaml": "covers: {from: 2026-01-01, to: 2026-12-31}\n"],
                         expecting: [ExpectedFinding("AC-01", from: "2026-04-01", to: "2026-06-30")]),
            // A symbolic link is not evidence.
            AuditExample(["evidence/AC-01/2026-04-10-review.md": "../../README.md"], kinds: ["evidence/AC-01/2026-04-10-review.md": .symlink],
                         expecting: [ExpectedFinding("AC-01", from: "2026-04-01", to: "2026-06-30")]),
        ],
        nonTriggering: [AuditExample()])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        context.program.controls.flatMap { control -> [Finding] in
            guard let population = context.populations[control.id.value] else { return [] }
            return population.periods.filter { $0.state == .missing }.map { period in
                let frequency = population.frequency
                let backfill = period.backfilled.map {
                    "; it was backfilled on \($0), after \(frequency.backfillDeadline(for: period.period, graceDays: control.graceDays))"
                } ?? ""
                return context.finding(self, subject: control.id.value, owner: control.owner?.value,
                                       message: "no evidence of \(control.id.value) for \(period.period) landed by \(period.period.end.adding(days: control.graceDays))\(backfill)",
                                       evidence: [control.evidence.value] + period.occurrences.map(\.path), period: period.period)
            }
        }
    }
}
