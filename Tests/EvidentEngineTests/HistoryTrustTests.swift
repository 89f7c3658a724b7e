import EvidentCore
import EvidentEngine
import Foundation
import GitFixtures
import Testing

/// A record whose audited commit falls off the mainline's first-parent chain: `verify` fails and
/// the next audit raises TRUST-HISTORY-REWRITTEN, even though the commit is still an ancestor.
@Suite struct HistoryTrustTests {
    /// The example program with a committed record of cycle 2026, and a side branch from
    /// before the record that is merged back: with main as the first parent (`foxtrot: false`)
    /// or with the side branch as the first parent, made the new main (`foxtrot: true`).
    private func program(in folder: TemporaryDirectory, foxtrot: Bool) throws -> FixtureRepository {
        var fixture = try FixtureRepository(in: folder.url)
        var files = ExampleProgram.base.mapValues { Optional($0) }
        files["risk/risk-assessment.md"] = "---\nkind: risk-assessment\n---\nRegister.\n"
        try fixture.commitApproved(files, on: "2026-01-10", message: "Program")
        let branchPoint = try fixture.commit(["evidence/AC-01/2026-04-10-review.md": "Q2"], on: "2026-04-11")
        try fixture.commit(["evidence/AC-01/2026-07-08-review.md": "Q3", "audits/2026/interviews/alice.md": "Notes"], on: "2026-07-09")
        let repository = try ComplianceRepository(discoveringFrom: fixture.url.path)
        try repository.writeRecord(of: try repository.audit(AuditRequest()))
        try fixture.commit([:], on: "2026-07-10", message: "Record the 2026 internal audit")
        try Git.run(["checkout", "-q", "-b", "side", branchPoint], in: fixture.url)
        try fixture.commit(["README.md": "side"], on: "2026-07-11")
        let merge = Git.environment(time: 1_783_800_000)
        if foxtrot {
            try Git.run(["merge", "-q", "--no-ff", "-m", "Merge main into side", "main"], in: fixture.url, environment: merge)
            try Git.run(["checkout", "-q", "main"], in: fixture.url)
            try Git.run(["reset", "-q", "--hard", "side"], in: fixture.url)
        } else {
            try Git.run(["checkout", "-q", "main"], in: fixture.url)
            try Git.run(["merge", "-q", "--no-ff", "-m", "Merge side", "side"], in: fixture.url, environment: merge)
        }
        return fixture
    }

    @Test func aFoxtrotMergeFailsVerifyAndIsTrustHistoryRewritten() throws {
        let folder = try TemporaryDirectory()
        let fixture = try program(in: folder, foxtrot: true)
        let repository = try ComplianceRepository(discoveringFrom: fixture.url.path)
        let report = try repository.verify()
        #expect(report.problems.count == 1)
        #expect(report.problems.first?.hasPrefix("audits/2026/record.json: its audited commit ") == true)
        #expect(report.problems.first?.hasSuffix("first-parent chain: history was rewritten") == true)
        let findings = try repository.audit(AuditRequest()).findings.filter { $0.code == "TRUST-HISTORY-REWRITTEN" }
        #expect(findings.map(\.subject) == ["2026"])
        #expect(findings.first?.evidence.first == "audits/2026/record.json")
    }

    @Test func aMergeThatKeepsMainAsFirstParentKeepsTheRecord() throws {
        let folder = try TemporaryDirectory()
        let fixture = try program(in: folder, foxtrot: false)
        let repository = try ComplianceRepository(discoveringFrom: fixture.url.path)
        let report = try repository.verify()
        #expect(report.isClean, "\(report.problems)")
        #expect(report.checked == 1)
        #expect(try repository.audit(AuditRequest()).findings.filter { $0.code == "TRUST-HISTORY-REWRITTEN" }.isEmpty)
    }
}
