@testable import EvidentGit
import Foundation
import GitFixtures
import Testing

/// Evident reads git's commit-graph, and its Bloom filters really rule commits out.
@Suite struct CommitGraphTests {
    @Test func bloomFiltersWrittenByGitExcludeUntouchedRoots() throws {
        let folder = try TemporaryDirectory()
        var repository = try FixtureRepository(in: folder.url)
        try repository.commit(["src/a.swift": "1"])
        let controlsCommit = try repository.commit(["controls/AC-01.md": "c", "src/b.swift": "2"])
        var sourceOnly: [String] = []
        for index in 0..<20 {
            sourceOnly.append(try repository.commit(["src/file\(index).swift": "\(index)"]))
        }
        try Git.run(["commit-graph", "write", "--reachable", "--changed-paths"], in: repository.url)

        let graph = try #require(try Repository(discoveringFrom: repository.url.path).commitGraph())
        #expect(graph.hasBloomFilters)
        let keys = try #require(graph.bloomKeys(for: [try HistoryRoot("controls")]))
        func position(_ hex: String) throws -> Int {
            let id = try #require(ObjectID(hex: hex))
            return try #require(graph.position(of: id))
        }
        #expect(graph.mayHaveChanged(at: try position(controlsCommit), keys))
        let excluded = try sourceOnly.filter { !graph.mayHaveChanged(at: try position($0), keys) }
        // Filters of one- or two-path commits are only a few bytes, so some source-only commits
        // are false positives. git reports how many its own filters ruled out on the same walk
        // (trace2's bloom statistics): Evident must rule out exactly as many.
        let trace = folder.url.appendingPathComponent("trace.json")
        try Git.run(["log", "--first-parent", "--format=%H", "--", "controls"], in: repository.url, environment: ["GIT_TRACE2_EVENT": trace.path])
        // Events of other shapes do not decode as the statistics event and are skipped.
        let statistics = try String(contentsOf: trace, encoding: .utf8).split(separator: "\n")
            .compactMap { try? JSONDecoder().decode(BloomStatisticsEvent.self, from: Data($0.utf8)) }
            .first { $0.category == "bloom" && $0.key == "statistics" }?.value
        let ruledOutByGit = try #require(statistics?.definitelyNot)
        #expect(statistics?.maybe == 20 - ruledOutByGit + 1, "git checked the 20 source-only commits and the controls commit")
        #expect(excluded.count == ruledOutByGit)
        #expect(excluded.count > 0)

        let head = try position(sourceOnly.last!)
        let parent = try #require(graph.commit(at: head)?.firstParent)
        #expect(graph.id(at: parent).description == sourceOnly[sourceOnly.count - 2])
        #expect(graph.commit(at: head)?.tree.description == (try Git.text(["rev-parse", "HEAD^{tree}"], in: repository.url)))
    }

    @Test func disabledOrDamagedGraphIsIgnored() throws {
        let folder = try TemporaryDirectory()
        var repository = try FixtureRepository(in: folder.url)
        try repository.commit(["controls/AC-01.md": "c"])
        try Git.run(["commit-graph", "write", "--reachable"], in: repository.url)
        #expect(try Repository(discoveringFrom: repository.url.path).commitGraph() != nil)
        try Git.run(["config", "core.commitGraph", "false"], in: repository.url)
        #expect(try Repository(discoveringFrom: repository.url.path).commitGraph() == nil)
        try Git.run(["config", "core.commitGraph", "true"], in: repository.url)
        let file = repository.url.appendingPathComponent(".git/objects/info/commit-graph")
        let bytes = try Data(contentsOf: file)
        try FileManager.default.removeItem(at: file)
        try Data(bytes.prefix(bytes.count / 2)).write(to: file)
        #expect(try Repository(discoveringFrom: repository.url.path).commitGraph() == nil)
    }

    /// A fan-out that falls somewhere would let a lookup search past the ids (reading memory
    /// outside them): such a graph is refused whole, and the commits are read instead.
    @Test func graphWhoseFanOutFallsIsIgnored() throws {
        let folder = try TemporaryDirectory()
        var repository = try FixtureRepository(in: folder.url)
        for index in 0..<8 { try repository.commit(["controls/AC-0\(index).md": "c\(index)"]) }
        try Git.run(["commit-graph", "write", "--reachable"], in: repository.url)
        let file = repository.url.appendingPathComponent(".git/objects/info/commit-graph")
        var bytes = [UInt8](try Data(contentsOf: file))
        #expect(try Repository(discoveringFrom: repository.url.path).commitGraph() != nil)
        // The chunk table: 12-byte entries of a 4-byte id and an 8-byte big-endian offset.
        let chunkCount = Int(bytes[6])
        let entry = try #require((0..<chunkCount).map { 8 + $0 * 12 }.first { String(decoding: bytes[$0..<($0 + 4)], as: UTF8.self) == "OIDF" })
        let fanout = bytes[(entry + 4)..<(entry + 12)].reduce(0) { $0 << 8 | Int($1) }
        // Bucket 0x10 claims more ids than the whole graph holds; bucket 0x11 then falls.
        bytes.replaceSubrange((fanout + 0x10 * 4)..<(fanout + 0x11 * 4), with: [0x00, 0x01, 0x00, 0x00])
        try FileManager.default.removeItem(at: file)
        try Data(bytes).write(to: file)
        let damaged = try Repository(discoveringFrom: repository.url.path)
        #expect(damaged.commitGraph() == nil)
        // The history is still read, from the commits themselves.
        let (history, _) = try HistoryReader(repository: damaged, useIndex: false).read(revision: "HEAD", roots: [try HistoryRoot("controls")])
        #expect(history.files.count == 8)
    }

    /// Commit ids cannot form a cycle, but a damaged graph's parent positions can: the walk
    /// must end in an error, not go round the cycle for ever.
    @Test(arguments: [false, true])
    func graphWhoseParentsFormACycleIsAnError(changedPaths: Bool) throws {
        let folder = try TemporaryDirectory()
        var repository = try FixtureRepository(in: folder.url)
        let root = try repository.commit(["controls/AC-01.md": "one"])
        try repository.commit(["src/a": "a"])
        let tip = try repository.commit(["controls/AC-01.md": "two"])
        try Git.run(["commit-graph", "write", "--reachable"] + (changedPaths ? ["--changed-paths"] : []), in: repository.url)
        let file = repository.url.appendingPathComponent(".git/objects/info/commit-graph")
        let graph = try #require(try Repository(discoveringFrom: repository.url.path).commitGraph())
        let rootID = try #require(ObjectID(hex: root))
        let tipID = try #require(ObjectID(hex: tip))
        let rootPosition = try #require(graph.position(of: rootID))
        let tipPosition = try #require(graph.position(of: tipID))
        var bytes = [UInt8](try Data(contentsOf: file))
        let chunkCount = Int(bytes[6])
        let entry = try #require((0..<chunkCount).map { 8 + $0 * 12 }.first { String(decoding: bytes[$0..<($0 + 4)], as: UTF8.self) == "CDAT" })
        let commitData = bytes[(entry + 4)..<(entry + 12)].reduce(0) { $0 << 8 | Int($1) }
        // The root commit's first parent becomes the tip.
        let parent = commitData + rootPosition * 36 + 20
        bytes.replaceSubrange(parent..<(parent + 4), with: [0, 0, UInt8(tipPosition >> 8), UInt8(tipPosition & 0xff)])
        try FileManager.default.removeItem(at: file)
        try Data(bytes).write(to: file)

        let damaged = try Repository(discoveringFrom: repository.url.path)
        #expect(throws: RepositoryError.self) {
            try HistoryReader(repository: damaged, useIndex: false).read(revision: "main", roots: [try HistoryRoot("controls")])
        }
        #expect(throws: RepositoryError.self) {
            try HistoryReader(repository: damaged).read(at: rootID, onMainline: "main", roots: [try HistoryRoot("controls")])
        }
    }

    @Test func murmur3MatchesKnownValues() {
        // Reference values of MurmurHash3_x86_32.
        #expect(Murmur3.hash([], seed: 0) == 0)
        #expect(Murmur3.hash([], seed: 1) == 0x514e_28b7)
        #expect(Murmur3.hash(Array("hello".utf8), seed: 0) == 0x248b_fa47)
        #expect(Murmur3.hash(Array("The quick brown fox jumps over the lazy dog".utf8), seed: 0) == 0x2e4f_f723)
    }
}

/// git's trace2 `data_json` event with the bloom filter statistics of a walk.
private struct BloomStatisticsEvent: Decodable {
    struct Statistics: Decodable {
        var maybe: Int
        var definitelyNot: Int

        enum CodingKeys: String, CodingKey {
            case maybe
            case definitelyNot = "definitely_not"
        }
    }

    var category: String
    var key: String
    var value: Statistics
}
