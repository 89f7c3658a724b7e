import EvidentCore
@testable import EvidentEngine
import Foundation
import GitFixtures
import Testing

/// `evident init` writes all of the starter program or nothing: what is in the way is reported,
/// all of it, before anything is written, and a failure at any step takes back what was placed.
@Suite struct ScaffoldWriteTests {
    private func request(_ folder: URL) -> ScaffoldRequest {
        ScaffoldRequest(folder: folder.path, categories: ["availability"], organization: "Example Corp", year: 2026)
    }

    private var starterCount: Int {
        StarterProgram.files(categories: [.security, .availability], organization: "Example Corp", year: 2026).count
    }

    /// Every path under `folder`, .git's staging area included (empty when all is well), the
    /// rest of .git left out.
    private func contents(of folder: URL) -> Set<String> {
        var paths: Set<String> = []
        let enumerator = FileManager.default.enumerator(atPath: folder.path)!
        while let path = enumerator.nextObject() as? String {
            if path == ".git" || (path.hasPrefix(".git/") && !path.hasPrefix(".git/evident/tmp/")) { continue }
            paths.insert(path)
        }
        return paths
    }

    @Test func aFileWherePoliciesMustBeIsReportedAndNothingIsWritten() throws {
        let folder = try TemporaryDirectory()
        let fixture = try FixtureRepository(in: folder.url)
        try Data("a file\n".utf8).write(to: fixture.url.appendingPathComponent("policies"))
        let before = contents(of: fixture.url)
        let refused = #expect(throws: EngineError.self) { try Scaffold.write(request(fixture.url)) }
        #expect(refused?.status == .usage)
        #expect(refused?.message == "evident init wrote nothing: a path is in the way in \(fixture.url.standardizedFileURL.path): "
            + "policies is a file, where a folder must be for policies/POL-ACCEPTABLE-USE.md and 19 more; move it aside and run evident init again",
            "\(refused?.message ?? "")")
        #expect(contents(of: fixture.url) == before, "not one file is written")
    }

    @Test func everyConflictIsReportedAtOnce() throws {
        let folder = try TemporaryDirectory()
        let fixture = try FixtureRepository(in: folder.url)
        try FileManager.default.createDirectory(at: fixture.url.appendingPathComponent("evident.yaml"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: fixture.url.appendingPathComponent("controls").path, withDestinationPath: folder.url.path)
        try Data().write(to: fixture.url.appendingPathComponent("risk"))
        try FileManager.default.createDirectory(at: fixture.url.appendingPathComponent("evidence/AC-01"), withIntermediateDirectories: true)
        try Data().write(to: fixture.url.appendingPathComponent("evidence/AC-02"))
        let before = contents(of: fixture.url)
        let refused = #expect(throws: EngineError.self) { try Scaffold.write(request(fixture.url)) }
        #expect(refused?.message == "evident init wrote nothing: 4 paths are in the way in \(fixture.url.standardizedFileURL.path): " + [
            "controls is a symbolic link, which Evident does not write through (for controls/AC-01.md and 52 more)",
            "evidence/AC-02 is a file, where a folder must be for evidence/AC-02/.gitkeep",
            "evident.yaml is a folder, where a file must be written",
            "risk is a file, where a folder must be for risk/risk-assessment.md",
        ].joined(separator: "; ") + "; move them aside and run evident init again", "\(refused?.message ?? "")")
        #expect(contents(of: fixture.url) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == ["repo"], "nothing is written through the link")
    }

    @Test func aFailureAtAnyStepTakesBackWhatWasPlaced() throws {
        let folder = try TemporaryDirectory()
        let fixture = try FixtureRepository(in: folder.url)
        try Data("kept\n".utf8).write(to: fixture.url.appendingPathComponent("evident.yaml"))
        let before = contents(of: fixture.url)
        let steps = 2 * (starterCount - 1)
        // Each file is staged (steps 0..<n), then placed (n..<2n): the first and last of each,
        // and a stride through the rest.
        let writes = starterCount - 1
        for step in Set([0, 1, writes - 1, writes, writes + 1, steps - 1] + Array(stride(from: 7, to: steps, by: 23))).sorted() {
            let failed = #expect(throws: EngineError.self) { try Scaffold.write(request(fixture.url), faults: WriteFaults(at: step, .failure)) }
            #expect(failed?.message.hasSuffix("an injected failure; evident init wrote nothing") == true, "\(failed?.message ?? "")")
            #expect(contents(of: fixture.url) == before, "after a failure at step \(step)")
        }
        let written = try Scaffold.write(request(fixture.url), faults: WriteFaults(at: steps, .failure))
        #expect(written.written == starterCount - 1 && written.kept == ["evident.yaml"])
        #expect(contents(of: fixture.url).filter { $0.hasPrefix(".git/evident/tmp/") }.isEmpty)
    }

    @Test func outsideARepositoryTheStagingFolderIsHiddenInTheFolderAndRemoved() throws {
        let folder = try TemporaryDirectory()
        let top = folder.url.appendingPathComponent("new/program")
        for step in [0, starterCount - 1, starterCount, 2 * starterCount - 1] {
            #expect(throws: EngineError.self) { try Scaffold.write(request(top), faults: WriteFaults(at: step, .failure)) }
            #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("new").path), "the folders made are removed too (step \(step))")
        }
        // A killed init leaves its staging folder; the next one sweeps it and writes everything.
        #expect(throws: EngineError.self) { try Scaffold.write(request(top), faults: WriteFaults(at: starterCount + 10, .kill)) }
        let partial = contents(of: top)
        #expect(partial.contains { $0.hasPrefix(NewFiles.localStagingPrefix) })
        let completed = try Scaffold.write(request(top))
        #expect(completed.written + completed.kept.count == starterCount && completed.kept.count == 11, "\(completed.kept)")
        #expect(!contents(of: top).contains { $0.hasPrefix(NewFiles.localStagingPrefix) })
    }
}
