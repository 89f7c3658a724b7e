/// A period of a periodic control closed with no occurrence.
public struct MissingPeriodCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "EVID-MISSING-PERIOD", summary: "A closed period of a periodic control has no occurrence on the mainline.", severity: .high,
        triggering: [
            AuditExample(["evidence/AC-01/2026-04-10-review.md": ""],
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
                context.finding(self, subject: control.id.value, owner: control.owner?.value,
                                message: "no evidence of \(control.id.value) for \(period.period) landed by \(period.period.end.adding(days: control.graceDays))",
                                evidence: [control.evidence.value], period: period.period)
            }
        }
    }
}
