/// Findings raised by an earlier run of this cycle that are past due and still found: one
/// finding per subject, listing the codes.
public struct OverdueFindingCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "FIND-OVERDUE",
        summary: "Findings from an earlier run of the cycle are past their due date and still open; one finding per subject, listing their codes.",
        severity: .high,
        triggering: [
            AuditExample(["evidence/AC-01/2026-04-10-review.md": ""],
                         earlierRecords: [ExampleProgram.earlierRecord(cycle: "2026", finding: ("EVID-MISSING-PERIOD", "AC-01"), due: "2026-10-01")],
                         expecting: [ExpectedFinding("AC-01", items: ["EVID-MISSING-PERIOD"])]),
            // A record of format 2 raised a finding per period; they are one problem still open.
            AuditExample(["evidence/AC-01/2026-04-10-review.md": "", "evidence/AC-01/2026-07-08-review.md": ""],
                         earlierRecords: [ExampleProgram.earlierRecord(cycle: "2026", format: 2, findings: [
                             ("EVID-MISSING-PERIOD", "AC-01", "2026-04-01…2026-06-30"), ("EVID-MISSING-PERIOD", "AC-01", "2026-07-01…2026-09-30"),
                             ("EVID-CLAIM-MISMATCH", "AC-01", nil),
                         ], due: "2026-10-01")],
                         expecting: [ExpectedFinding("AC-01", items: ["EVID-MISSING-PERIOD"])]),
            // Two problems on AC-01 past due: one finding that lists both.
            AuditExample(["evidence/AC-01/2026-04-10-review.md": ""], landed: ["evidence/AC-01/2026-01-15-review.md": Day(year: 2026, month: 1, day: 10)!],
                         earlierRecords: [ExampleProgram.earlierRecord(cycle: "2026", format: AuditRecord.currentFormat, findings: [
                             ("EVID-MISSING-PERIOD", "AC-01", nil), ("EVID-CLAIM-MISMATCH", "AC-01", nil),
                         ], due: "2026-10-01")],
                         expecting: [ExpectedFinding("AC-01", items: ["EVID-MISSING-PERIOD", "EVID-CLAIM-MISMATCH"])]),
        ],
        nonTriggering: [AuditExample(earlierRecords: [ExampleProgram.earlierRecord(cycle: "2026", finding: ("EVID-MISSING-PERIOD", "AC-01"), due: "2026-10-01")])])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        let current = Set(Auditor.primaryFindings(context).map(\.key))
        // Each earlier problem once, with the earliest due date any of its entries had.
        var overdue: [FindingKey: (finding: AuditRecord.Finding, due: Day)] = [:]
        var order: [FindingKey] = []
        for earlier in context.earlierRecords where earlier.record.cycle.id == context.cycle.id {
            for finding in earlier.record.findings {
                let key = earlier.record.key(of: finding)
                guard current.contains(key), let due = Day(finding.due), due < context.clock else { continue }
                if let known = overdue[key] {
                    if due < known.due { overdue[key]!.due = due }
                } else {
                    overdue[key] = (finding, due)
                    order.append(key)
                }
            }
        }
        return Dictionary(grouping: order, by: \.subject).sorted { $0.key < $1.key }.map { subject, keys in
            let entries = keys.map { overdue[$0]! }
            let details = entries.map { "\($0.finding.id) (\($0.finding.code)) was due on \($0.due)" }
            return context.finding(self, subject: subject, owner: entries.compactMap(\.finding.owner).first,
                                   message: "\(FindingText.count(entries.count, "finding")) of an earlier run on \(subject) past due, and the history does not show \(entries.count == 1 ? "it" : "them") fixed: "
                                       + FindingText.list(details),
                                   evidence: entries.map(\.finding.id), items: keys.map(\.code))
        }
    }
}
