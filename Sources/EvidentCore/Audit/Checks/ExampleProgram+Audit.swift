/// History for the checks' examples: policy revisions and earlier records, which several checks
/// build theirs from, so they live apart from any one check.
extension ExampleProgram {
    /// One revision of the example policy on `topic`, written by Alice.
    public static func revision(topic: String, version: String, approvals: [(by: String, version: String)], body: String, on day: Day) -> PolicyRevision {
        let entries = approvals.map { "  - {by: \($0.by), version: \"\($0.version)\", date: \(day)}\n" }.joined()
        let text = "---\nid: \(policyID(topic))\ntitle: \(topic) policy\nowner: alice\nversion: \"\(version)\"\ntopic: \(topic)\nreview_days: 365\n"
            + "controls: [AC-01]\napprovals:\n\(entries)---\n\(body)\n"
        return PolicyRevision(commit: "rev:\(topic):\(version):\(day):\(approvals.count)", day: day, authorName: "Alice Smith",
                              authorEmail: "alice@example.com", approvedBy: [], text: text)
    }

    /// The example policy as it first landed, approved by dave in the same commit.
    public static func revisions(topic: String, landed: Day) -> [PolicyRevision] {
        [revision(topic: topic, version: "1.0", approvals: [("dave", "1.0")], body: "Policy text.", on: landed)]
    }

    /// A committed record of `cycle` with at most one finding.
    static func earlierRecord(cycle: String, onMainline: Bool = true, finding: (code: String, subject: String)? = nil, due: String = "2026-01-18") -> EarlierRecord {
        let findings = finding.map { [AuditRecord.Finding(id: "F-000000000001", code: $0.code, severity: .high, subject: $0.subject, owner: "alice",
                                                           due: due, status: .open, message: "earlier", evidence: ["x"], period: nil)] } ?? []
        let year = Int(cycle) ?? 2025
        let record = AuditRecord(tool: "evident", organization: nil, system: nil,
                                 cycle: .init(id: cycle, type: 2, start: "\(year)-01-01", end: "\(year)-12-31", fieldwork: nil),
                                 auditedCommit: String(repeating: "c", count: 40), clock: "\(year)-12-01", categories: ["security"],
                                 criteria: [], controls: [], policies: [], findings: findings, followUp: [], tester: nil, previous: nil)
        return EarlierRecord(path: "audits/\(cycle)/record.json", record: record, auditedCommitOnMainline: onMainline)
    }
}
