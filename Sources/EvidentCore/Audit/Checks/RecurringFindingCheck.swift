/// The same problem on the same control as in the previous cycle: fix it at the root.
public struct RecurringFindingCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "FIND-RECURRING", summary: "The same code on the same control was found in the previous cycle (a process or ownership problem).", severity: .medium,
        triggering: [AuditExample(["evidence/AC-01/2026-04-10-review.md": ""],
                                  earlierRecords: [ExampleProgram.earlierRecord(cycle: "2025", finding: ("EVID-MISSING-PERIOD", "AC-01"), due: "2026-01-18")],
                                  expecting: [ExpectedFinding("AC-01")])],
        nonTriggering: [AuditExample(earlierRecords: [ExampleProgram.earlierRecord(cycle: "2025", finding: ("EVID-MISSING-PERIOD", "AC-01"), due: "2026-01-18")])])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        let previousCycle = context.earlierRecords.filter { $0.record.cycle.id != context.cycle.id && $0.record.cycle.end < context.cycle.start.description }
            .max { $0.record.cycle.end < $1.record.cycle.end }
        guard let previousCycle else { return [] }
        let current = Set(Auditor.primaryFindings(context).map(\.key))
        var seen: Set<FindingKey> = []
        return previousCycle.record.findings.compactMap { earlier in
            guard current.contains(earlier.key), seen.insert(earlier.key).inserted else { return nil }
            return context.finding(self, subject: earlier.subject, owner: earlier.owner,
                                   message: "\(earlier.code) on \(earlier.subject) was also found in cycle \(previousCycle.record.cycle.id) (\(earlier.id)): look for the cause in the process or its ownership",
                                   evidence: [previousCycle.path, earlier.id])
        }
    }
}
