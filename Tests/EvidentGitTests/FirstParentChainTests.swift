import EvidentGit
import Foundation
import GitFixtures
import Testing

/// `isOnFirstParentChain` agrees with `git rev-list --first-parent` for every commit.
@Suite struct FirstParentChainTests {
    @Test(arguments: [UInt64(3), 11, 29, 57])
    func everyCommitIsOnTheChainExactlyWhenGitSaysSo(seed: UInt64) throws {
        let folder = try TemporaryDirectory()
        let built = try RandomRepository.build(seed: seed, in: folder.url)
        let repository = try Repository(discoveringFrom: built.url.path)
        let tip = try repository.resolveCommit("HEAD").commit
        let chain = Set(try Git.text(["rev-list", "--first-parent", "HEAD"], in: built.url).split(separator: "\n").map(String.init))
        let all = try Git.text(["rev-list", "--all"], in: built.url).split(separator: "\n").map(String.init)
        #expect(all.count > chain.count, "the repository has side branches")
        for hex in all {
            let commit = try #require(ObjectID(hex: hex))
            #expect(try repository.isOnFirstParentChain(commit, of: tip) == chain.contains(hex), "\(hex)")
        }
    }

    /// A merge whose first parent is the side branch, made the tip: the old mainline is still an
    /// ancestor, but no longer on the chain.
    @Test func aFoxtrotMergeTakesTheOldMainlineOffTheChain() throws {
        let folder = try TemporaryDirectory()
        var fixture = try FixtureRepository(in: folder.url)
        try fixture.commit(["a.md": "1"], on: "2026-01-10")
        let base = try Git.text(["rev-parse", "HEAD"], in: fixture.url)
        let audited = try fixture.commit(["b.md": "2"], on: "2026-01-11")
        try Git.run(["checkout", "-q", "-b", "side", base], in: fixture.url)
        try fixture.commit(["c.md": "3"], on: "2026-01-12")
        try Git.run(["merge", "-q", "--no-ff", "-m", "Foxtrot", "main"], in: fixture.url, environment: Git.environment(time: 1_768_300_000))
        try Git.run(["branch", "-f", "main", "side"], in: fixture.url)
        let repository = try Repository(discoveringFrom: fixture.url.path)
        let tip = try repository.resolveCommit("main").commit
        let commit = try #require(ObjectID(hex: audited))
        #expect(repository.isAncestor(commit, of: tip))
        #expect(try !repository.isOnFirstParentChain(commit, of: tip))
    }
}
