/// Findings raised by an earlier run of this cycle that are past due and still found.
public struct OverdueFindingCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "FIND-OVERDUE", summary: "A finding from an earlier run of the cycle is past its due date and still open.", severity: .high,
        triggering: [AuditExample(["evidence/AC-01/2026-04-10-review.md": ""],
                                  earlierRecords: [ExampleProgram.earlierRecord(cycle: "2026", finding: ("EVID-MISSING-PERIOD", "AC-01"), due: "2026-10-01")],
                                  expecting: [ExpectedFinding("AC-01")])],
        nonTriggering: [AuditExample(earlierRecords: [ExampleProgram.earlierRecord(cycle: "2026", finding: ("EVID-MISSING-PERIOD", "AC-01"), due: "2026-10-01")])])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        let current = Set(Auditor.primaryFindings(context).map(\.key))
        return context.earlierRecords.filter { $0.record.cycle.id == context.cycle.id }.flatMap(\.record.findings).compactMap { earlier in
            guard current.contains(earlier.key), let due = Day(earlier.due), due < context.clock else { return nil }
            return context.finding(self, subject: earlier.subject, owner: earlier.owner,
                                   message: "\(earlier.id) (\(earlier.code)) was due on \(due) and the history does not show it fixed",
                                   evidence: [earlier.id])
        }
    }
}
