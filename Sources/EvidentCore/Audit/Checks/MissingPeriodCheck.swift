/// The closed periods of a periodic control with no occurrence: one finding per control,
/// listing them.
public struct MissingPeriodCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "EVID-MISSING-PERIOD",
        summary: "Closed periods of a periodic control have no occurrence on the mainline, or only backfills (landed after the following period plus grace_days); one finding per control, listing the periods.",
        severity: .high,
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
            // Two quarters missing: one finding that lists both.
            AuditExample(["evidence/AC-01/2026-04-10-review.md": "", "evidence/AC-01/2026-07-08-review.md": ""],
                         expecting: [ExpectedFinding("AC-01", periods: [DayRange(start: Day("2026-04-01")!, end: Day("2026-06-30")!),
                                                                        DayRange(start: Day("2026-07-01")!, end: Day("2026-09-30")!)])]),
        ],
        nonTriggering: [AuditExample()])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        context.program.controls.compactMap { control -> Finding? in
            guard let population = context.populations[control.id.value] else { return nil }
            let missing = population.periods.filter { $0.state == .missing }
            guard !missing.isEmpty else { return nil }
            let id = control.id.value
            let backfills = missing.compactMap { period in
                period.backfilled.map { "\(period.period) on \($0) (after \(population.frequency.backfillDeadline(for: period.period, graceDays: control.graceDays)))" }
            }
            let end = missing.count == 1 ? "the period's end" : "each period's end"
            return context.finding(self, subject: id, owner: control.owner?.value,
                                   message: "no evidence of \(id) for \(FindingText.periods(missing.map(\.period))) landed by \(end) plus \(FindingText.count(control.graceDays, "grace day"))"
                                       + (backfills.isEmpty ? "" : "; backfilled too late to count: " + backfills.joined(separator: ", ")),
                                   evidence: [control.evidence.value] + missing.flatMap { $0.occurrences.map(\.path) }, periods: missing.map(\.period))
        }
    }
}
