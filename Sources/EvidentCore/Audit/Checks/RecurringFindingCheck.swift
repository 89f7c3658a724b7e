/// The same problem on the same subject as in the previous cycle: fix it at the root. One
/// finding per subject, listing the codes that recur.
public struct RecurringFindingCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "FIND-RECURRING",
        summary: "The same code on the same subject was found in the previous cycle (a process or ownership problem); one finding per subject, listing the codes; never for info findings, and never more severe than the findings that recur.",
        severity: .medium,
        triggering: [
            AuditExample(["evidence/AC-01/2026-04-10-review.md": ""],
                         earlierRecords: [ExampleProgram.earlierRecord(cycle: "2025", finding: ("EVID-MISSING-PERIOD", "AC-01"), due: "2026-01-18")],
                         expecting: [ExpectedFinding("AC-01", items: ["EVID-MISSING-PERIOD"])]),
            // A record of format 2 raised a finding per period: the problem recurs once.
            AuditExample(["evidence/AC-01/2026-04-10-review.md": ""],
                         earlierRecords: [ExampleProgram.earlierRecord(cycle: "2025", format: 2, findings: [
                             ("EVID-MISSING-PERIOD", "AC-01", "2025-04-01…2025-06-30"), ("EVID-MISSING-PERIOD", "AC-01", "2025-07-01…2025-09-30"),
                         ], due: "2026-01-18")],
                         expecting: [ExpectedFinding("AC-01", items: ["EVID-MISSING-PERIOD"])]),
            // Two problems on AC-01 recur: one finding that lists both.
            AuditExample(["evidence/AC-01/2026-04-10-review.md": ""], landed: ["evidence/AC-01/2026-01-15-review.md": Day(year: 2026, month: 1, day: 10)!],
                         earlierRecords: [ExampleProgram.earlierRecord(cycle: "2025", format: AuditRecord.currentFormat, findings: [
                             ("EVID-MISSING-PERIOD", "AC-01", nil), ("EVID-CLAIM-MISMATCH", "AC-01", nil),
                         ], due: "2026-01-18")],
                         expecting: [ExpectedFinding("AC-01", items: ["EVID-MISSING-PERIOD", "EVID-CLAIM-MISMATCH"])]),
        ],
        nonTriggering: [
            AuditExample(earlierRecords: [ExampleProgram.earlierRecord(cycle: "2025", finding: ("EVID-MISSING-PERIOD", "AC-01"), due: "2026-01-18")]),
            // An event control with nothing to do two years running is reported for the record, not a problem.
            AuditExample(["controls/AC-02.md": "---\nid: AC-02\ntitle: Terminations\ncriteria: [CC6.2]\nowner: alice\nfrequency: event\n---\n",
                          "evidence/AC-02/.gitkeep": ""],
                         earlierRecords: [ExampleProgram.earlierRecord(cycle: "2025", finding: ("EVID-ZERO-POPULATION", "AC-02"), due: "2026-01-18")]),
        ])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        guard let previousCycle = context.previousCycleRecord else { return [] }
        let record = previousCycle.record
        var current: [FindingKey: FindingSeverity] = [:]
        for finding in Auditor.primaryFindings(context) { current[finding.key] = finding.severity }
        // Each earlier problem once: a record of an older format may list one several times.
        var recurring: [FindingKey: AuditRecord.Finding] = [:]
        var order: [FindingKey] = []
        for earlier in record.findings {
            let key = record.key(of: earlier)
            // Info findings are notes for the record: one that recurs is no process problem.
            guard let severity = current[key], severity != .info, recurring[key] == nil else { continue }
            recurring[key] = earlier
            order.append(key)
        }
        return Dictionary(grouping: order, by: \.subject).sorted { $0.key < $1.key }.map { subject, keys in
            let entries = keys.map { recurring[$0]! }
            let codes = keys.map(\.code)
            var finding = context.finding(self, subject: subject, owner: entries.compactMap(\.owner).first,
                                          message: "\(FindingText.count(codes.count, "finding")) on \(subject) also found in cycle \(record.cycle.id), "
                                              + "look for the cause in the process or its ownership: " + FindingText.list(entries.map { "\($0.code) (\($0.id))" }),
                                          evidence: [previousCycle.path] + entries.map(\.id), items: codes)
            // That it recurs does not make a low finding more than low.
            finding.severity = min(finding.severity, keys.compactMap { current[$0] }.max()!)
            return finding
        }
    }
}
