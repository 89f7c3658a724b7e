import EvidentCore
import EvidentEngine
import EvidentReporting
import Foundation
import GitFixtures
import Testing

/// The audit through the engine, in process, with typed values.
@Suite struct AuditEngineTests {
    /// The example program through 2026, with AC-01's Q2 evidence left out.
    private func program(in folder: TemporaryDirectory) throws -> FixtureRepository {
        var repository = try FixtureRepository(in: folder.url)
        var files = ExampleProgram.base.mapValues { Optional($0) }
        files["risk/risk-assessment.md"] = "---\nkind: risk-assessment\n---\nRegister.\n"
        try repository.commitApproved(files, on: "2026-01-10", message: "Program")
        try repository.commit(["evidence/AC-01/2026-07-08-review.md": "Q3"], on: "2026-07-09")
        try repository.commit(["evidence/AC-01/2026-10-05-review.md": "Q4", "audits/2026/interviews/alice.md": "Notes"], on: "2026-10-06")
        try repository.commit(["README.md": "done"], on: "2026-12-20")
        return repository
    }

    @Test func aMissingQuarterIsATypedFindingAndAMissingPeriod() throws {
        let folder = try TemporaryDirectory()
        let fixture = try program(in: folder)
        let run = try ComplianceRepository(discoveringFrom: fixture.url.path).audit(AuditRequest())
        let missing = try #require(run.record.findings.first { $0.code == "EVID-MISSING-PERIOD" })
        #expect(missing.severity == .high)
        #expect(missing.status == .open)
        #expect(missing.subject == "AC-01")
        #expect(missing.periods == ["2026-04-01…2026-06-30"] && missing.count == 1)
        let control = try #require(run.record.controls.first { $0.id == "AC-01" })
        #expect(control.periods.map(\.state) == [.onTime, .missing, .onTime, .onTime], "Q1 is in the base program")
        #expect(control.result == .ineffective)
        #expect(control.conclusion == "2026-04-01…2026-06-30 has no occurrence on time: a missing period makes a periodic control ineffective")
        #expect(control.frequency == .quarterly)
        #expect(run.hasFinding(atOrAbove: .high))
        #expect(!run.hasFinding(atOrAbove: nil))
        #expect(run.folder == "audits/2026")
    }

    @Test func anUnknownCycleIsAUsageError() throws {
        let folder = try TemporaryDirectory()
        let fixture = try program(in: folder)
        #expect {
            try ComplianceRepository(discoveringFrom: fixture.url.path).audit(AuditRequest(cycle: "1999"))
        } throws: { error in
            (error as? EngineError)?.status == .usage && (error as? EngineError)?.message == "evident.yaml has no cycle '1999'"
        }
    }

    @Test func plantedMissingPeriodAndEvidenceModifiedAfterLanding() throws {
        let folder = try TemporaryDirectory()
        let fixture = try Fixtures.yearOfEvidence(in: folder, q2: nil)
        let run = try Fixtures.open(fixture).audit(AuditRequest())
        let record = run.record
        let found = Fixtures.keys(record)
        #expect(found.contains("EVID-MISSING-PERIOD AC-01"))
        #expect(found.contains("EVID-MODIFIED-AFTER-LANDING AC-01"))
        let missing = try #require(record.findings.first { $0.code == "EVID-MISSING-PERIOD" })
        #expect(missing.periods == ["2026-04-01…2026-06-30"] && missing.count == 1)
        #expect(missing.owner == "alice")
        #expect(missing.due == "2027-01-18", "seven days before fieldwork on 2027-01-25")
        let control = try #require(record.controls.first { $0.id == "AC-01" })
        #expect(control.periods.map(\.state) == [.onTime, .missing, .onTime, .onTime])
        #expect(record.clock == "2026-12-20")
        #expect(record.statement.contains("not a SOC 2 report"))
        #expect(run.hasFinding(atOrAbove: .high), "what makes `evident audit` exit 1 by default")
    }

    @Test func lateEvidenceAndClaimMismatchAreFound() throws {
        let folder = try TemporaryDirectory()
        let fixture = try Fixtures.yearOfEvidence(in: folder, q2: "2026-04-10", q2Landing: "2026-07-20")
        let record = try Fixtures.open(fixture).audit(AuditRequest()).record
        let found = Fixtures.keys(record)
        #expect(found.contains("EVID-LATE AC-01"))
        #expect(!found.contains("EVID-MISSING-PERIOD AC-01"))
        // Q1's review landed on 10 January, before the day it claims; Q2's claims a day long
        // before it landed only because it is late, which EVID-LATE says.
        let mismatch = try #require(record.findings.first { $0.code == "EVID-CLAIM-MISMATCH" })
        #expect(mismatch.items == ["evidence/AC-01/2026-01-15-review.md"])
    }

    @Test func theRecordIsWrittenDeterministically() throws {
        let folder = try TemporaryDirectory()
        let fixture = try Fixtures.yearOfEvidence(in: folder)
        let run = try Fixtures.auditAndWrite(fixture)
        let recordFile = fixture.url.appendingPathComponent("audits/2026/record.json")
        for name in ["record.json", "record.md", "report.html"] {
            #expect(FileManager.default.fileExists(atPath: fixture.url.appendingPathComponent("audits/2026/\(name)").path), "\(name)")
        }
        let bytes = try Data(contentsOf: recordFile)
        #expect(bytes == Data(try RecordFormat.json.renderer.render(run.record)))
        #expect(try AuditRecord.read(bytes, file: "audits/2026/record.json") == run.record)
        ComplianceRepository.finishPendingWrites()  // the history index is saved in the background
        try FileManager.default.removeItem(at: fixture.url.appendingPathComponent(".git/evident"))
        let again = try Fixtures.auditAndWrite(fixture)
        #expect(again.record == run.record)
        #expect(try Data(contentsOf: recordFile) == bytes, "the same repository state gives byte-identical records")
    }

    @Test func asOfReproducesAPastAudit() throws {
        let folder = try TemporaryDirectory()
        var fixture = try Fixtures.yearOfEvidence(in: folder)
        let past = try Git.text(["rev-parse", "HEAD"], in: fixture.url)
        let before = try Fixtures.open(fixture).audit(AuditRequest()).record
        try fixture.commit(["evidence/AC-01/2026-12-30-review.md": "late addition"], on: "2027-01-03")
        let repository = try Fixtures.open(fixture)
        let now = try repository.audit(AuditRequest()).record
        let reproduced = try repository.audit(AuditRequest(asOf: past)).record
        #expect(reproduced == before)
        #expect(reproduced.auditedCommit == past)
        #expect(now != before)
    }

    /// The missing quarter's evidence lands in December, after the end of the following quarter
    /// plus grace days: a backfill, which is no fix. The finding stays open (not remediated), the
    /// quarter stays missing and says when it was backfilled, and nothing calls it merely late.
    /// (A fix in time to count is remediated: EvidenceLifecycleTests.)
    @Test func aBackfillIsNoRemediation() throws {
        let folder = try TemporaryDirectory()
        var fixture = try Fixtures.yearOfEvidence(in: folder, q2: nil)
        try Fixtures.auditAndWrite(fixture)
        try fixture.commit([:], on: "2026-12-21", message: "Record the first run")
        try fixture.commit(["evidence/AC-01/2026-06-20-review.md": "Q2, found"], on: "2026-12-28")
        let again = try Fixtures.open(fixture).audit(AuditRequest()).record
        let missing = try #require(again.followUp.first { $0.code == "EVID-MISSING-PERIOD" })
        #expect(missing.status == .open)
        #expect(Fixtures.keys(again).contains("EVID-MISSING-PERIOD AC-01"))
        #expect(!Fixtures.keys(again).contains("EVID-LATE AC-01"))
        #expect(!Fixtures.keys(again).contains("FIND-OVERDUE AC-01"))
        let q2 = try #require(again.controls.first { $0.id == "AC-01" }?.periods[1])
        #expect(q2.state == .missing && q2.backfilled == "2026-12-28")
    }

    @Test func testersConclusionsAreRecordedAndMustComeFromSomeoneElse() throws {
        let folder = try TemporaryDirectory()
        var fixture = try Fixtures.yearOfEvidence(in: folder)
        // The tester concludes on an item the sample holds (the sample does not depend on the workpaper).
        let sampled = try #require(try Fixtures.open(fixture).audit(AuditRequest()).record.controls.first { $0.id == "AC-01" }?.sample.items.first)
        try fixture.commit(["audits/2026/testing.yaml": "tester: bob\nconclusions:\n  AC-01:\n    \(sampled): {result: exception, note: no sign-off}\n"], on: "2026-12-20")
        let record = try Fixtures.open(fixture).audit(AuditRequest()).record
        #expect(Fixtures.keys(record).contains("INDEP-CONFLICT AC-01"), "bob operates AC-01")
        #expect(record.tester == "bob")
        let control = try #require(record.controls.first { $0.id == "AC-01" })
        #expect(control.sample.conclusions[sampled] == "exception: no sign-off")
        #expect(control.sample.items.count == 2, "a moderate quarterly control samples 2 of its quarters")

        #expect(Fixtures.keys(record).contains("TEST-EXCEPTION AC-01"))

        // An invalid workpaper is a finding naming where it is wrong; the audit still runs.
        try fixture.commit(["audits/2026/testing.yaml": "tester: bob\nconclusions: {AC-01: {x: {result: maybe}}}\n"], on: "2026-12-21")
        let bad = try Fixtures.open(fixture).audit(AuditRequest()).record
        let invalid = try #require(bad.findings.first { $0.code == "TEST-WORKPAPER-INVALID" })
        #expect(invalid.subject == "2026")
        #expect(invalid.message.hasPrefix("audits/2026/testing.yaml:2:"), "\(invalid.message)")
    }

    /// With trust.require_signed, SSH signatures are verified with ssh-keygen against the committed allowed_signers.
    @Test func signaturesAreVerifiedAgainstAllowedSigners() throws {
        let folder = try TemporaryDirectory()
        var fixture = try Fixtures.yearOfEvidence(in: folder)
        let trusted = folder.path("trusted")
        let stranger = folder.path("stranger")
        for key in [trusted, stranger] {
            _ = try Process.capture(executable: "/usr/bin/env", arguments: ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "test", "-f", key.path], in: folder.url)
        }
        let publicKey = String(decoding: try Data(contentsOf: URL(fileURLWithPath: trusted.path + ".pub")), as: UTF8.self)
        let config = ExampleProgram.base["evident.yaml"]! + "trust: {require_signed: true, allowed_signers: .evident/allowed_signers}\n"
        try fixture.commit(["evident.yaml": config, ".evident/allowed_signers": "author@example.com namespaces=\"git\" \(publicKey)"], on: "2026-10-20")
        let top = fixture.url
        func commit(_ path: String, signedWith key: URL?, day: String) throws -> String {
            try Data("evidence\n".utf8).write(to: top.appendingPathComponent(path))
            try Git.run(["add", "-A"], in: top)
            let signing = key.map { ["-c", "gpg.format=ssh", "-c", "user.signingkey=\($0.path)", "commit", "-q", "-S", "-m", "Evidence"] } ?? ["commit", "-q", "-m", "Evidence"]
            let time = Int64(Day(day)!.daysSinceEpoch) * 86_400 + 43_200
            try Git.run(signing, in: top, environment: Git.environment(time: time))
            return try Git.text(["rev-parse", "HEAD"], in: top)
        }
        let good = try commit("evidence/AC-01/2026-10-21-extra.md", signedWith: trusted, day: "2026-10-21")
        let unsigned = try commit("evidence/AC-01/2026-10-22-extra.md", signedWith: nil, day: "2026-10-22")
        let foreign = try commit("evidence/AC-01/2026-10-23-extra.md", signedWith: stranger, day: "2026-10-23")
        let record = try Fixtures.open(fixture).audit(AuditRequest(clock: Day("2026-12-20"))).record
        #expect(record.clock == "2026-12-20")
        let flagged = Set(record.findings.filter { $0.code == "TRUST-UNSIGNED" }.flatMap { $0.evidence.filter { $0.count == 40 } })
        #expect(flagged.contains(unsigned) && flagged.contains(foreign))
        #expect(!flagged.contains(good), "a signature by an allowed signer verifies")
        // The files ssh-keygen reads were staged in the git dir, never the system's temporary
        // folder, and went with the audit.
        let scratch = fixture.url.appendingPathComponent(".git/evident/tmp").path
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: scratch, isDirectory: &isFolder) && isFolder.boolValue)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch).filter { $0.hasPrefix("verify") } == [])
    }
}
