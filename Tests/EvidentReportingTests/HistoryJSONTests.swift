import EvidentGit
import EvidentReporting
import Foundation
import GitFixtures
import Testing

/// `HistoryJSON` must give exactly the bytes of `HistoryDocument(history).encoded()`, the
/// documented `Encodable` contract, for every history.
@Suite struct HistoryJSONTests {
    // MARK: Histories built by hand

    @Test func everyHardCaseMatchesTheDocumentByteForByte() throws {
        let awkward = commit(
            1, name: "Zoë \"Q\" O'Brien \\ \u{1}\u{1f}\u{7f}\t\n\r\u{8}\u{c}\u{0}", email: "e\u{301}/😀@exa\u{2028}mple\u{2029}.com",
            trailers: [
                ("Approved-by", "Dave <dave@example.com>"), ("approved-by", "lower"), ("Ärger", "umlaut"), ("Zed", "z"),
                ("Approved-by", "Erin \"E\" \\ <erin@example.com>"), ("a10", "ten"), ("a9", "nine"), ("B", "upper"), ("b", "lower"),
                ("é", "composed"), ("e\u{301}", "decomposed"), ("~", "tilde"), ("\u{7f}", "del"), ("", "empty key"),
                ("Ref", ""), ("日本", "\u{2028}line\u{2029}paragraph 👩🏽‍💻"), ("Ref", "ABC-1/2"),
            ],
            signed: true
        )
        let plain = commit(2, trailers: [])
        let repeated = commit(3, trailers: [("Signed-off-by", "a"), ("Signed-off-by", "b"), ("Signed-off-by", "a")])
        let history = MainlineHistory(
            head: id(99),
            reference: "refs/heads/mä\"in\"/\\",
            roots: [try HistoryRoot("controls"), try HistoryRoot("policies/"), try HistoryRoot(".")],
            files: [
                FileHistory(path: GitPath(""), events: [FileEvent(status: .added, commit: plain)]),
                FileHistory(path: GitPath("controls/a\"b\\c/\u{1}\u{1f}\t\n\r.md"), events: [
                    FileEvent(status: .added, commit: awkward), FileEvent(status: .modified, commit: awkward),
                    FileEvent(status: .typeChanged, commit: plain), FileEvent(status: .deleted, commit: repeated),
                ]),
                FileHistory(path: GitPath("controls/😀 e\u{301} \u{2028}\u{2029}\u{7f}.md"), events: [FileEvent(status: .added, commit: awkward)]),
                FileHistory(path: GitPath("controls/no-events.md"), events: []),
                FileHistory(path: GitPath(bytes: [0x63, 0x2f, 0x62, 0x61, 0x64, 0xff, 0xfe, 0x2e, 0x6d, 0x64]), events: [FileEvent(status: .added, commit: repeated)]),
                // A truncated sequence, an overlong encoding, a lone surrogate: each repaired differently.
                FileHistory(path: GitPath(bytes: [0x63, 0x2f, 0xe2, 0x82]), events: [FileEvent(status: .modified, commit: plain)]),
                FileHistory(path: GitPath(bytes: [0x63, 0x2f, 0xc0, 0xaf, 0x22, 0x5c]), events: [FileEvent(status: .modified, commit: plain)]),
                FileHistory(path: GitPath(bytes: [0x63, 0x2f, 0xed, 0xa0, 0x80, 0x01]), events: [FileEvent(status: .deleted, commit: awkward)]),
                FileHistory(path: GitPath(bytes: [0xff]), events: []),
            ]
        )
        try expectSameBytes(history)
    }

    @Test func emptyHistoriesMatchTheDocument() throws {
        try expectSameBytes(MainlineHistory(head: id(0), reference: "", roots: [], files: []))
        try expectSameBytes(MainlineHistory(head: id(1), reference: "HEAD", roots: [try HistoryRoot("never-existed")], files: []))
        try expectSameBytes(MainlineHistory(head: id(2), reference: "main", roots: [], files: [FileHistory(path: GitPath("a"), events: [])]))
    }

    @Test func timesAndOffsetsMatchTheDocument() throws {
        let times: [Int64] = [
            0, -1, 1, 59, 86_399, 86_400, -86_400, -86_401, 951_782_400, 1_709_164_800, 1_769_938_200, 4_102_444_800,
            // The last second of year 9999, the first of 10000, and far beyond.
            253_402_300_799, 253_402_300_800, 1_000_000_000_000_000, 100_000_000_000_000_000,
            // The first second of year 0, the last of year -1, and far before.
            -62_167_219_200, -62_167_219_201, -100_000_000_000, -1_000_000_000_000_000,
        ]
        let offsets: [Int32] = [0, -1, 1, 59, 60, -60, 90, -720, 840, 330, -570, 5999, -5999, 6000, -6000, 100_000, Int32.max]
        var generator = SeededGenerator(seed: 7)
        var commits: [CommitInfo] = []
        for (index, time) in times.enumerated() {
            commits.append(commit(index, time: time, authorTime: time - 3600, offset: offsets[index % offsets.count]))
        }
        for index in 0..<300 {
            let time = Int64.random(in: -70_000_000_000...300_000_000_000, using: &generator)
            let offset = offsets[index % offsets.count]
            commits.append(commit(1000 + index, time: time, authorTime: time &+ Int64.random(in: -9_999_999...9_999_999, using: &generator), offset: offset))
        }
        let history = MainlineHistory(
            head: id(5), reference: "refs/heads/main", roots: [try HistoryRoot("controls")],
            files: [FileHistory(path: GitPath("controls/AC-01.md"), events: commits.map { FileEvent(status: .modified, commit: $0) })]
        )
        try expectSameBytes(history)
    }

    /// A hand-built history may hold two different commits under one id; each event shows its
    /// own commit as it is, whichever of them came first.
    @Test func commitsSharingAnIdAreEachShownAsTheyAre() throws {
        let first = commit(1, name: "First", trailers: [("Approved-by", "one")])
        var second = first
        second.author.name = "Second"
        second.isSigned = true
        let history = MainlineHistory(
            head: id(9), reference: "refs/heads/main", roots: [try HistoryRoot("controls")],
            files: [
                FileHistory(path: GitPath("controls/a"), events: [FileEvent(status: .added, commit: first)]),
                FileHistory(path: GitPath("controls/b"), events: [FileEvent(status: .added, commit: second), FileEvent(status: .modified, commit: first)]),
                FileHistory(path: GitPath("controls/c"), events: [FileEvent(status: .added, commit: first), FileEvent(status: .added, commit: second)]),
            ]
        )
        try expectSameBytes(history)
        let text = String(decoding: HistoryJSON.bytes(history), as: UTF8.self)
        #expect(text.components(separatedBy: "\"Second\"").count - 1 == 2)
    }

    // MARK: Histories read from generated repositories

    /// Random repositories (merges, deletes and re-adds, type changes, submodules, unicode and
    /// non-UTF-8 names, skewed clocks, trailers), read with the seed's roots and with `.`.
    @Test(arguments: [UInt64(3), 11, 23, 42, 56, 74, 107, 111, 150, 201])
    func generatedRepositoriesMatchTheDocument(seed: UInt64) throws {
        let folder = try TemporaryDirectory("evident-history-json")
        let built = try RandomRepository.build(seed: seed, in: folder.url)
        let repository = try Repository(discoveringFrom: built.url.path)
        for roots in [built.roots, ["."]] {
            let parsed = try roots.map { try HistoryRoot($0) }
            let (history, _) = try HistoryReader(repository: repository, useIndex: false).read(revision: "main", roots: parsed)
            try expectSameBytes(history, "seed \(seed), roots \(roots)")
        }
    }

    /// The generated repositories must hold what the test above claims to cover.
    @Test func generatedRepositoriesHoldTheHardCases() throws {
        let folder = try TemporaryDirectory("evident-history-json-coverage")
        var nonUTF8Paths = 0
        var repeatedTrailerKeys = 0
        var sharedCommits = 0
        for seed in [UInt64(3), 11, 23, 42, 56] {
            let built = try RandomRepository.build(seed: seed, in: folder.url)
            let repository = try Repository(discoveringFrom: built.url.path)
            let (history, _) = try HistoryReader(repository: repository, useIndex: false).read(revision: "main", roots: [try HistoryRoot(".")])
            nonUTF8Paths += history.files.filter { !$0.path.isValidUTF8 }.count
            let events = history.files.flatMap(\.events)
            repeatedTrailerKeys += events.filter { Set($0.commit.trailers.map(\.key)).count < $0.commit.trailers.count }.count
            sharedCommits += events.count - Set(events.map(\.commit.id)).count
        }
        #expect(nonUTF8Paths > 0)
        #expect(repeatedTrailerKeys > 0)
        #expect(sharedCommits > 0)
    }

    // MARK: Helpers

    private func expectSameBytes(_ history: MainlineHistory, _ label: String = "", sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = Array(try HistoryDocument(history).encoded())
        let actual = HistoryJSON.bytes(history)
        // Not `#expect(actual == expected)`: it would print both documents as lists of numbers.
        if actual != expected {
            Issue.record("\(label) \(firstDifference(actual, expected))", sourceLocation: sourceLocation)
        }
        // Large histories are written in two halves on two threads; forced here for every one.
        let split = HistoryJSON.bytes(history, splittingAbove: 0)
        if split != expected {
            Issue.record("\(label) written in two halves: \(firstDifference(split, expected))", sourceLocation: sourceLocation)
        }
    }

    /// Where two outputs part, with some text of each around it.
    private func firstDifference(_ actual: [UInt8], _ expected: [UInt8]) -> String {
        let offset = zip(actual, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(actual.count, expected.count)
        func around(_ bytes: [UInt8]) -> String {
            String(decoding: bytes[max(0, offset - 80)..<min(bytes.count, offset + 80)], as: UTF8.self)
        }
        return "first difference at byte \(offset) of \(expected.count):\n--- expected\n\(around(expected))\n--- actual\n\(around(actual))"
    }

    private func id(_ number: Int) -> ObjectID {
        let hex = String(number, radix: 16)
        return ObjectID(hex: String(repeating: "0", count: 40 - hex.count) + hex)!
    }

    private func commit(
        _ number: Int, name: String = "Alice Smith", email: String = "alice@example.com",
        time: Int64 = 1_769_938_200, authorTime: Int64? = nil, offset: Int32 = 60,
        trailers: [(String, String)] = [("Approved-by", "Dave <dave@example.com>")], signed: Bool = false
    ) -> CommitInfo {
        CommitInfo(
            id: id(number),
            author: Signature(name: name, email: email, time: authorTime ?? time - 600, offsetMinutes: offset),
            committer: Signature(name: "Main Line", email: "main@example.com", time: time, offsetMinutes: -offset),
            trailers: trailers.map { Trailer(key: $0.0, value: $0.1) },
            isSigned: signed
        )
    }
}
