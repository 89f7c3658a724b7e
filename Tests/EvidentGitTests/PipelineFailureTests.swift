@testable import EvidentGit
import Foundation
import GitFixtures
import Testing

/// When commits compared on two threads meet damaged objects in more than one place, the error
/// reported must not depend on which thread got there first: it is the one a single thread,
/// walking newest first, would meet first.
@Suite struct PipelineFailureTests {
    @Test func theEarliestDamageInWalkOrderIsReportedWhateverTheRace() throws {
        let folder = try TemporaryDirectory("evident-pipeline-failure")
        var repository = try FixtureRepository(in: folder.url)
        var commits: [String] = []
        for index in 0..<24 {
            commits.append(try repository.commit(["controls/AC-\(String(format: "%02d", index)).md": "v\(index)"]))
        }
        // Two root trees, far apart on the mainline, are damaged (loose objects overwritten).
        let trees = try [commits[6], commits[18]].map { try Git.text(["rev-parse", "\($0)^{tree}"], in: repository.url) }
        for tree in trees {
            let file = repository.url.appendingPathComponent(".git/objects/\(tree.prefix(2))/\(tree.dropFirst(2))")
            try FileManager.default.removeItem(at: file)
            try Data("not zlib".utf8).write(to: file)
        }
        let opened = try Repository(discoveringFrom: repository.url.path)
        let roots = [try HistoryRoot("controls")]
        let expected = try #require(failure { try HistoryReader(repository: opened, useIndex: false).read(revision: "HEAD", roots: roots) })
        // The newer damage is met first walking newest first.
        #expect(expected.contains(trees[1]), "\(expected)")
        for _ in 0..<30 {
            var reader = HistoryReader(repository: opened, useIndex: false)
            reader.pipelineThreshold = 1
            reader.pipelineChunkSize = 2
            #expect(failure { try reader.read(revision: "HEAD", roots: roots) } == expected)
        }
    }

    /// The message of the error `body` throws, nil when it throws none.
    private func failure(_ body: () throws -> Any) -> String? {
        do {
            _ = try body()
            return nil
        } catch {
            return String(describing: error)
        }
    }
}
