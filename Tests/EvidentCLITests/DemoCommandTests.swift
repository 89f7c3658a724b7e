import EvidentCore
import Foundation
import GitFixtures
import Testing

/// `evident demo`: a year of back-dated history. The clean program must produce no finding at all;
/// the planted one must produce every planted finding, on the right control and period.
@Suite struct DemoCommandTests {
    private func findings(in folder: URL) throws -> [[String: Any]] {
        let data = try Data(contentsOf: folder.appendingPathComponent("audits/2026/record.json"))
        return (try JSONSerialization.jsonObject(with: data) as! [String: Any])["findings"] as! [[String: Any]]
    }

    @Test func cleanProgramHasNoFindingAtAll() throws {
        let folder = try TemporaryDirectory()
        let target = folder.path("demo")
        let result = try EvidentBinary.run(["demo", "--clean", "--folder", target.path], in: folder.url)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("49 controls: 49 effective"))
        let found = try findings(in: target)
        #expect(found.isEmpty, "\(found.map { $0["message"]! })")
        #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent("controls/AC-05.md").path), "the working tree is checked out")
    }

    @Test func plantedProblemsAreFoundExactly() throws {
        let folder = try TemporaryDirectory()
        let target = folder.path("demo")
        let result = try EvidentBinary.run(["demo", "--folder", target.path], in: folder.url)
        #expect(result.status == 0, "\(result.error)")
        let found = try findings(in: target)
        let pairs = Set(found.map { "\($0["code"]!) \($0["subject"]!)" })
        for planted in DemoProgram.planted {
            #expect(pairs.contains("\(planted.code) \(planted.subject)"), "\(planted) not found")
        }
        // Deleting GV-08's second-quarter evidence also leaves that quarter without evidence.
        #expect(pairs == Set(DemoProgram.planted.map { "\($0.code) \($0.subject)" } + ["EVID-MISSING-PERIOD GV-08", "EVID-LATE AC-06"]))
        let missing = found.first { $0["code"] as? String == "EVID-MISSING-PERIOD" && $0["subject"] as? String == "AC-05" }!
        #expect(missing["period"] as? String == "2026-07-01…2026-09-30")
        let history = try EvidentBinary.run(["history", "--root", "evidence/CM-01"], in: target)
        #expect(history.output.contains("M  2026-06-10T12:00:00Z"))
        #expect(try EvidentBinary.run(["demo", "--folder", target.path], in: folder.url).status == 2, "an existing folder is refused")
    }
}
