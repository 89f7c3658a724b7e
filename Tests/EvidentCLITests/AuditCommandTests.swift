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
        // The policies land with their approvals by dave; the author is Fixture Author.
        try repository.commit(files, on: "2026-01-10", message: "Program")
        try repository.commit(["evidence/AC-01/2026-01-15-review.md": "Q1 again\n"], on: "2026-01-16")
        if let q2 { try repository.commit(["evidence/AC-01/\(q2)-review.md": "Q2"], on: q2Landing) }
        try repository.commit(["evidence/AC-01/2026-07-08-review.md": "Q3"], on: "2026-07-09")
        try repository.commit(["evidence/AC-01/2026-10-05-review.md": "Q4", "audits/2026/interviews/alice.md": "Notes"], on: "2026-10-06")
        try repository.commit(["README.md": "done"], on: "2026-12-20")
        return repository
    }

    private func record(_ result: EvidentBinary.Result) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: result.outputData) as! [String: Any]
    }

    private func codes(_ record: [String: Any]) -> [String] {
        (record["findings"] as! [[String: Any]]).map { "\($0["code"]!) \($0["subject"]!)" }
    }

    @Test func planted_missing_period_and_evidence_modified_after_landing() throws {
        let folder = try TemporaryDirectory()
        let repository = try program(in: folder, q2: nil)
        let result = try EvidentBinary.run(["audit", "--dry-run", "--format", "json", "--fail-on", "never"], in: repository.url)
        #expect(result.status == 0, "\(result.error)")
        let record = try record(result)
        let found = codes(record)
        #expect(found.contains("EVID-MISSING-PERIOD AC-01"))
        #expect(found.contains("EVID-MODIFIED-AFTER-LANDING AC-01"))
        let missing = (record["findings"] as! [[String: Any]]).first { $0["code"] as? String == "EVID-MISSING-PERIOD" }!
        #expect(missing["period"] as? String == "2026-04-01…2026-06-30")
        #expect(missing["owner"] as? String == "alice")
        #expect(missing["due"] as? String == "2027-01-18", "seven days before fieldwork on 2027-01-25")
        let control = (record["controls"] as! [[String: Any]]).first { $0["id"] as? String == "AC-01" }!
        #expect((control["periods"] as! [[String: Any]]).map { $0["state"] as! String } == ["on-time", "missing", "on-time", "on-time"])
        #expect(record["clock"] as? String == "2026-12-20")
        #expect((record["statement"] as? String)?.contains("not a SOC 2 report") == true)
    }

    @Test func lateEvidenceAndClaimMismatchAreFound() throws {
        let folder = try TemporaryDirectory()
        let repository = try program(in: folder, q2: "2026-04-10", q2Landing: "2026-07-20")
        let record = try record(try EvidentBinary.run(["audit", "--dry-run", "--format", "json", "--fail-on", "never"], in: repository.url))
        #expect(codes(record).contains("EVID-LATE AC-01"))
        #expect(codes(record).contains("EVID-CLAIM-MISMATCH AC-01"))
        #expect(!codes(record).contains("EVID-MISSING-PERIOD AC-01"))
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
        #expect(html.contains("<div class=\"timeline\">") && html.contains("not a SOC 2 report"))
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

    @Test func verifyAcceptsCommittedRecordsAndCatchesEditsAndRewrites() throws {
        let folder = try TemporaryDirectory()
        var repository = try program(in: folder)
        #expect(try EvidentBinary.run(["audit", "--fail-on", "never"], in: repository.url).status == 0)
        try repository.commit([:], on: "2026-12-21", message: "Record the 2026 internal audit")
        let good = try EvidentBinary.run(["verify"], in: repository.url)
        #expect(good.status == 0, "\(good.output)\(good.error)")
        #expect(good.output.contains("1 record verified"))

        // Someone marks a period as on time after the fact.
        let recordFile = repository.url.appendingPathComponent("audits/2026/record.json")
        var text = String(decoding: try Data(contentsOf: recordFile), as: UTF8.self)
        let range = try #require(text.range(of: "\"state\" : \"on-time\""))
        text.replaceSubrange(range, with: "\"state\" : \"late\"")
        try repository.commit(["audits/2026/record.json": text], on: "2026-12-22", message: "Tidy the record")
        let edited = try EvidentBinary.run(["verify"], in: repository.url)
        #expect(edited.status == 1)
        #expect(edited.output.contains("differs from a fresh audit"))

        // A record that is no longer JSON is named with the line and column where it breaks.
        try repository.commit(["audits/2026/record.json": "{\n  \"statement\" : \n"], on: "2026-12-23", message: "Break the record")
        let broken = try EvidentBinary.run(["verify"], in: repository.url)
        #expect(broken.status == 1)
        #expect(broken.output.contains("problem: audits/2026/record.json:3:1: not an Evident record: the file is not valid JSON"), "\(broken.output)")
        try repository.commit(["audits/2026/record.json": text], on: "2026-12-24", message: "Restore the edited record")

        // The audited commit disappears from the mainline.
        try Git.run(["checkout", "-q", "--orphan", "rewritten"], in: repository.url)
        try Git.run(["commit", "-q", "-m", "Rewritten"], in: repository.url, environment: Git.environment(time: 1_798_000_000))
        try Git.run(["branch", "-f", "main", "rewritten"], in: repository.url)
        try Git.run(["checkout", "-q", "main"], in: repository.url)
        let rewritten = try EvidentBinary.run(["verify"], in: repository.url)
        #expect(rewritten.status == 1)
        #expect(rewritten.output.contains("is no longer on the mainline"))
    }

    /// The report opens in a real browser (Debian's headless Chromium) with its findings and timelines.
    @Test func reportRendersInHeadlessChromium() throws {
        let folder = try TemporaryDirectory()
        let repository = try program(in: folder, q2: nil)
        let html = try EvidentBinary.run(["audit", "--dry-run", "--format", "html", "--fail-on", "never"], in: repository.url)
        let page = folder.path("report.html")
        try html.outputData.write(to: page)
        let shot = folder.path("report.png")
        let arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--window-size=1200,1600"]
        let dom = try Process.capture(executable: "/usr/bin/env", arguments: ["chromium"] + arguments + ["--dump-dom", page.absoluteString], in: folder.url)
        #expect(dom.status == 0, "\(String(decoding: dom.standardError, as: UTF8.self))")
        let rendered = String(decoding: dom.standardOutput, as: UTF8.self)
        #expect(rendered.contains("<tr class=\"finding\">"))
        #expect(rendered.contains("EVID-MISSING-PERIOD"))
        #expect(rendered.contains("<span class=\"missing\" title=\"2026-04-01 to 2026-06-30: missing\"></span>"))
        let screenshot = try Process.capture(executable: "/usr/bin/env", arguments: ["chromium"] + arguments + ["--screenshot=\(shot.path)", page.absoluteString], in: folder.url)
        #expect(screenshot.status == 0)
        let png = try Data(contentsOf: shot)
        #expect(png.count > 10_000 && png.prefix(4) == Data([0x89, 0x50, 0x4e, 0x47]))
    }

    /// The missing quarter's evidence lands in December, after the end of the following quarter
    /// plus grace days: a backfill, which is no fix. The finding stays open (not remediated), the
    /// quarter stays missing and says when it was backfilled, and nothing calls it merely late.
    /// (A fix in time to count is remediated: EvidenceLifecycleTests.)
    @Test func aFindingIsRemediatedOnlyWhenTheHistoryShowsTheFix() throws {
        let folder = try TemporaryDirectory()
        var repository = try program(in: folder, q2: nil)
        #expect(try EvidentBinary.run(["audit", "--fail-on", "never"], in: repository.url).status == 0)
        try repository.commit([:], on: "2026-12-21", message: "Record the first run")
        try repository.commit(["evidence/AC-01/2026-06-20-review.md": "Q2, found"], on: "2026-12-28")
        let again = try record(try EvidentBinary.run(["audit", "--dry-run", "--format", "json", "--fail-on", "never"], in: repository.url))
        let followUp = again["follow_up"] as! [[String: Any]]
        let missing = try #require(followUp.first { $0["code"] as? String == "EVID-MISSING-PERIOD" })
        #expect(missing["status"] as? String == "open")
        #expect(codes(again).contains("EVID-MISSING-PERIOD AC-01"))
        #expect(!codes(again).contains("EVID-LATE AC-01"))
        #expect(!codes(again).contains("FIND-OVERDUE AC-01"))
        let control = (again["controls"] as! [[String: Any]]).first { $0["id"] as? String == "AC-01" }!
        let q2 = (control["periods"] as! [[String: Any]])[1]
        #expect(q2["state"] as? String == "missing" && q2["backfilled"] as? String == "2026-12-28")
    }

    @Test func testersConclusionsAreRecordedAndMustComeFromSomeoneElse() throws {
        let folder = try TemporaryDirectory()
        var repository = try program(in: folder)
        let sampled = "evidence/AC-01/2026-07-08-review.md"
        try repository.commit(["audits/2026/testing.yaml": "tester: bob\nconclusions:\n  AC-01:\n    \(sampled): {result: exception, note: no sign-off}\n"], on: "2026-12-20")
        let record = try record(try EvidentBinary.run(["audit", "--dry-run", "--format", "json", "--fail-on", "never"], in: repository.url))
        #expect(codes(record).contains("INDEP-CONFLICT AC-01"), "bob operates AC-01")
        #expect(record["tester"] as? String == "bob")
        let control = (record["controls"] as! [[String: Any]]).first { $0["id"] as? String == "AC-01" }!
        let sample = control["sample"] as! [String: Any]
        #expect((sample["conclusions"] as? [String: String])?[sampled] == "exception: no sign-off")
        #expect((sample["items"] as! [String]).count == 2, "a moderate quarterly control samples 2 of its quarters")

        try repository.commit(["audits/2026/testing.yaml": "tester: bob\nconclusions: {AC-01: {x: {result: maybe}}}\n"], on: "2026-12-21")
        let bad = try EvidentBinary.run(["audit", "--dry-run"], in: repository.url)
        #expect(bad.status == 2)
        #expect(bad.error.contains("audits/2026/testing.yaml:2:"))
    }

    /// With trust.require_signed, SSH signatures are verified with ssh-keygen against the committed allowed_signers.
    @Test func signaturesAreVerifiedAgainstAllowedSigners() throws {
        let folder = try TemporaryDirectory()
        var repository = try program(in: folder)
        let trusted = folder.path("trusted")
        let stranger = folder.path("stranger")
        for key in [trusted, stranger] {
            _ = try Process.capture(executable: "/usr/bin/env", arguments: ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "test", "-f", key.path], in: folder.url)
        }
        let publicKey = String(decoding: try Data(contentsOf: URL(fileURLWithPath: trusted.path + ".pub")), as: UTF8.self)
        let config = ExampleProgram.base["evident.yaml"]! + "trust: {require_signed: true, allowed_signers: .evident/allowed_signers}\n"
        try repository.commit(["evident.yaml": config, ".evident/allowed_signers": "author@example.com namespaces=\"git\" \(publicKey)"], on: "2026-10-20")
        func commit(_ path: String, signedWith key: URL?, day: String) throws -> String {
            try Data("evidence\n".utf8).write(to: repository.url.appendingPathComponent(path))
            try Git.run(["add", "-A"], in: repository.url)
            let signing = key.map { ["-c", "gpg.format=ssh", "-c", "user.signingkey=\($0.path)", "commit", "-q", "-S", "-m", "Evidence"] } ?? ["commit", "-q", "-m", "Evidence"]
            let time = Int64(Day(day)!.daysSinceEpoch) * 86_400 + 43_200
            try Git.run(signing, in: repository.url, environment: Git.environment(time: time))
            return try Git.text(["rev-parse", "HEAD"], in: repository.url)
        }
        let good = try commit("evidence/AC-01/2026-10-21-extra.md", signedWith: trusted, day: "2026-10-21")
        let unsigned = try commit("evidence/AC-01/2026-10-22-extra.md", signedWith: nil, day: "2026-10-22")
        let foreign = try commit("evidence/AC-01/2026-10-23-extra.md", signedWith: stranger, day: "2026-10-23")
        let record = try record(try EvidentBinary.run(["audit", "--dry-run", "--format", "json", "--fail-on", "never", "--now", "2026-12-20"], in: repository.url))
        let flagged = Set((record["findings"] as! [[String: Any]]).filter { $0["code"] as? String == "TRUST-UNSIGNED" }
            .flatMap { ($0["evidence"] as! [String]).filter { $0.count == 40 } })
        #expect(flagged.contains(unsigned) && flagged.contains(foreign))
        #expect(!flagged.contains(good), "a signature by an allowed signer verifies")
    }

    @Test func highFindingsExit1ByDefault() throws {
        let folder = try TemporaryDirectory()
        let repository = try program(in: folder, q2: nil)
        #expect(try EvidentBinary.run(["audit", "--dry-run"], in: repository.url).status == 1)
        #expect(try EvidentBinary.run(["audit", "--dry-run", "--cycle", "1999"], in: repository.url).status == 2)
    }
}
