import EvidentCore
import EvidentEngine
import Foundation
import GitFixtures
import Testing

/// `verify()`: committed records must still stand, in process.
@Suite struct VerifyEngineTests {
    @Test func verifyAcceptsCommittedRecordsAndCatchesEditsAndRewrites() throws {
        let folder = try TemporaryDirectory()
        var fixture = try Fixtures.yearOfEvidence(in: folder)
        try Fixtures.auditAndWrite(fixture)
        try fixture.commit([:], on: "2026-12-21", message: "Record the 2026 internal audit")
        let good = try Fixtures.open(fixture).verify()
        #expect(good.isClean, "\(good.problems)")
        #expect(good.checked == 1 && good.records == 1, "1 record verified")
        #expect(good.revision == "HEAD")
        #expect(good.tip == String(try Git.text(["rev-parse", "HEAD"], in: fixture.url).prefix(10)))

        // Someone marks a period as on time after the fact.
        let recordFile = fixture.url.appendingPathComponent("audits/2026/record.json")
        var text = String(decoding: try Data(contentsOf: recordFile), as: UTF8.self)
        let range = try #require(text.range(of: "\"state\" : \"on-time\""))
        text.replaceSubrange(range, with: "\"state\" : \"late\"")
        try fixture.commit(["audits/2026/record.json": text], on: "2026-12-22", message: "Tidy the record")
        let edited = try Fixtures.open(fixture).verify()
        #expect(!edited.isClean)
        #expect(edited.problems.count == 1)
        #expect(edited.problems.first?.hasPrefix("audits/2026/record.json: differs from a fresh audit") == true, "\(edited.problems)")

        // A record that is no longer JSON is named with the line and column where it breaks.
        try fixture.commit(["audits/2026/record.json": "{\n  \"statement\" : \n"], on: "2026-12-23", message: "Break the record")
        let broken = try Fixtures.open(fixture).verify()
        #expect(broken.problems == ["audits/2026/record.json:3:1: not an Evident record: the file is not valid JSON"])
        #expect(broken.checked == 0 && broken.records == 1, "an unreadable record is counted but not checked")
        try fixture.commit(["audits/2026/record.json": text], on: "2026-12-24", message: "Restore the edited record")

        // The audited commit disappears from the mainline.
        try Git.run(["checkout", "-q", "--orphan", "rewritten"], in: fixture.url)
        try Git.run(["commit", "-q", "-m", "Rewritten"], in: fixture.url, environment: Git.environment(time: 1_798_000_000))
        try Git.run(["branch", "-f", "main", "rewritten"], in: fixture.url)
        try Git.run(["checkout", "-q", "main"], in: fixture.url)
        let rewritten = try Fixtures.open(fixture).verify()
        #expect(rewritten.problems.count == 1)
        #expect(rewritten.problems.first?.contains("is no longer on the mainline") == true, "\(rewritten.problems)")
    }

    @Test func noRecordsIsClean() throws {
        let folder = try TemporaryDirectory()
        let fixture = try Fixtures.yearOfEvidence(in: folder)
        let report = try Fixtures.open(fixture).verify()
        #expect(report.isClean && report.checked == 0 && report.records == 0)
    }
}
