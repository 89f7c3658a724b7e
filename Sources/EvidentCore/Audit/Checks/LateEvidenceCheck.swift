/// The periods of a control whose evidence landed after the period's end plus the grace days,
/// in time to count: one finding per control, listing them.
public struct LateEvidenceCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "EVID-LATE",
        summary: "Periods' evidence landed after the period's end plus grace_days (but in time to count: later is a backfill, and the period missing); one finding per control, listing the periods.",
        severity: .medium,
        triggering: [
            AuditExample(landed: ["evidence/AC-01/2026-04-10-review.md": Day(year: 2026, month: 7, day: 20)!],
                         expecting: [ExpectedFinding("AC-01", from: "2026-04-01", to: "2026-06-30", items: ["evidence/AC-01/2026-04-10-review.md"])]),
            // Q2 has no evidence of its own; in August a sidecar stretches Q1's export (landed on
            // 5 April) over it. The covers count from when they landed: Q2 is late, not on time.
            AuditExample(["evidence/AC-01/2026-04-10-review.md": "", "evidence/AC-01/2026-03-31-export.csv": "users",
                          "evidence/AC-01/2026-03-31-export.csv.meta.yaml": "covers: {from: 2026-01-01, to: 2026-06-30}\n"],
                         landed: ["evidence/AC-01/2026-03-31-export.csv": Day(year: 2026, month: 4, day: 5)!,
                                  "evidence/AC-01/2026-03-31-export.csv.meta.yaml": Day(year: 2026, month: 8, day: 1)!],
                         expecting: [ExpectedFinding("AC-01", from: "2026-04-01", to: "2026-06-30", items: ["evidence/AC-01/2026-03-31-export.csv"])]),
            // Two quarters late: one finding that lists both.
            AuditExample(landed: ["evidence/AC-01/2026-04-10-review.md": Day(year: 2026, month: 7, day: 20)!,
                                  "evidence/AC-01/2026-07-08-review.md": Day(year: 2026, month: 10, day: 20)!],
                         expecting: [ExpectedFinding("AC-01", periods: [DayRange(start: Day("2026-04-01")!, end: Day("2026-06-30")!),
                                                                        DayRange(start: Day("2026-07-01")!, end: Day("2026-09-30")!)],
                                                     items: ["evidence/AC-01/2026-04-10-review.md", "evidence/AC-01/2026-07-08-review.md"])]),
        ],
        nonTriggering: [
            AuditExample(landed: ["evidence/AC-01/2026-04-10-review.md": Day(year: 2026, month: 7, day: 14)!]),
            // Landed after the end of Q3 plus grace days: a backfill, which leaves Q2 missing instead.
            AuditExample(landed: ["evidence/AC-01/2026-04-10-review.md": Day(year: 2026, month: 10, day: 20)!]),
            // A second Q2 review landed late beside one on time: the quarter was on time.
            AuditExample(["evidence/AC-01/2026-05-10-review.md": "again"], landed: ["evidence/AC-01/2026-05-10-review.md": Day(year: 2026, month: 8, day: 1)!]),
        ])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        context.program.controls.compactMap { control -> Finding? in
            guard let population = context.populations[control.id.value] else { return nil }
            let late = population.periods.filter { $0.state == .late }
            guard !late.isEmpty else { return nil }
            let id = control.id.value
            // Each late period with the occurrence that first proved it.
            let proofs = late.compactMap { period -> (period: DayRange, occurrence: ProvenOccurrence, proved: Day)? in
                period.occurrences.compactMap { occurrence in occurrence.proves(period.period).map { (period.period, occurrence, $0) } }
                    .min { $0.2 < $1.2 }
            }
            let details = proofs.map { period, occurrence, proved in
                let when = proved == occurrence.landed ? "landed on \(proved)" : "landed on \(occurrence.landed.map(\.description) ?? "?"), its covers on \(proved)"
                // With one period the message has named it already.
                return (late.count == 1 ? "" : "\(period): ") + "\(occurrence.path) \(when), after \(period.end.adding(days: control.graceDays))"
            }
            return context.finding(self, subject: id, owner: control.owner?.value,
                                   message: "evidence of \(id) for \(FindingText.periods(late.map(\.period))) landed after \(FindingText.count(control.graceDays, "grace day")): "
                                       + FindingText.list(details),
                                   evidence: proofs.flatMap { [$0.occurrence.path] + ($0.occurrence.landingCommit.map { [$0] } ?? []) },
                                   periods: late.map(\.period), items: proofs.map(\.occurrence.path))
        }
    }
}
