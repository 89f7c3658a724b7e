/// A commit an earlier record audited is no longer on the mainline.
public struct HistoryRewrittenCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "TRUST-HISTORY-REWRITTEN", summary: "A previous record's audited commit is no longer an ancestor of the mainline.", severity: .high,
        triggering: [AuditExample(earlierRecords: [ExampleProgram.earlierRecord(cycle: "2025", onMainline: false)],
                                  expecting: [ExpectedFinding("2025")])],
        nonTriggering: [AuditExample(earlierRecords: [ExampleProgram.earlierRecord(cycle: "2025", onMainline: true)])])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        context.earlierRecords.filter { !$0.auditedCommitOnMainline }.map { earlier in
            context.finding(self, subject: earlier.record.cycle.id, owner: nil,
                            message: "\(earlier.path) audited commit \(earlier.record.auditedCommit.prefix(10)), which is no longer on the mainline: history was rewritten",
                            evidence: [earlier.path, earlier.record.auditedCommit])
        }
    }
}
