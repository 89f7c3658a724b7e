@testable import EvidentEngine
import Foundation
import GitFixtures
import Testing

/// The pieces every writer shares: errors in words, the staging area's sweep, signals held
/// back while files are moved into place, and single files replaced in one step.
@Suite struct FileWritingTests {
    @Test func errnosAreSaidInWords() {
        #expect(FileSystemError.words(for: ENOSPC) == "no space left on device")
        #expect(FileSystemError.words(for: EACCES) == "permission denied")
        #expect(FileSystemError.words(for: EROFS) == "the file system is read-only")
        #expect(FileSystemError.words(for: EDQUOT) == "disk quota exceeded")
        #expect(FileSystemError.words(for: ENOTDIR) == "a part of the path is a file, not a folder")
        #expect(FileSystemError.words(for: EOVERFLOW) == String(cString: strerror(EOVERFLOW)).lowercased(), "the system's words otherwise")
        #expect(FileSystemError("write", "audits/2026/record.md", SystemCallError(ENOSPC)).description
            == "cannot write audits/2026/record.md: no space left on device")
    }

    @Test func aStagingFolderLeftByADeadProcessIsSweptAndALiveOneIsNot() throws {
        let folder = try TemporaryDirectory()
        let fixture = try FixtureRepository(in: folder.url)
        let area = fixture.url.appendingPathComponent(".git/evident/tmp").path
        // A process that died: its folder exists, nobody holds its lock.
        let dead = "\(area)/\(WriteSession.stagingPrefix)-999999-dead"
        try FileManager.default.createDirectory(atPath: dead + "/nested", withIntermediateDirectories: true)
        try Data("half".utf8).write(to: URL(fileURLWithPath: dead + "/nested/file"))
        let live = try StagingFolder(in: area, prefix: WriteSession.stagingPrefix)
        let repository = try Fixtures.open(fixture)
        let session = try repository.writeSession(toDo: "to test")
        #expect(!FileManager.default.fileExists(atPath: dead), "the dead process's folder is swept")
        #expect(FileManager.default.fileExists(atPath: live.path), "a live one is left alone")
        session.finish()
        #expect(try FileManager.default.contentsOfDirectory(atPath: area) == [(live.path as NSString).lastPathComponent])
        live.remove()
        #expect(try FileManager.default.contentsOfDirectory(atPath: area).isEmpty)
    }

    @Test func aFileIsReplacedInOneStepWithNothingLeftBeside() throws {
        let folder = try TemporaryDirectory()
        let fixture = try FixtureRepository(in: folder.url)
        let repository = try Fixtures.open(fixture)
        let target = fixture.url.appendingPathComponent("component-definition.json")
        try Data("old".utf8).write(to: target)
        try repository.writeFile(Array("new".utf8), to: target.path)
        #expect(try Data(contentsOf: target) == Data("new".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.url.path).sorted() == [".git", "component-definition.json"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.url.appendingPathComponent(".git/evident/tmp").path).isEmpty)
        // A link there is replaced, not written through.
        let elsewhere = folder.url.appendingPathComponent("elsewhere.json")
        try Data("theirs".utf8).write(to: elsewhere)
        try FileManager.default.removeItem(at: target)
        try FileManager.default.createSymbolicLink(at: target, withDestinationURL: elsewhere)
        try repository.writeFile(Array("new".utf8), to: target.path)
        #expect(try Data(contentsOf: elsewhere) == Data("theirs".utf8))
        #expect(FileSystem.kind(of: target.path) == .file)
        let folderThere = #expect(throws: EngineError.self) { try repository.writeFile([], to: fixture.url.appendingPathComponent(".git").path) }
        #expect(folderThere?.message == "cannot write .git: it is a folder, not a file")
    }

    /// With SIGUSR2 standing in for SIGTERM: the record writes of the tests running alongside
    /// hold back SIGTERM themselves, and must not see this test's signal.
    @Test func signalsWaitUntilTheFilesAreInPlace() {
        SignalObserver.install()
        defer { SignalObserver.uninstall() }
        let inside = SignalDeferral.run(deferring: [SIGUSR2]) { () -> Int32 in
            kill(getpid(), SIGUSR2)
            // Time for the kernel to deliver it, to the deferral's handler.
            Thread.sleep(forTimeInterval: 0.2)
            return SignalObserver.received
        }
        #expect(inside == 0, "the signal is held back while the body runs")
        let deadline = Date().addingTimeInterval(5)
        while SignalObserver.received == 0, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(SignalObserver.received == SIGUSR2, "and delivered once it is done")
        #expect(SignalDeferral.signals == [SIGINT, SIGTERM, SIGHUP])
    }
}

/// A SIGUSR2 handler for the test above, in place of the default one that would end the test run.
private enum SignalObserver {
    nonisolated(unsafe) static var received: Int32 = 0
    nonisolated(unsafe) static var previous: (@convention(c) (Int32) -> Void)?

    static func install() {
        received = 0
        previous = signal(SIGUSR2) { SignalObserver.received = $0 }
    }

    static func uninstall() {
        signal(SIGUSR2, previous)
    }
}
