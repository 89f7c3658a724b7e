/// An occurrence landed after its period's end plus the grace days.
public struct LateEvidenceCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "EVID-LATE", summary: "An occurrence landed after its period's end plus grace_days (but in time to count: later is a backfill, and the period missing).", severity: .medium,
        triggering: [
            AuditExample(landed: ["evidence/AC-01/2026-04-10-review.md": Day(year: 2026, month: 7, day: 20)!],
                         expecting: [ExpectedFinding("AC-01", from: "2026-04-01", to: "2026-06-30")]),
            // Q2 has no evidence of its own; in August a sidecar stretches Q1's export (landed on
            // 5 April) over it. The covers count from when they landed: Q2 is late, not on time.
            AuditExample(["evidence/AC-01/2026-04-10-review.md": "", "evidence/AC-01/2026-03-31-export.csv": "users",
                          "evidence/AC-01/2026-03-31-export.csv.meta.yaml": "covers: {from: 2026-01-01, to: 2026-06-30}\n"],
                         landed: ["evidence/AC-01/2026-03-31-export.csv": Day(year: 2026, month: 4, day: 5)!,
                                  "evidence/AC-01/2026-03-31-export.csv.meta.yaml": Day(year: 2026, month: 8, day: 1)!],
                         expecting: [ExpectedFinding("AC-01", from: "2026-04-01", to: "2026-06-30")]),
        ],
        nonTriggering: [
            AuditExample(landed: ["evidence/AC-01/2026-04-10-review.md": Day(year: 2026, month: 7, day: 14)!]),
            // Landed after the end of Q3 plus grace days: a backfill, which leaves Q2 missing instead.
            AuditExample(landed: ["evidence/AC-01/2026-04-10-review.md": Day(year: 2026, month: 10, day: 20)!]),
        ])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        context.program.controls.flatMap { control -> [Finding] in
            guard let population = context.populations[control.id.value] else { return [] }
            // A missing period's occurrences are backfills: the period is a missing one, not late.
            return population.periods.filter { $0.state != .missing }.flatMap { period in
                period.occurrences.compactMap { occurrence -> Finding? in
                    let deadline = period.period.end.adding(days: control.graceDays)
                    guard let landed = occurrence.landed, let proved = occurrence.proves(period.period), proved > deadline else { return nil }
                    let when = proved == landed ? "landed on \(landed)" : "landed on \(landed), its covers on \(proved)"
                    return context.finding(self, subject: control.id.value, owner: control.owner?.value,
                                           message: "\(occurrence.path) for \(period.period) \(when), after the grace days ended on \(deadline)",
                                           evidence: [occurrence.path] + (occurrence.landingCommit.map { [$0] } ?? []), period: period.period)
                }
            }
        }
    }
}
