import EvidentCore
import EvidentEngine
import EvidentGit
import Foundation
import GitFixtures
import Testing

/// `ComplianceRepository.buildDemo`: a year of back-dated history. The clean program must produce
/// no finding at all; the planted one must produce every planted finding, on the right control and period.
@Suite struct DemoEngineTests {
    @Test func cleanProgramHasNoFindingAtAll() throws {
        let folder = try TemporaryDirectory()
        let target = folder.path("demo")
        let demo = try ComplianceRepository.buildDemo(at: target.path, clean: true)
        let record = demo.run.record
        #expect(record.findings.isEmpty, "\(record.findings.map(\.message))")
        #expect(record.controls.count == 49 && record.controls.allSatisfy { $0.result == .effective }, "49 controls: 49 effective")
        #expect(record.cycle.id == DemoProgram.cycle)
        #expect(demo.run.folder == "audits/2026")
        #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent("controls/AC-05.md").path), "the working tree is checked out")
        #expect(demo.report.standardizedFileURL.path == target.appendingPathComponent("audits/2026/report.html").standardizedFileURL.path)
        #expect(FileManager.default.fileExists(atPath: demo.report.path))
        let written = try AuditRecord.read(try Data(contentsOf: target.appendingPathComponent("audits/2026/record.json")), file: "record.json")
        #expect(written == record, "the record written is the record audited")
        #expect(demo.sampleSurvivedSteering == nil, "the clean demo does not try to steer")
    }

    @Test func plantedProblemsAreFoundExactly() throws {
        let folder = try TemporaryDirectory()
        let target = folder.path("demo")
        let demo = try ComplianceRepository.buildDemo(at: target.path, clean: false)
        let found = demo.run.record.findings
        let pairs = Set(found.map { "\($0.code) \($0.subject)" })
        for planted in DemoProgram.planted {
            #expect(pairs.contains("\(planted.code) \(planted.subject)"), "\(planted) not found")
        }
        // Deleting GV-08's second-quarter evidence also leaves that quarter without evidence.
        #expect(pairs == Set(DemoProgram.planted.map { "\($0.code) \($0.subject)" } + ["EVID-MISSING-PERIOD GV-08"]))
        // The forged approval binds no one, and the empty commits landed to re-roll the sample changed nothing.
        let forged = try #require(found.first { $0.code == "POL-APPROVAL-UNBOUND" })
        #expect(forged.subject == "POL-VENDOR" && forged.message.contains("not by executive"), "\(forged.message)")
        #expect(demo.sampleSurvivedSteering == true)
        #expect(demo.run.record.auditedCommit == (try Git.text(["rev-parse", "HEAD"], in: target)), "the record audits the tip after the steering commits")
        let missing = try #require(found.first { $0.code == "EVID-MISSING-PERIOD" && $0.subject == "AC-05" })
        #expect(missing.periods == ["2026-07-01…2026-09-30"] && missing.count == 1)

        let history = try demo.repository.history(HistoryRequest(roots: ["evidence/CM-01"])).history
        let modified = history.files.flatMap(\.events).filter { $0.status == .modified }
        #expect(modified.map { UTCTime.iso8601($0.commit.committer.time) }.contains("2026-06-10T12:00:00Z"), "the planted edit of landed evidence")

        let again = #expect(throws: EngineError.self) { try ComplianceRepository.buildDemo(at: target.path, clean: false) }
        #expect(again?.status == .usage, "an existing folder is refused")
        #expect(again?.message == "'\(target.path)' already exists; choose a new folder")
    }
}
