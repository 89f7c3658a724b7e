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
