@testable import EvidentGit
import Foundation
import GitFixtures
import Testing

/// Evident's history must equal `git log --first-parent --no-renames --name-status -- ROOTS`
/// event for event, on random repositories.
@Suite struct HistoryDifferentialTests {
    /// Seeds that once exposed a difference; they stay as regression fixtures whatever the
    /// random range below becomes. 56, 74, 107, 111: a `dir/` root must match a submodule of
    /// that name but not a file (git's pathspec rule).
    static let regressionSeeds: Set<UInt64> = [56, 74, 107, 111]

    static let seeds: [UInt64] = regressionSeeds.union(1...250).sorted()

    @Test(arguments: seeds)
    func historyMatchesGitLog(seed: UInt64) throws {
        let folder = try TemporaryDirectory("evident-diff")
        let built = try RandomRepository.build(seed: seed, in: folder.url)
        let repository = try Repository(discoveringFrom: built.url.path)
        let roots = try built.roots.map { try HistoryRoot($0) }

        let (history, _) = try HistoryReader(repository: repository, useIndex: false).read(revision: "main", roots: roots)
        let reference = try GitLogReference.read(repository: built.url, revision: "main", roots: built.roots)
        try expectEqual(history, reference, seed: seed, roots: built.roots)
        #expect(history.head.description == built.mainline.last)
        #expect(history.reference == "refs/heads/main")
    }

    enum Acceleration: String, CaseIterable {
        /// A commit-graph with changed-path Bloom filters covering the whole mainline.
        case commitGraph
        /// A graph written before the last few commits landed, so the walk leaves it.
        case staleCommitGraph
        /// Trees compared on a second thread while the walk goes on (no graph).
        case pipelined
        /// Repacked with long delta chains, which Evident's pack reader resolves itself.
        case deepDeltas
    }

    /// The same equality with the faster paths: git's commit-graph, its Bloom filters, and the
    /// comparison pipeline.
    @Test(arguments: Array(seeds.prefix(80)), Acceleration.allCases)
    func acceleratedHistoryMatchesGitLog(seed: UInt64, acceleration: Acceleration) throws {
        let folder = try TemporaryDirectory("evident-fast")
        let built = try RandomRepository.build(seed: seed, in: folder.url)
        switch acceleration {
        case .commitGraph:
            try Git.run(["commit-graph", "write", "--reachable", "--changed-paths"], in: built.url)
        case .staleCommitGraph:
            let older = built.mainline[built.mainline.count * 2 / 3]
            try Git.run(["update-ref", "refs/heads/main", older], in: built.url)
            try Git.run(["commit-graph", "write", "--reachable", "--changed-paths"], in: built.url)
            try Git.run(["update-ref", "refs/heads/main", built.mainline.last!], in: built.url)
        case .pipelined:
            break
        case .deepDeltas:
            try Git.run(["repack", "-adfq", "--depth=250", "--window=250"], in: built.url)
        }
        let repository = try Repository(discoveringFrom: built.url.path)
        let usesGraph = acceleration == .commitGraph || acceleration == .staleCommitGraph
        #expect((repository.commitGraph()?.hasBloomFilters == true) == usesGraph)
        let roots = try built.roots.map { try HistoryRoot($0) }
        var reader = HistoryReader(repository: repository, useIndex: false)
        if acceleration == .pipelined || acceleration == .commitGraph {
            // Many small chunks, so both threads share the walk (with the graph, from the start).
            reader.pipelineThreshold = 1
            reader.pipelineChunkSize = acceleration == .pipelined ? 3 : 5
        }
        let (history, _) = try reader.read(revision: "main", roots: roots)
        try expectEqual(history, try GitLogReference.read(repository: built.url, revision: "main", roots: built.roots), seed: seed, roots: built.roots)
    }

    /// The persisted index, built at an earlier mainline commit and extended to the tip,
    /// gives exactly what a fresh walk gives.
    @Test(arguments: Array(seeds.prefix(40)))
    func incrementalIndexMatchesGitLog(seed: UInt64) throws {
        let folder = try TemporaryDirectory("evident-incr")
        let built = try RandomRepository.build(seed: seed, in: folder.url)
        let repository = try Repository(discoveringFrom: built.url.path)
        let roots = try built.roots.map { try HistoryRoot($0) }
        let middle = built.mainline[built.mainline.count / 2]
        try Git.run(["update-ref", "refs/heads/probe", middle], in: built.url)

        let reader = HistoryReader(repository: repository)
        let (first, firstOutcome) = try reader.read(revision: "probe", roots: roots)
        #expect(firstOutcome == .built)
        try expectEqual(first, try GitLogReference.read(repository: built.url, revision: "probe", roots: built.roots), seed: seed, roots: built.roots)

        try Git.run(["update-ref", "refs/heads/probe", built.mainline.last!], in: built.url)
        let (second, secondOutcome) = try reader.read(revision: "probe", roots: roots)
        #expect(secondOutcome == .extended(newCommits: built.mainline.count - built.mainline.count / 2 - 1))
        try expectEqual(second, try GitLogReference.read(repository: built.url, revision: "probe", roots: built.roots), seed: seed, roots: built.roots)
    }

    enum GraphExtent: String, CaseIterable {
        /// The graph was written after the index: the walk meets the indexed tip inside it.
        case coversTheIndexedTip
        /// The graph is older than the index: the walk meets the indexed tip before the graph.
        case endsBeforeTheIndexedTip
    }

    /// The index extended to the tip across a commit-graph with Bloom filters, in the pipeline:
    /// the stop commit may lie inside the graph or before it, and either way the result is git's.
    @Test(arguments: Array(seeds.prefix(24)), GraphExtent.allCases)
    func incrementalIndexAcrossACommitGraphMatchesGitLog(seed: UInt64, extent: GraphExtent) throws {
        let folder = try TemporaryDirectory("evident-incr-graph")
        let built = try RandomRepository.build(seed: seed, in: folder.url)
        let roots = try built.roots.map { try HistoryRoot($0) }
        let middle = built.mainline[built.mainline.count / 2]
        let graphTip = built.mainline[extent == .coversTheIndexedTip ? built.mainline.count * 3 / 4 : built.mainline.count / 4]
        try Git.run(["update-ref", "refs/heads/probe", middle], in: built.url)
        var reader = HistoryReader(repository: try Repository(discoveringFrom: built.url.path))
        reader.pipelineThreshold = 1
        reader.pipelineChunkSize = 2
        _ = try reader.read(revision: "probe", roots: roots)

        try Git.run(["update-ref", "refs/heads/main", graphTip], in: built.url)
        try Git.run(["update-ref", "refs/heads/probe", graphTip], in: built.url)
        try Git.run(["commit-graph", "write", "--reachable", "--changed-paths"], in: built.url)
        try Git.run(["update-ref", "refs/heads/main", built.mainline.last!], in: built.url)
        try Git.run(["update-ref", "refs/heads/probe", built.mainline.last!], in: built.url)
        let repository = try Repository(discoveringFrom: built.url.path)
        #expect(repository.commitGraph()?.hasBloomFilters == true)
        reader = HistoryReader(repository: repository)
        reader.pipelineThreshold = 1
        reader.pipelineChunkSize = 2
        let (history, outcome) = try reader.read(revision: "probe", roots: roots)
        #expect(outcome == .extended(newCommits: built.mainline.count - built.mainline.count / 2 - 1))
        try expectEqual(history, try GitLogReference.read(repository: built.url, revision: "probe", roots: built.roots), seed: seed, roots: built.roots)
    }

    /// A past commit (audit --as-of, verify, diff) read through the mainline's index equals git
    /// log at that commit; a commit off the first-parent chain falls back to its own walk.
    @Test(arguments: Array(seeds.prefix(40)))
    func pastCommitFromTheIndexMatchesGitLog(seed: UInt64) throws {
        let folder = try TemporaryDirectory("evident-past")
        let built = try RandomRepository.build(seed: seed, in: folder.url)
        let repository = try Repository(discoveringFrom: built.url.path)
        let roots = try built.roots.map { try HistoryRoot($0) }
        let sideParents = try Git.text(["rev-list", "--merges", "--first-parent", "main"], in: built.url).split(separator: "\n")
            .map { try Git.text(["rev-parse", "\($0)^2"], in: built.url) }
        let offChain = sideParents.filter { !built.mainline.contains($0) }.prefix(1)
        let candidates = [built.mainline.first!, built.mainline[built.mainline.count / 3], built.mainline[built.mainline.count * 2 / 3], built.mainline.last!] + offChain
        for hex in candidates {
            let commit = try #require(ObjectID(hex: hex))
            let history = try HistoryReader(repository: repository).read(at: commit, onMainline: "main", roots: roots)
            let reference = try GitLogReference.read(repository: built.url, revision: hex, roots: built.roots)
            try expectEqual(history, reference, seed: seed, roots: built.roots)
            #expect(history.head == commit)
            let cold = try HistoryReader(repository: repository, useIndex: false).read(revision: hex, roots: roots).history
            #expect(history.commits.map(\.id) == cold.commits.map(\.id), "seed \(seed) at \(hex)")
        }
    }

    /// The generator must really produce what the differential test claims to cover.
    @Test func generatedRepositoriesCoverEveryKindOfChange() throws {
        let folder = try TemporaryDirectory("evident-coverage")
        var statuses: Set<String> = []
        var nonUTF8Paths = 0
        var eventsAtMerges = 0
        var submoduleEvents = 0
        for seed in UInt64(1)...30 {
            let built = try RandomRepository.build(seed: seed, in: folder.url)
            let reference = try GitLogReference.read(repository: built.url, revision: "main", roots: ["."])
            let merges = Set(try Git.text(["rev-list", "--merges", "main"], in: built.url).split(separator: "\n").map(String.init))
            let submodules = try Git.text(["log", "--first-parent", "--raw", "--format=", "main"], in: built.url)
            submoduleEvents += submodules.split(separator: "\n").filter { $0.contains("160000") }.count
            for (path, events) in reference.events {
                if String(validating: path, as: UTF8.self) == nil { nonUTF8Paths += 1 }
                statuses.formUnion(events.map(\.status))
                eventsAtMerges += events.filter { merges.contains($0.commit.id) }.count
            }
        }
        #expect(statuses == ["A", "M", "D", "T"])
        #expect(nonUTF8Paths > 0)
        #expect(eventsAtMerges > 0)
        #expect(submoduleEvents > 0)
    }

    private func expectEqual(_ history: MainlineHistory, _ reference: GitLogReference, seed: UInt64, roots: [String]) throws {
        let ours = Dictionary(uniqueKeysWithValues: history.files.map { ($0.path.bytes, $0.events) })
        #expect(Set(ours.keys) == Set(reference.events.keys), "seed \(seed), roots \(roots): different paths")
        #expect(history.files.map(\.path) == history.files.map(\.path).sorted(), "files must be sorted bytewise")
        for (path, expected) in reference.events {
            let actual = ours[path] ?? []
            let label = "seed \(seed), roots \(roots), path \(GitPath(bytes: path))"
            #expect(actual.map(\.status.rawValue) == expected.map(\.status), "\(label): statuses")
            #expect(actual.map(\.commit.id.description) == expected.map(\.commit.id), "\(label): commits")
            for (event, reference) in zip(actual, expected) {
                #expect(event.commit.committer.time == reference.commit.committerTime, "\(label)")
                #expect(event.commit.committer.name == reference.commit.committerName, "\(label)")
                #expect(event.commit.committer.email == reference.commit.committerEmail, "\(label)")
                #expect(event.commit.author.name == reference.commit.authorName, "\(label)")
                #expect(event.commit.author.email == reference.commit.authorEmail, "\(label)")
                #expect(event.commit.author.time == reference.commit.authorTime, "\(label)")
                #expect(event.commit.trailers.map { "\($0.key): \($0.value)" } == reference.commit.trailers, "\(label): trailers")
            }
        }
    }
}
