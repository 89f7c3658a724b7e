import EvidentCore
import Foundation
import GitFixtures
import Testing

/// `evident audit` on programs with a year of back-dated history.
@Suite struct AuditCommandTests {
    /// The example program through 2026: AC-01 (quarterly, grace 14 days) gets evidence each
    /// quarter; `plant` lets a scenario skip or delay one.
    private func program(in folder: TemporaryDirectory, q2: String? = "2026-04-10", q2Landing: String = "2026-04-11") throws -> FixtureRepository {
        var repository = try FixtureRepository(in: folder.url)
        var files = ExampleProgram.base.mapValues { Optional($0) }
        files["evident.yaml"] = ExampleProgram.base["evident.yaml"]! + "auditors:\n  external: {firm: Example CPA}\n  internal: {name: Eve, firm: Example Corp}\n"
        files["risk/risk-assessment.md"] = "---\nkind: risk-assessment\n---\nRegister.\n"
        // The policies land written by Fixture Author and committed by dave with his Approved-by trailer, which binds his entries.
        try repository.commitApproved(files, on: "2026-01-10", message: "Program")
        try repository.commit(["evidence/AC-01/2026-01-15-review.md": "Q1 again\n"], on: "2026-01-16")
        if let q2 { try repository.commit(["evidence/AC-01/\(q2)-review.md": "Q2"], on: q2Landing) }
        try repository.commit(["evidence/AC-01/2026-07-08-review.md": "Q3"], on: "2026-07-09")
        try repository.commit(["evidence/AC-01/2026-10-05-review.md": "Q4", "audits/2026/interviews/alice.md": "Notes"], on: "2026-10-06")
        try repository.commit(["README.md": "done"], on: "2026-12-20")
        return repository
    }

    /// `--format json` prints the record: the document record.json holds and `evident verify` reads.
    private func record(_ result: EvidentBinary.Result) throws -> AuditRecord {
        try AuditRecord.read(result.outputData, file: "evident audit --format json")
    }

    /// The findings themselves are AuditEngineTests'; here, that the JSON is the record.
    @Test func jsonIsTheRecord() throws {
        let folder = try TemporaryDirectory()
        let repository = try program(in: folder, q2: nil)
        let result = try EvidentBinary.run(["audit", "--dry-run", "--format", "json", "--fail-on", "never"], in: repository.url)
        #expect(result.status == 0, "\(result.error)")
        let record = try record(result)
        #expect(record.findings.contains { $0.code == "EVID-MISSING-PERIOD" && $0.subject == "AC-01" && $0.listedPeriods == ["2026-04-01…2026-06-30"] })
        #expect(record.controls.first { $0.id == "AC-01" }?.periods.map(\.state) == [.onTime, .missing, .onTime, .onTime])
        #expect(record.clock == "2026-12-20")
        #expect(record.auditedCommit == (try Git.text(["rev-parse", "HEAD"], in: repository.url)))
        #expect(result.outputData.last == 0x0a)
    }

    @Test func anImpossibleClockIsCalledImpossible() throws {
        let folder = try TemporaryDirectory()
        let repository = try program(in: folder)
        let result = try EvidentBinary.run(["audit", "--dry-run", "--now", "2026-02-30"], in: repository.url)
        #expect(result.status == 2)
        #expect(result.error.contains("'2026-02-30' is an impossible date: February 2026 has 28 days, not 30"), "\(result.error)")
    }

    @Test func textIsTheSummaryAndSaysWhatWasWritten() throws {
        let folder = try TemporaryDirectory()
        let repository = try program(in: folder, q2: nil)
        let result = try EvidentBinary.run(["audit", "--dry-run", "--fail-on", "never"], in: repository.url)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("EVID-MISSING-PERIOD"), "\(result.output)")
        #expect(result.output.hasSuffix("Dry run: nothing written.\n"))
    }

    @Test func recordIsWrittenDeterministicallyAndDryRunWritesNothing() throws {
        let folder = try TemporaryDirectory()
        let repository = try program(in: folder)
        let recordFile = repository.url.appendingPathComponent("audits/2026/record.json")
        #expect(try EvidentBinary.run(["audit", "--dry-run", "--fail-on", "never"], in: repository.url).status == 0)
        #expect(!FileManager.default.fileExists(atPath: recordFile.path))
        let first = try EvidentBinary.run(["audit", "--fail-on", "never"], in: repository.url)
        #expect(first.status == 0, "\(first.error)")
        #expect(first.output.contains("Record written to audits/2026/record.json, record.md and report.html"))
        let html = String(decoding: try Data(contentsOf: repository.url.appendingPathComponent("audits/2026/report.html")), as: UTF8.self)
        #expect(html.contains("<div class=\"card control\">") && html.contains("not a SOC 2 report"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"), "self-contained: nothing fetched")
        let bytes = try Data(contentsOf: recordFile)
        try FileManager.default.removeItem(at: repository.url.appendingPathComponent(".git/evident"))
        #expect(try EvidentBinary.run(["audit", "--fail-on", "never"], in: repository.url).status == 0)
        #expect(try Data(contentsOf: recordFile) == bytes, "the same repository state gives byte-identical records")
        #expect(FileManager.default.fileExists(atPath: repository.url.appendingPathComponent("audits/2026/record.md").path))
    }

    @Test func asOfReproducesAPastAudit() throws {
        let folder = try TemporaryDirectory()
        var repository = try program(in: folder)
        let past = try Git.text(["rev-parse", "HEAD"], in: repository.url)
        let before = try EvidentBinary.run(["audit", "--dry-run", "--format", "json", "--fail-on", "never"], in: repository.url).outputData
        try repository.commit(["evidence/AC-01/2026-12-30-review.md": "late addition"], on: "2027-01-03")
        let now = try EvidentBinary.run(["audit", "--dry-run", "--format", "json", "--fail-on", "never"], in: repository.url).outputData
        let reproduced = try EvidentBinary.run(["audit", "--dry-run", "--format", "json", "--fail-on", "never", "--as-of", past], in: repository.url).outputData
        #expect(reproduced == before)
        #expect(now != before)
    }

    /// What verify finds is VerifyEngineTests'; here, its lines and exit codes.
    @Test func verifyPrintsAndExitsOnWhatItFinds() throws {
        let folder = try TemporaryDirectory()
        var repository = try program(in: folder)
        #expect(try EvidentBinary.run(["audit", "--fail-on", "never"], in: repository.url).status == 0)
        try repository.commit([:], on: "2026-12-21", message: "Record the 2026 internal audit")
        let good = try EvidentBinary.run(["verify"], in: repository.url)
        #expect(good.status == 0, "\(good.output)\(good.error)")
        #expect(good.output == "1 record verified on HEAD at \(try Git.text(["rev-parse", "--short=10", "HEAD"], in: repository.url))\n")

        // Someone marks a period as on time after the fact.
        let recordFile = repository.url.appendingPathComponent("audits/2026/record.json")
        var text = String(decoding: try Data(contentsOf: recordFile), as: UTF8.self)
        let range = try #require(text.range(of: "\"state\" : \"on-time\""))
        text.replaceSubrange(range, with: "\"state\" : \"late\"")
        try repository.commit(["audits/2026/record.json": text], on: "2026-12-22", message: "Tidy the record")
        let edited = try EvidentBinary.run(["verify"], in: repository.url)
        #expect(edited.status == 1)
        let lines = edited.output.split(separator: "\n")
        #expect(lines.count == 2, "\(edited.output)")
        #expect(lines.first?.hasPrefix("problem: audits/2026/record.json: differs from a fresh audit") == true, "\(edited.output)")
        #expect(lines.last == "1 problem in 1 record")

        // A record that is no longer JSON is a problem too, not a crash.
        try repository.commit(["audits/2026/record.json": "{\n  \"statement\" : \n"], on: "2026-12-23", message: "Break the record")
        let broken = try EvidentBinary.run(["verify"], in: repository.url)
        #expect(broken.status == 1)
        #expect(broken.output.contains("problem: audits/2026/record.json:3:1: not an Evident record: the file is not valid JSON"), "\(broken.output)")
    }

    /// The report opens in a real browser (Debian's headless Chromium) with its findings and timelines.
    @Test func reportRendersInHeadlessChromium() throws {
        let folder = try TemporaryDirectory()
        let repository = try program(in: folder, q2: nil)
        let html = try EvidentBinary.run(["audit", "--dry-run", "--format", "html", "--fail-on", "never"], in: repository.url)
        let page = folder.path("report.html")
        try html.outputData.write(to: page)
        let shot = folder.path("report.png")
        let arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1400,1600"]
        let dom = try Process.capture(executable: "/usr/bin/env", arguments: ["chromium"] + arguments + ["--dump-dom", page.absoluteString], in: folder.url)
        #expect(dom.status == 0, "\(String(decoding: dom.standardError, as: UTF8.self))")
        let rendered = String(decoding: dom.standardOutput, as: UTF8.self)
        #expect(rendered.contains("<tr class=\"finding\">"))
        #expect(rendered.contains("EVID-MISSING-PERIOD"))
        #expect(rendered.contains("<span class=\"missing\" title=\"2026-04-01…2026-06-30: missing\">Q2</span>"))
        let screenshot = try Process.capture(executable: "/usr/bin/env", arguments: ["chromium"] + arguments + ["--screenshot=\(shot.path)", page.absoluteString], in: folder.url)
        #expect(screenshot.status == 0)
        let png = try Data(contentsOf: shot)
        #expect(png.count > 10_000 && png.prefix(4) == Data([0x89, 0x50, 0x4e, 0x47]))
        // The width is the IHDR chunk's first four bytes, after the eight-byte signature and the chunk's length and type.
        #expect(png.dropFirst(16).prefix(4).reduce(0) { $0 << 8 | Int($1) } == 1400)
    }

    @Test func highFindingsExit1ByDefault() throws {
        let folder = try TemporaryDirectory()
        let repository = try program(in: folder, q2: nil)
        #expect(try EvidentBinary.run(["audit", "--dry-run"], in: repository.url).status == 1)
        #expect(try EvidentBinary.run(["audit", "--dry-run", "--cycle", "1999"], in: repository.url).status == 2)
    }
}
