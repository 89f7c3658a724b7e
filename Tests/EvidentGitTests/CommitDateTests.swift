@testable import EvidentGit
import Foundation
import GitFixtures
import Testing

/// Author and committer dates are read the one way they can be trusted: a date before the epoch,
/// past year 999999, overflowing, or with a time zone that is no offset stops the read with an
/// error naming the commit; every date git can write (far zones, years past 9999) reads exactly.
@Suite struct CommitDateTests {
    private let roots = [try! HistoryRoot("controls")]

    /// A program with `date` on the middle commit (author and committer, or only the committer),
    /// under an ordinary tip, so the walk (not ref resolution) meets it. Returns the crafted id.
    private func repository(in folder: TemporaryDirectory, date: String, committerOnly: Bool = false) throws -> (FixtureRepository, String) {
        var fixture = try FixtureRepository(in: folder.url)
        try fixture.commit(["controls/AC-01.md": "one"])
        let crafted = try fixture.commitRaw(["controls/AC-01.md": "two"], authorDate: committerOnly ? "1767225600 +0000" : date, committerDate: date)
        try fixture.commitRaw(["controls/AC-01.md": "three"], authorDate: "1767400000 +0000")
        return (fixture, crafted)
    }

    static let unusable = [
        "-62198755200 +0000",             // year -1
        "-1 +0000",                        // a second before the epoch
        "-0 +0000",
        "-9223372036854775808 +0000",     // Int64.min
        "9223372036854775807 +0000",      // Int64.max: past year 999999
        "99999999999999999999 +0000",     // overflows Int64
        "31494784780800 +0000",           // the first second of year 1000000
        "1767225600 +9999",               // 99 minutes
        "1767225600 +0060",
        "1767225600 +01",
        "1767225600 0100",
        "1767225600",                     // no time zone
        "",                                // no date at all
        "abc +0000",
        "17672x5600 +0000",
        "1767225600 +0000 +0000",
        "\u{1B}[31m1767225600 +0000",
    ]

    @Test(arguments: unusable)
    func unusableDatesStopTheReadNamingTheCommit(date: String) throws {
        let folder = try TemporaryDirectory()
        let (fixture, crafted) = try repository(in: folder, date: date)
        for useIndex in [true, false] {
            let reader = HistoryReader(repository: try Repository(discoveringFrom: fixture.url.path), useIndex: useIndex)
            let error = try #require(throws: RepositoryError.self) { _ = try reader.read(revision: "main", roots: roots) }
            let message = error.description
            #expect(message.contains("commit \(crafted)"), "\(message)")
            #expect(message.contains("author date"), "\(message)")
            #expect(!message.unicodeScalars.contains { $0.value < 0x20 }, "nothing of the header but digits and signs is echoed: \(message)")
        }
        let repository = try Repository(discoveringFrom: fixture.url.path)
        let error = try #require(throws: RepositoryError.self) { _ = try repository.commitInfo(try #require(ObjectID(hex: crafted))) }
        #expect(error.description.contains(crafted))
    }

    @Test func aCommitterDateIsCheckedOnItsOwn() throws {
        let folder = try TemporaryDirectory()
        let (fixture, crafted) = try repository(in: folder, date: "-62198755200 +0000", committerOnly: true)
        let reader = HistoryReader(repository: try Repository(discoveringFrom: fixture.url.path))
        let error = try #require(throws: RepositoryError.self) { _ = try reader.read(revision: "main", roots: roots) }
        #expect(error.description.contains("commit \(crafted) has an unusable committer date '-62198755200 +0000'"), "\(error)")
    }

    /// The date as the commit gives it, and the seconds and minutes Evident reads from it.
    static let usable: [(String, Int64, Int32)] = [
        ("0 +0000", 0, 0),
        ("1767225600 +0545", 1_767_225_600, 345),
        ("1767225600 -1200", 1_767_225_600, -720),
        ("1767225600 +1400", 1_767_225_600, 840),
        ("1767225600 -0930", 1_767_225_600, -570),
        ("1767225600 -0000", 1_767_225_600, 0),
        ("1767225600 +9959", 1_767_225_600, 99 * 60 + 59),
        ("253402300799 +0000", 253_402_300_799, 0),        // the last second of year 9999
        ("253402300800 +0100", 253_402_300_800, 60),       // the first of year 10000
        ("31494784780799 -0100", 31_494_784_780_799, -60), // the last of year 999999
        ("01767225600 +0000", 1_767_225_600, 0),          // zero-padded: git log reads it so
    ]

    @Test(arguments: usable)
    func everyDateGitCanWriteReadsExactly(date: String, seconds: Int64, minutes: Int32) throws {
        let folder = try TemporaryDirectory()
        let (fixture, crafted) = try repository(in: folder, date: date)
        let reader = HistoryReader(repository: try Repository(discoveringFrom: fixture.url.path))
        let history = try reader.read(revision: "main", roots: roots).history
        let commit = try #require(history.commits.first { $0.id.description == crafted })
        #expect(commit.author.time == seconds && commit.author.offsetMinutes == minutes)
        #expect(commit.committer.time == seconds && commit.committer.offsetMinutes == minutes)
        // The index gives back what the walk read.
        let again = try reader.read(revision: "main", roots: roots)
        #expect(again.index == .extended(newCommits: 0))
        #expect(again.history.commits == history.commits)
    }

    /// An index holding a date no commit could give is not trusted: it is rebuilt from the commits.
    static let impossible: [(Int64, Int32)] = [(-1, 0), (Int64.min, 0), (Signature.supportedTimes.upperBound + 1, 0), (0, 100 * 60), (0, Int32.min)]

    @Test(arguments: impossible)
    func anIndexWithAnImpossibleDateIsRebuilt(time: Int64, offset: Int32) throws {
        let folder = try TemporaryDirectory()
        var fixture = try FixtureRepository(in: folder.url)
        try fixture.commit(["controls/AC-01.md": "one"])
        let reader = HistoryReader(repository: try Repository(discoveringFrom: fixture.url.path))
        let original = try reader.read(revision: "main", roots: roots).history
        let store = HistoryIndexStore(gitDirectory: fixture.url.appendingPathComponent(".git"), reference: "refs/heads/main", roots: roots)
        guard case .loaded(var log) = store.load() else {
            Issue.record("the index was not written")
            return
        }
        log.commits[0].committer.time = time
        log.commits[0].committer.offsetMinutes = offset
        #expect(store.save(log))
        let (rebuilt, outcome) = try reader.read(revision: "main", roots: roots)
        #expect(outcome == .rebuiltUnreadable)
        #expect(rebuilt.commits == original.commits)
    }
}
