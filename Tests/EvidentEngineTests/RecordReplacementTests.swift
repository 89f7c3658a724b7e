import EvidentCore
@testable import EvidentEngine
import EvidentReporting
import Foundation
import GitFixtures
import Testing

/// The record's three files are replaced as a set: a failure or a kill at any step of the
/// write leaves the old record or the new one, never a mixture, and no temporary file anywhere
/// `git add -A` could see it; a second writer waits for the lock or says who holds it.
@Suite struct RecordReplacementTests {
    /// A fixture with its 2026 record written at one clock, and a run at another clock whose
    /// record differs in all three files.
    private struct Scene {
        let folder: TemporaryDirectory
        let fixture: FixtureRepository
        let repository: ComplianceRepository
        let old: [String: Data]
        let newRun: AuditRun

        init() throws {
            folder = try TemporaryDirectory()
            fixture = try Fixtures.yearOfEvidence(in: folder)
            repository = try Fixtures.open(fixture)
            try repository.writeRecord(of: try repository.audit(AuditRequest(clock: Day("2026-12-20")!)))
            old = try Self.record(in: fixture)
            newRun = try repository.audit(AuditRequest(clock: Day("2026-12-31")!))
        }

        static func record(in fixture: FixtureRepository) throws -> [String: Data] {
            var files: [String: Data] = [:]
            for name in RecordReplacement.names {
                files[name] = try Data(contentsOf: fixture.url.appendingPathComponent("audits/2026/\(name)"))
            }
            return files
        }

        var new: [String: Data] {
            get throws {
                var files = [RecordFiles.json: Data(try RecordFormat.json.renderer.render(newRun.record))]
                for (name, bytes) in newRun.renderedFiles { files[name] = Data(bytes) }
                return files
            }
        }

        /// Every path in the working tree outside .git, relative to its top.
        func workingTreeFiles() throws -> Set<String> {
            let top = fixture.url.standardizedFileURL.path
            let enumerator = FileManager.default.enumerator(atPath: top)!
            var paths: Set<String> = []
            while let path = enumerator.nextObject() as? String {
                if path == ".git" || path.hasPrefix(".git/") { continue }
                paths.insert(path)
            }
            return paths
        }

        /// What is left in the git dir's staging area.
        func staged() -> [String] {
            (try? FileManager.default.contentsOfDirectory(atPath: fixture.url.appendingPathComponent(".git/evident/tmp").path)) ?? []
        }
    }

    @Test func theOldAndTheNewRecordDifferInEveryFile() throws {
        let scene = try Scene()
        let new = try scene.new
        for name in RecordReplacement.names { #expect(scene.old[name] != new[name], "\(name)") }
    }

    @Test func aFailureAtAnyStepLeavesTheOldRecordAndNoTemporaryFile() throws {
        var step = 0
        while true {
            let scene = try Scene()
            let before = try scene.workingTreeFiles()
            let faults = WriteFaults(at: step, .failure)
            do {
                _ = try scene.repository.writeRecord(of: scene.newRun, faults: faults)
                #expect(faults.passed == 7, "stage three files, commit, move three files")
                #expect(try Scene.record(in: scene.fixture) == scene.new)
                break
            } catch let error as EngineError {
                #expect(error.status == .repository && error.message.contains("an injected failure"), "\(error.message)")
            }
            #expect(try Scene.record(in: scene.fixture) == scene.old, "a failure after step \(step) leaves the old record")
            #expect(try scene.workingTreeFiles() == before, "no file is added to the working tree (step \(step))")
            #expect(scene.staged().isEmpty, "the staging folder is removed (step \(step))")
            step += 1
        }
        #expect(step == 7)
    }

    @Test func aKillAtAnyStepLeavesTheOldOrTheNewRecordOnceTheNextRunHasSwept() throws {
        var step = 0
        while true {
            let scene = try Scene()
            let before = try scene.workingTreeFiles()
            let faults = WriteFaults(at: step, .kill)
            guard (try? scene.repository.writeRecord(of: scene.newRun, faults: faults)) == nil else { break }
            #expect(try scene.workingTreeFiles() == before, "a kill leaves no temporary file in the working tree (step \(step))")
            #expect(scene.staged().count == 1, "the killed write's staging folder is left in the git dir (step \(step))")
            // The next command that writes (here: one that writes nothing) sweeps first.
            try scene.repository.writeSession(toDo: "to sweep").finish()
            let record = try Scene.record(in: scene.fixture)
            let committed = step >= 3
            #expect(try record == (committed ? scene.new : scene.old), "killed after step \(step): the \(committed ? "new" : "old") record")
            #expect(scene.staged().isEmpty, "the sweep removes the killed write's staging folder (step \(step))")
            #expect(try scene.workingTreeFiles() == before)
            step += 1
        }
        #expect(step == 7)
    }

    @Test func filesBesideTheRecordSurviveItsReplacement() throws {
        let scene = try Scene()
        let workpaper = scene.fixture.url.appendingPathComponent("audits/2026/testing.yaml")
        try Data("tester: eve\n".utf8).write(to: workpaper)
        try scene.repository.writeRecord(of: scene.newRun)
        #expect(try Data(contentsOf: workpaper) == Data("tester: eve\n".utf8))
        #expect(FileManager.default.fileExists(atPath: scene.fixture.url.appendingPathComponent("audits/2026/interviews/alice.md").path))
        #expect(try Scene.record(in: scene.fixture) == scene.new)
    }

    @Test func aSecondWriterWaitsForTheLockAndThenNamesItsHolder() throws {
        let scene = try Scene()
        let lockFile = scene.fixture.url.appendingPathComponent(".git/evident/write.lock").path
        let held = try WriteLock(file: lockFile, shown: "the lock")
        let started = ContinuousClock.now
        let refused = #expect(throws: EngineError.self) {
            _ = try scene.repository.writeRecord(of: scene.newRun, faults: nil, timeout: .milliseconds(300))
        }
        #expect(ContinuousClock.now - started >= .milliseconds(300), "it waited before giving up")
        #expect(refused?.status == .repository)
        #expect(refused?.message == "cannot take the write lock .git/evident/write.lock: another Evident process (pid \(getpid())) has held it for 300 ms "
            + "while writing into this repository; try again when it has finished", "\(refused?.message ?? "")")
        #expect(try Scene.record(in: scene.fixture) == scene.old)
        _ = held
    }

    @Test func theLockIsFreeOnceItsHolderIsGone() throws {
        let scene = try Scene()
        let lockFile = scene.fixture.url.appendingPathComponent(".git/evident/write.lock").path
        do { _ = try WriteLock(file: lockFile, shown: "the lock") }
        // The lock file is still there, naming a holder that is gone: it is not stale, it is free.
        #expect(FileManager.default.fileExists(atPath: lockFile))
        _ = try scene.repository.writeRecord(of: scene.newRun, faults: nil, timeout: .zero)
        #expect(try Scene.record(in: scene.fixture) == scene.new)
    }

    @Test func aFileWhereTheRecordsFolderMustBeIsNamedInWords() throws {
        let scene = try Scene()
        let audits = scene.fixture.url.appendingPathComponent("audits")
        try FileManager.default.removeItem(at: audits)
        try Data("not a folder".utf8).write(to: audits)
        let refused = #expect(throws: EngineError.self) { try scene.repository.writeRecord(of: scene.newRun) }
        #expect(refused?.status == .repository)
        #expect(refused?.message == "cannot create the folder audits/2026: audits is a file, not a folder", "\(refused?.message ?? "")")
        #expect(scene.staged().isEmpty)
    }

    #if os(Linux)
    /// With the git dir on another file system than the working tree (rename cannot cross them),
    /// files are staged in the git dir, copied next to their destination under a noted hidden
    /// name and renamed from there; a kill in between leaves that name for the next sweep.
    @Test func aGitDirOnAnotherFileSystemStillReplacesTheSetAndSweepsItsTemporaryFiles() throws {
        let shared = URL(fileURLWithPath: "/dev/shm/evident-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: shared) }
        let scene = try Scene()
        // The git dir moves to /dev/shm (a tmpfs); the working tree stays on the disk.
        let gitDirectory = shared.appendingPathComponent("repo.git")
        try FileManager.default.moveItem(at: scene.fixture.url.appendingPathComponent(".git"), to: gitDirectory)
        try Data("gitdir: \(gitDirectory.path)\n".utf8).write(to: scene.fixture.url.appendingPathComponent(".git"))
        let repository = try ComplianceRepository(discoveringFrom: scene.fixture.url.path)
        #expect(try FileSystem.device(of: gitDirectory.path) != FileSystem.device(of: scene.fixture.url.path))
        let records = scene.fixture.url.appendingPathComponent("audits/2026")
        func leftovers() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: records.path)) ?? []).filter { $0.hasPrefix(".") }
                + ((try? FileManager.default.contentsOfDirectory(atPath: gitDirectory.appendingPathComponent("evident/tmp").path)) ?? [])
        }
        let old = try repository.audit(AuditRequest(clock: Day("2026-12-20")!))
        for step in 0..<7 {
            try repository.writeRecord(of: old)
            #expect(try Scene.record(in: scene.fixture) == scene.old)
            #expect(throws: EngineError.self) { _ = try repository.writeRecord(of: scene.newRun, faults: WriteFaults(at: step, .kill)) }
            try repository.writeSession(toDo: "to sweep").finish()
            #expect(try Scene.record(in: scene.fixture) == (step >= 3 ? scene.new : scene.old), "killed after step \(step)")
            #expect(leftovers().isEmpty, "killed after step \(step): \(leftovers())")
        }
        for step in 0..<7 {
            try repository.writeRecord(of: old)
            #expect(throws: EngineError.self) { _ = try repository.writeRecord(of: scene.newRun, faults: WriteFaults(at: step, .failure)) }
            #expect(try Scene.record(in: scene.fixture) == scene.old, "failed after step \(step)")
            #expect(leftovers().isEmpty, "failed after step \(step): \(leftovers())")
        }
        try repository.writeRecord(of: scene.newRun)
        #expect(try Scene.record(in: scene.fixture) == scene.new)
    }
    #endif
}
