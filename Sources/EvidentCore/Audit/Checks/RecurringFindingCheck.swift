/// The same problem on the same control as in the previous cycle: fix it at the root.
public struct RecurringFindingCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "FIND-RECURRING",
        summary: "The same code on the same control was found in the previous cycle (a process or ownership problem); never for info findings, and never more severe than the finding that recurs.",
        severity: .medium,
        triggering: [AuditExample(["evidence/AC-01/2026-04-10-review.md": ""],
                                  earlierRecords: [ExampleProgram.earlierRecord(cycle: "2025", finding: ("EVID-MISSING-PERIOD", "AC-01"), due: "2026-01-18")],
                                  expecting: [ExpectedFinding("AC-01")])],
        nonTriggering: [
            AuditExample(earlierRecords: [ExampleProgram.earlierRecord(cycle: "2025", finding: ("EVID-MISSING-PERIOD", "AC-01"), due: "2026-01-18")]),
            // An event control with nothing to do two years running is reported for the record, not a problem.
            AuditExample(["controls/AC-02.md": "---\nid: AC-02\ntitle: Terminations\ncriteria: [CC6.2]\nowner: alice\nfrequency: event\n---\n",
                          "evidence/AC-02/.gitkeep": ""],
                         earlierRecords: [ExampleProgram.earlierRecord(cycle: "2025", finding: ("EVID-ZERO-POPULATION", "AC-02"), due: "2026-01-18")]),
        ])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        let previousCycle = context.earlierRecords.filter { $0.record.cycle.id != context.cycle.id && $0.record.cycle.end < context.cycle.start.description }
            .max { $0.record.cycle.end < $1.record.cycle.end }
        guard let previousCycle else { return [] }
        // The most severe current finding of each code and subject.
        var current: [FindingKey: FindingSeverity] = [:]
        for finding in Auditor.primaryFindings(context) { current[finding.key] = max(current[finding.key] ?? finding.severity, finding.severity) }
        var seen: Set<FindingKey> = []
        return previousCycle.record.findings.compactMap { earlier in
            // Info findings are notes for the record: one that recurs is no process problem.
            guard let severity = current[earlier.key], severity != .info, seen.insert(earlier.key).inserted else { return nil }
            var finding = context.finding(self, subject: earlier.subject, owner: earlier.owner,
                                          message: "\(earlier.code) on \(earlier.subject) was also found in cycle \(previousCycle.record.cycle.id) (\(earlier.id)): look for the cause in the process or its ownership",
                                          evidence: [previousCycle.path, earlier.id])
            // That it recurs does not make a low finding more than low.
            finding.severity = min(finding.severity, severity)
            return finding
        }
    }
}
