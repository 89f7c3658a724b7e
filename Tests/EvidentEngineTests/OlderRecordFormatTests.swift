import EvidentCore
import EvidentEngine
import Foundation
import GitFixtures
import Testing

/// Records of format 2 raised one finding per period. Committed before an upgrade, they still
/// read and verify, and their findings follow up under the key of the one finding format 3
/// raises for the problem.
@Suite struct OlderRecordFormatTests {
    /// `record` as format 2 wrote it: each period finding once per period, under its own id,
    /// without `periods`, `items` and `count`, every finding due on `due`.
    static func formatTwo(_ record: AuditRecord, due: String) throws -> String {
        var old = record
        old.formatVersion = 2
        old.findings = record.findings.flatMap { finding -> [AuditRecord.Finding] in
            let periods = finding.listedPeriods.isEmpty ? [nil] : finding.listedPeriods.map { Optional($0) }
            return periods.enumerated().map { index, period in
                AuditRecord.Finding(id: "F-\(finding.code.lowercased())-\(index)", code: finding.code, severity: finding.severity, subject: finding.subject,
                                    owner: finding.owner, due: due, status: finding.status, message: finding.message, evidence: finding.evidence,
                                    period: period)
            }
        }
        return try EvidentReportingBridge.json(old)
    }

    /// The year of evidence with Q2 and Q3 missing, audited and recorded in format 2 in
    /// September, with findings due in October; then audited again in December.
    private func upgraded(in folder: TemporaryDirectory) throws -> (first: AuditRecord, again: AuditRun, repository: ComplianceRepository) {
        var fixture = try Fixtures.yearOfEvidence(in: folder, q2: nil)
        try fixture.commit(["evidence/AC-01/2026-07-08-review.md": nil], on: "2026-12-21", message: "Drop Q3")
        let repository = try Fixtures.open(fixture)
        let first = try Fixtures.auditAndWrite(fixture).record
        try fixture.commit(["audits/2026/record.json": try Self.formatTwo(first, due: "2026-12-01")], on: "2026-12-22", message: "Record (format 2)")
        let again = try repository.audit(AuditRequest(clock: Day("2026-12-23")))
        return (first, again, repository)
    }

    @Test func perPeriodFindingsOfAnOlderRecordFollowUpAsOne() throws {
        let folder = try TemporaryDirectory()
        let (first, again, _) = try upgraded(in: folder)
        let missing = try #require(first.findings.first { $0.code == "EVID-MISSING-PERIOD" })
        #expect(missing.count == 2, "Q2 and Q3: two entries in format 2")
        // One follow-up per problem, still open: not the second period's entry called remediated.
        let followUp = again.record.followUp.filter { $0.code == "EVID-MISSING-PERIOD" }
        #expect(followUp.map(\.id) == ["F-evid-missing-period-0"])
        #expect(followUp.map(\.status) == [.open])
        #expect(!again.record.followUp.contains { $0.status == .remediated }, "\(again.record.followUp)")
        // Past due and still raised: one FIND-OVERDUE for AC-01, listing each overdue code once.
        let overdue = again.findings.filter { $0.code == "FIND-OVERDUE" }
        #expect(overdue.map(\.subject) == ["AC-01"])
        #expect(overdue.first?.items == first.findings.filter { $0.subject == "AC-01" }.map(\.code), "\(overdue.map(\.message))")
        let keys = again.findings.map(\.key)
        #expect(Set(keys).count == keys.count)
    }

    @Test func anOlderFormatReadsAndVerifiesWithANote() throws {
        let folder = try TemporaryDirectory()
        let (_, _, repository) = try upgraded(in: folder)
        let report = try repository.verify()
        #expect(report.isClean, "\(report.problems)")
        #expect(report.notes == ["audits/2026/record.json: written in record format 2, not \(AuditRecord.currentFormat), so its findings, populations and samples were not re-derived; checked its audited commit's place on the first-parent mainline, its chain to the previous record, and record.md and report.html against their digests"])
    }

    /// The trust findings of format 2 were one per commit, with the commit as subject; they map
    /// to the cycle's one finding.
    @Test func perCommitTrustFindingsMapToTheCycle() throws {
        let finding = AuditRecord.Finding(id: "F-1", code: "TRUST-UNSIGNED", severity: .high, subject: "0123456789", owner: nil, due: "2027-01-18",
                                          status: .open, message: "m", evidence: [])
        var record = try ExampleRecords.empty()
        record.findings = [finding]
        record.formatVersion = 2
        #expect(record.key(of: finding) == FindingKey(code: "TRUST-UNSIGNED", subject: "2026"))
        record.formatVersion = nil
        #expect(record.key(of: finding) == FindingKey(code: "TRUST-UNSIGNED", subject: "2026"), "format 1")
        record.formatVersion = 3
        #expect(record.key(of: finding) == FindingKey(code: "TRUST-UNSIGNED", subject: "0123456789"))
        let period = AuditRecord.Finding(id: "F-2", code: "EVID-LATE", severity: .medium, subject: "AC-01", owner: nil, due: "2027-01-18",
                                         status: .open, message: "m", evidence: [], period: "2026-04-01…2026-06-30")
        #expect(period.listedPeriods == ["2026-04-01…2026-06-30"] && period.listedCount == 1)
    }
}

/// Records for tests that need one without an audit.
enum ExampleRecords {
    static func empty() throws -> AuditRecord {
        let json = #"{"statement": "s", "tool": "evident", "cycle": {"id": "2026", "type": 2, "start": "2026-01-01", "end": "2026-12-31"}, "#
            + #""audited_commit": "\#(String(repeating: "c", count: 40))", "clock": "2026-12-01", "categories": ["security"], "criteria": [], "#
            + #""controls": [], "policies": [], "findings": [], "follow_up": []}"#
        return try AuditRecord.read(Data(json.utf8), file: "record.json")
    }
}
