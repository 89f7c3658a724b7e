/// History for the checks' examples: policy revisions and earlier records, which several checks
/// build theirs from, so they live apart from any one check.
extension ExampleProgram {
    /// Dave, the example program's approver, as git names him.
    public static let approver = (name: "Dave Approver", email: "dave@example.com")

    /// One revision of the example policy on `topic`, written by Alice (or `author`), committed
    /// by `committer` (default: its author) with `approvedBy` trailers.
    public static func revision(topic: String, version: String, approvals: [(by: String, version: String)], body: String, on day: Day,
                                author: (name: String, email: String) = ("Alice Smith", "alice@example.com"),
                                committer: (name: String, email: String)? = nil, approvedBy: [String] = []) -> PolicyRevision {
        // The written date is a claim and stays as first written; only the commits prove when.
        let entries = approvals.map { "  - {by: \($0.by), version: \"\($0.version)\", date: 2026-01-10}\n" }.joined()
        let text = "---\nid: \(policyID(topic))\ntitle: \(topic) policy\nowner: alice\nversion: \"\(version)\"\ntopic: \(topic)\nreview_days: 365\n"
            + "controls: [AC-01]\napprovals:\n\(entries)---\n\(body)\n"
        return PolicyRevision(commit: "rev:\(topic):\(version):\(day):\(approvals.count)", day: day, authorName: author.name,
                              authorEmail: author.email, committerName: committer?.name, committerEmail: committer?.email,
                              approvedBy: approvedBy, text: text)
    }

    /// The example policy as it first landed: written by Alice and committed by Dave with his
    /// `Approved-by:` trailer, the way a maintainer applies a patch, so his entry is bound.
    public static func revisions(topic: String, landed: Day) -> [PolicyRevision] {
        [revision(topic: topic, version: "1.0", approvals: [("dave", "1.0")], body: "Policy text.", on: landed,
                  committer: approver, approvedBy: ["\(approver.name) <\(approver.email)>"])]
    }

    /// A committed record of `cycle` with at most one finding.
    static func earlierRecord(cycle: String, onMainline: Bool = true, finding: (code: String, subject: String)? = nil, due: String = "2026-01-18") -> EarlierRecord {
        earlierRecord(cycle: cycle, onMainline: onMainline, format: AuditRecord.currentFormat,
                      findings: finding.map { [($0.code, $0.subject, nil)] } ?? [], due: due)
    }

    /// A committed record of `cycle` in record format `format`, with one finding per entry of
    /// `findings` (code, subject and, for formats 1 and 2, the one period it was about).
    static func earlierRecord(cycle: String, onMainline: Bool = true, format: Int, findings: [(code: String, subject: String, period: String?)],
                              due: String) -> EarlierRecord {
        let listed = findings.enumerated().map { index, finding in
            let id = format < 3 ? "F-" + String(repeating: "0", count: 15) + String(index + 1) : FindingKey(code: finding.code, subject: finding.subject).id
            return AuditRecord.Finding(id: id, code: finding.code, severity: .high, subject: finding.subject, owner: "alice", due: due, status: .open,
                                       message: "earlier", evidence: ["x"], periods: format < 3 ? nil : finding.period.map { [$0] } ?? [],
                                       items: format < 3 ? nil : [], count: format < 3 ? nil : finding.period == nil ? 0 : 1,
                                       period: format < 3 ? finding.period : nil)
        }
        let year = Int(cycle) ?? 2025
        var record = AuditRecord(tool: "evident", organization: nil, system: nil,
                                 cycle: .init(id: cycle, type: 2, start: "\(year)-01-01", end: "\(year)-12-31", fieldwork: nil),
                                 auditedCommit: String(repeating: "c", count: 40), clock: "\(year)-12-01", categories: ["security"],
                                 criteria: [], controls: [], policies: [], findings: listed, followUp: [], tester: nil, previous: nil)
        record.formatVersion = format
        return EarlierRecord(path: "audits/\(cycle)/record.json", record: record, auditedCommitOnMainline: onMainline)
    }
}
