import EvidentBasics
@testable import EvidentGit
import Foundation
import GitFixtures
import Testing

/// The persisted index: extended incrementally, rebuilt (never trusted) when damaged or when
/// the mainline was rewritten, safe under concurrent runs, optional on a read-only git dir.
@Suite struct HistoryIndexTests {
    private let roots = [try! HistoryRoot("controls"), try! HistoryRoot("evidence")]

    private func fixture(_ folder: TemporaryDirectory) throws -> FixtureRepository {
        var repository = try FixtureRepository(in: folder.url)
        try repository.commit(["controls/AC-01.md": "one"])
        try repository.commit(["evidence/AC-01/2026-01-05.md": "e"])
        try repository.commit(["controls/AC-01.md": "two", "src/x": "x"])
        return repository
    }

    /// The index files once the reads so far have saved theirs (saving runs in the background).
    private func indexFiles(_ repository: FixtureRepository) throws -> [URL] {
        GitLibrary.finishPendingWrites()
        let folder = repository.url.appendingPathComponent(".git/evident")
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
    }

    private func expectMatchesGit(_ history: MainlineHistory, _ repository: FixtureRepository) throws {
        let reference = try GitLogReference.read(repository: repository.url, revision: "main", roots: ["controls", "evidence"])
        #expect(history.files.count == reference.events.count)
        for file in history.files {
            #expect(file.events.map(\.commit.id.description) == reference.events[file.path.bytes]?.map(\.commit.id))
            #expect(file.events.map(\.status.rawValue) == reference.events[file.path.bytes]?.map(\.status))
        }
    }

    @Test func repeatRunsExtendTheIndex() throws {
        let folder = try TemporaryDirectory()
        var repository = try fixture(folder)
        let reader = HistoryReader(repository: try Repository(discoveringFrom: repository.url.path))
        #expect(try reader.read(revision: "main", roots: roots).index == .built)
        #expect(try reader.read(revision: "main", roots: roots).index == .extended(newCommits: 0))
        try repository.commit(["evidence/AC-01/2026-02-05.md": "e2"])
        try repository.commit(["README": "r"])
        let (history, outcome) = try reader.read(revision: "main", roots: roots)
        #expect(outcome == .extended(newCommits: 2))
        try expectMatchesGit(history, repository)
    }

    enum Damage: String, CaseIterable {
        case flippedByte, truncated, empty, otherVersion, garbage
    }

    @Test(arguments: Damage.allCases)
    func damagedIndexIsRebuilt(damage: Damage) throws {
        let folder = try TemporaryDirectory()
        let repository = try fixture(folder)
        let reader = HistoryReader(repository: try Repository(discoveringFrom: repository.url.path))
        let (original, _) = try reader.read(revision: "main", roots: roots)
        let file = try #require(try indexFiles(repository).first)
        var bytes = [UInt8](try Data(contentsOf: file))
        switch damage {
        case .flippedByte: bytes[bytes.count / 2] ^= 0x40
        case .truncated: bytes.removeLast(bytes.count / 3)
        case .empty: bytes = []
        case .garbage: bytes = Array(repeating: 0xab, count: 4096)
        case .otherVersion:
            // A well-formed file whose version is not this one: checksum fixed up, version bumped.
            let versionOffset = 16
            bytes.removeLast(8)
            bytes[versionOffset] &+= 1
            withUnsafeBytes(of: FNV1a.hash(bytes).littleEndian) { bytes.append(contentsOf: $0) }
        }
        try Data(bytes).write(to: file)
        let (rebuilt, outcome) = try reader.read(revision: "main", roots: roots)
        #expect(outcome == .rebuiltUnreadable)
        #expect(rebuilt.files == original.files)
        try expectMatchesGit(rebuilt, repository)
        #expect(try reader.read(revision: "main", roots: roots).index == .extended(newCommits: 0))
    }

    enum Forgery: String, CaseIterable {
        case commitCountBeyondInt, duplicatePath
    }

    /// A file whose checksum holds (it is FNV-1a, which anyone can recompute) but whose values
    /// no save writes: rebuilt like any other unreadable index, never a crash.
    @Test(arguments: Forgery.allCases)
    func forgedIndexIsRebuilt(forgery: Forgery) throws {
        let folder = try TemporaryDirectory()
        var repository = try fixture(folder)
        let reader = HistoryReader(repository: try Repository(discoveringFrom: repository.url.path))
        _ = try reader.read(revision: "main", roots: roots)
        let store = HistoryIndexStore(gitDirectory: repository.url.appendingPathComponent(".git"), reference: "refs/heads/main", roots: roots)
        guard case .loaded(let log) = store.load() else {
            Issue.record("the index was not saved")
            return
        }
        var bytes = store.encode(log)
        bytes.removeLast(8)
        // The commit count follows the tip, the first id in the file; the paths follow it.
        let tip = log.tip.bytes
        let count = try #require((0...(bytes.count - 20)).first { Array(bytes[$0..<($0 + 20)]) == tip }) + 20
        switch forgery {
        case .duplicatePath:
            // The path table: a little-endian count, then each path's length and bytes.
            let table = count + 8
            func uint32(at offset: Int) -> Int { bytes[offset..<(offset + 4)].reversed().reduce(0) { $0 << 8 | Int($1) } }
            let paths = uint32(at: table)
            try #require(paths > 0 && bytes[(table + 8)..<(table + 8 + uint32(at: table + 4))].elementsEqual(log.paths[0].bytes))
            let first = Array(bytes[(table + 4)..<(table + 8 + uint32(at: table + 4))])
            bytes.insert(contentsOf: first, at: table + 4 + first.count)
            withUnsafeBytes(of: UInt32(paths + 1).littleEndian) { bytes.replaceSubrange(table..<(table + 4), with: $0) }
        case .commitCountBeyondInt:
            bytes.replaceSubrange(count..<(count + 8), with: repeatElement(0xff, count: 8))
        }
        withUnsafeBytes(of: FNV1a.hash(bytes).littleEndian) { bytes.append(contentsOf: $0) }
        try Data(bytes).write(to: store.file)
        // A new commit under the roots, so the index is extended rather than returned as it is.
        try repository.commit(["controls/AC-02.md": "new"])
        let (history, outcome) = try reader.read(revision: "main", roots: roots)
        #expect(outcome == .rebuiltUnreadable)
        try expectMatchesGit(history, repository)
    }

    /// A FIFO where the index or the commit-graph belongs is refused, not waited on for ever.
    @Test func fifoInPlaceOfAFileIsNotWaitedOn() throws {
        let folder = try TemporaryDirectory()
        let repository = try fixture(folder)
        let gitDirectory = repository.url.appendingPathComponent(".git")
        let store = HistoryIndexStore(gitDirectory: gitDirectory, reference: "refs/heads/main", roots: roots)
        try FileManager.default.createDirectory(at: store.file.deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(mkfifo(store.file.path, 0o644) == 0)
        let graph = gitDirectory.appendingPathComponent("objects/info/commit-graph")
        #expect(mkfifo(graph.path, 0o644) == 0)
        let repositoryHandle = try Repository(discoveringFrom: repository.url.path)
        #expect(repositoryHandle.commitGraph() == nil)
        let (history, outcome) = try HistoryReader(repository: repositoryHandle).read(revision: "main", roots: roots)
        #expect(outcome == .rebuiltUnreadable)
        // git itself would wait on that FIFO.
        try FileManager.default.removeItem(at: graph)
        try expectMatchesGit(history, repository)
    }

    @Test func rewrittenMainlineIsDetectedAndRebuilt() throws {
        let folder = try TemporaryDirectory()
        var repository = try fixture(folder)
        let reader = HistoryReader(repository: try Repository(discoveringFrom: repository.url.path))
        _ = try reader.read(revision: "main", roots: roots)
        let oldTip = try Git.text(["rev-parse", "HEAD"], in: repository.url)
        try Git.run(["reset", "-q", "--hard", "HEAD~2"], in: repository.url)
        try repository.commit(["controls/AC-02.md": "rewritten"])
        let (history, outcome) = try reader.read(revision: "main", roots: roots)
        #expect(outcome == .rebuiltAfterRewrite(previousTip: try #require(ObjectID(hex: oldTip))))
        try expectMatchesGit(history, repository)
        #expect(!history.files.contains { $0.path.description.hasPrefix("evidence/") })
    }

    @Test func concurrentRunsNeverCorruptTheIndex() throws {
        let folder = try TemporaryDirectory()
        var repository = try fixture(folder)
        let path = repository.url.path
        let roots = self.roots
        for round in 0..<4 {
            try repository.commit(["evidence/AC-01/2026-03-0\(round + 1).md": "e"])
            let results = ResultBox()
            DispatchQueue.concurrentPerform(iterations: 6) { _ in
                do {
                    let reader = HistoryReader(repository: try Repository(discoveringFrom: path))
                    results.append(try reader.read(revision: "main", roots: roots).history.files)
                } catch {
                    results.fail("\(error)")
                }
            }
            #expect(results.failures.isEmpty)
            #expect(Set(results.files.map { $0.map(\.path) }).count == 1)
        }
        let reader = HistoryReader(repository: try Repository(discoveringFrom: path))
        let (history, outcome) = try reader.read(revision: "main", roots: roots)
        #expect(outcome == .extended(newCommits: 0))
        try expectMatchesGit(history, repository)
        #expect(try indexFiles(repository).count == 1, "no temporary files are left behind")
    }

    @Test func unwritableGitDirectoryStillWorks() throws {
        let folder = try TemporaryDirectory()
        let repository = try fixture(folder)
        // Running as root ignores permissions, so block the index folder with a file instead.
        try Data("not a folder".utf8).write(to: repository.url.appendingPathComponent(".git/evident"))
        let reader = HistoryReader(repository: try Repository(discoveringFrom: repository.url.path))
        let (history, outcome) = try reader.read(revision: "main", roots: roots)
        #expect(outcome == .built)
        try expectMatchesGit(history, repository)
        #expect(try reader.read(revision: "main", roots: roots).index == .built)
    }

    @Test func indexIsKeyedByReferenceAndRoots() throws {
        let folder = try TemporaryDirectory()
        let repository = try fixture(folder)
        let reader = HistoryReader(repository: try Repository(discoveringFrom: repository.url.path))
        _ = try reader.read(revision: "main", roots: roots)
        #expect(try reader.read(revision: "main", roots: [try HistoryRoot("controls")]).index == .built)
        try Git.run(["branch", "other", "HEAD~1"], in: repository.url)
        #expect(try reader.read(revision: "other", roots: roots).index == .built)
        #expect(try reader.read(revision: "main", roots: roots.reversed()).index == .extended(newCommits: 0))
    }
}

private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var files: [[FileHistory]] = []
    private(set) var failures: [String] = []

    func append(_ value: [FileHistory]) { lock.withLock { files.append(value) } }
    func fail(_ message: String) { lock.withLock { failures.append(message) } }
}
