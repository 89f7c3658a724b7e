import EvidentCore
import Foundation
import GitFixtures
import Testing

/// `evident demo` through the binary: what it prints and leaves behind. That the clean program
/// has no finding and the planted one exactly the planted findings is DemoEngineTests'.
@Suite struct DemoCommandTests {
    private func record(in folder: URL) throws -> AuditRecord {
        try AuditRecord.read(try Data(contentsOf: folder.appendingPathComponent("audits/2026/record.json")), file: "audits/2026/record.json")
    }

    @Test func cleanProgramHasNoFindingAtAll() throws {
        let folder = try TemporaryDirectory()
        let target = folder.path("demo")
        let result = try EvidentBinary.run(["demo", "--clean", "--folder", target.path], in: folder.url)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.hasPrefix("Built a demo program with a year of mainline history in \(target.path)\n"))
        #expect(!result.output.contains("Planted:"))
        #expect(result.output.contains("49 controls: 49 effective"))
        #expect(result.output.contains("Open \(target.path)/audits/2026/report.html to read the report.\n"))
        #expect(try record(in: target).findings.isEmpty)
        #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent("controls/AC-05.md").path), "the working tree is checked out")
    }

    @Test func plantedProblemsAreListedAndAnExistingFolderIsRefused() throws {
        let folder = try TemporaryDirectory()
        let target = folder.path("demo")
        let result = try EvidentBinary.run(["demo", "--folder", target.path], in: folder.url)
        #expect(result.status == 0, "planted findings do not fail the demo: \(result.error)")
        #expect(result.output.contains("Planted: " + DemoProgram.planted.map { "\($0.code) on \($0.subject)" }.joined(separator: ", ") + "\n"))
        let found = Set(try record(in: target).findings.map { "\($0.code) \($0.subject)" })
        #expect(DemoProgram.planted.allSatisfy { found.contains("\($0.code) \($0.subject)") })
        let history = try EvidentBinary.run(["history", "--root", "evidence/CM-01"], in: target)
        #expect(history.output.contains("M  2026-06-10T12:00:00Z"))
        let again = try EvidentBinary.run(["demo", "--folder", target.path], in: folder.url)
        #expect(again.status == 2, "an existing folder is refused")
        #expect(again.error.contains("already exists; choose a new folder"))
    }
}
