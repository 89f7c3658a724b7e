import Foundation
import GitFixtures
import Testing

/// What the writing commands say and leave when something is in the way: a sentence naming
/// the file and the reason, the exit code the contract gives, and nothing half-written.
/// (The tests run as root in CI, where permissions do not bite, so the obstacle is a file
/// where a folder must be.)
@Suite struct WriteFailureCommandTests {
    /// Every path under `folder` outside .git, and what the git dir's staging area holds.
    private func contents(of folder: URL) -> [String] {
        var paths: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: folder.path)!
        while let path = enumerator.nextObject() as? String {
            if path == ".git" || (path.hasPrefix(".git/") && !path.hasPrefix(".git/evident/tmp/")) { continue }
            paths.append(path)
        }
        return paths.sorted()
    }

    @Test func initIntoAFolderWherePoliciesIsAFileWritesNothing() throws {
        let folder = try TemporaryDirectory()
        let repository = try FixtureRepository(in: folder.url)
        try Data("notes\n".utf8).write(to: repository.url.appendingPathComponent("policies"))
        let before = contents(of: repository.url)
        let result = try EvidentBinary.run(["init"], in: repository.url)
        #expect(result.status == 2, "\(result.error)")
        #expect(result.error.hasPrefix("evident: error: evident init wrote nothing: a path is in the way in "), "\(result.error)")
        #expect(result.error.contains(": policies is a file, where a folder must be for policies/POL-ACCEPTABLE-USE.md and "), "\(result.error)")
        #expect(result.error.split(separator: "\n").count == 1, "one line")
        #expect(contents(of: repository.url) == before, "not one file is written")
    }

    @Test func anAuditWhoseRecordFolderIsBlockedSaysSoInWords() throws {
        let folder = try TemporaryDirectory()
        let demo = folder.path("demo")
        #expect(try EvidentBinary.run(["demo", "--clean", "--folder", demo.path], in: folder.url).status == 0)
        try FileManager.default.removeItem(at: demo.appendingPathComponent("audits/2026"))
        try Data().write(to: demo.appendingPathComponent("audits/2026"))
        let result = try EvidentBinary.run(["audit", "--fail-on", "never"], in: demo)
        #expect(result.status == 3)
        #expect(result.error == "evident: error: cannot create the folder audits/2026: audits/2026 is a file, not a folder\n", "\(result.error)")
    }

    @Test func anExportIntoAFileSaysSoInWords() throws {
        let folder = try TemporaryDirectory()
        let demo = folder.path("demo")
        #expect(try EvidentBinary.run(["demo", "--clean", "--folder", demo.path], in: folder.url).status == 0)
        try Data().write(to: demo.appendingPathComponent("exports"))
        let result = try EvidentBinary.run(["export", "oscal", "--components", "-o", "exports/components.json"], in: demo)
        #expect(result.status == 2)
        #expect(result.error == "evident: error: cannot write exports/components.json: a part of the path is a file, not a folder\n", "\(result.error)")
    }

    @Test func aHookWhoseFolderIsAFileSaysSoInWordsAndAHooksPathInTheWorkingTreeGetsNoTemporaryFile() throws {
        let folder = try TemporaryDirectory()
        let repository = try FixtureRepository(in: folder.url)
        try Git.run(["config", "core.hooksPath", "tools/hooks"], in: repository.url)
        try Data().write(to: repository.url.appendingPathComponent("tools"))
        let blocked = try EvidentBinary.run(["hook", "install"], in: repository.url)
        #expect(blocked.status == 3)
        #expect(blocked.error == "evident: error: cannot create the folder tools/hooks: tools is a file, not a folder\n", "\(blocked.error)")
        try FileManager.default.removeItem(at: repository.url.appendingPathComponent("tools"))
        let installed = try EvidentBinary.run(["hook", "install"], in: repository.url)
        #expect(installed.status == 0, "\(installed.error)")
        #expect(contents(of: repository.url) == ["tools", "tools/hooks", "tools/hooks/pre-commit"])
    }
}
