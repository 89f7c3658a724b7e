import EvidentCore
import EvidentEngine
import EvidentGit
import EvidentReporting
import Foundation
import GitFixtures
import Testing

/// `history(_:)`: when each file under the roots changed, from the mainline, in process.
@Suite struct HistoryEngineTests {
    private func program(in folder: TemporaryDirectory) throws -> FixtureRepository {
        var repository = try FixtureRepository(in: folder.url)
        try repository.commit(["controls/AC-01.md": "one", "src/main.swift": "x"], message: "Add control")
        try repository.commit(["policies/POL-ACCESS.md": "text"], message: "Add policy\n\nApproved-by: Dave <dave@example.com>")
        try repository.commit(["controls/AC-01.md": "two", "evidence/AC-01/2026-01-05-review.md": "done"], message: "Evidence")
        return repository
    }

    private func history(_ fixture: FixtureRepository, _ request: HistoryRequest = HistoryRequest()) throws -> MainlineHistory {
        try Fixtures.open(fixture).history(request).history
    }

    @Test func theProgramsFoldersAreReadFromTheMainline() throws {
        let folder = try TemporaryDirectory()
        let fixture = try program(in: folder)
        let history = try history(fixture)
        #expect(history.head.description == (try Git.text(["rev-parse", "HEAD"], in: fixture.url)))
        #expect(history.reference == "refs/heads/main")
        #expect(history.roots.map(\.description) == ["controls", "policies", "evidence", "risk", "audits"])
        #expect(history.files.map(\.path.description) == ["controls/AC-01.md", "evidence/AC-01/2026-01-05-review.md", "policies/POL-ACCESS.md"])
        let control = history.files[0].events
        #expect(control.map(\.status) == [.added, .modified])
        #expect(UTCTime.iso8601(control[0].commit.committer.time) == "2026-01-02T00:00:00Z")
        let policy = try #require(history.files[2].events.first)
        #expect(policy.commit.trailers == [Trailer(key: "Approved-by", value: "Dave <dave@example.com>")])
        #expect(!policy.commit.isSigned)
        #expect(policy.commit.author.name == "Fixture Author" && policy.commit.author.email == "author@example.com")
        #expect(UTCTime.iso8601(policy.commit.author.time) == "2026-01-03T00:00:00Z")
        #expect(history.commits.count == 3, "src/main.swift alone would not count; every commit here touches a root")
    }

    /// The JSON document `evident history --format json` renders, built from the same history.
    @Test func theHistoryDocumentCarriesTheContractsFields() throws {
        let folder = try TemporaryDirectory()
        let fixture = try program(in: folder)
        let document = HistoryDocument(try history(fixture))
        #expect(document.head == (try Git.text(["rev-parse", "HEAD"], in: fixture.url)))
        #expect(document.ref == "refs/heads/main")
        #expect(document.roots == ["controls", "policies", "evidence", "risk", "audits"])
        #expect(document.files.map(\.path) == ["controls/AC-01.md", "evidence/AC-01/2026-01-05-review.md", "policies/POL-ACCESS.md"])
        #expect(document.files.allSatisfy { $0.pathBase64 == nil }, "only paths that are not UTF-8 carry their bytes")
        #expect(document.files[0].events.map(\.status) == ["A", "M"])
        #expect(document.files[0].events[0].time == "2026-01-02T00:00:00Z")
        let policy = try #require(document.files[2].events.first)
        #expect(policy.trailers == ["Approved-by": ["Dave <dave@example.com>"]])
        #expect(!policy.signed)
        #expect(policy.author.name == "Fixture Author" && policy.author.email == "author@example.com" && policy.author.time == "2026-01-03T00:00:00Z")
        #expect(policy.author.offset == "+00:00")
    }

    @Test func rootsLimitTheHistory() throws {
        let folder = try TemporaryDirectory()
        let fixture = try program(in: folder)
        let relative = try history(fixture, HistoryRequest(roots: ["controls"]))
        #expect(relative.files.map(\.path.description) == ["controls/AC-01.md"])
        #expect(relative.files[0].events.map(\.status) == [.added, .modified])
        let absolute = try history(fixture, HistoryRequest(roots: [fixture.url.appendingPathComponent("controls").path]))
        #expect(absolute.files == relative.files, "an absolute path inside the working tree is relative to its top")
    }

    @Test func nonUTF8PathsAreIdentifiedExactly() throws {
        let folder = try TemporaryDirectory()
        let fixture = try FixtureRepository(in: folder.url)
        let name = Data([0x62, 0x61, 0x64, 0xff, 0x2e, 0x6d, 0x64])
        // Build the tree with the raw name through the index, bypassing the file system.
        let emptyBlob = try Git.text(["hash-object", "-w", "/dev/null"], in: fixture.url)
        var indexInfo = Data("100644 blob \(emptyBlob)\tcontrols/".utf8)
        indexInfo.append(name)
        indexInfo.append(0x0a)
        try Git.run(["update-index", "--index-info"], in: fixture.url, input: indexInfo)
        try Git.run(["commit", "-q", "-m", "raw name"], in: fixture.url, environment: Git.environment())
        let history = try history(fixture, HistoryRequest(roots: ["controls"]))
        #expect(history.files.count == 1)
        let path = try #require(history.files.first?.path)
        #expect(path.bytes == Array("controls/".utf8) + Array(name))
        #expect(!path.isValidUTF8)
        #expect(path.description == "controls/bad\u{FFFD}.md")
        let document = HistoryDocument(history)
        #expect(document.files.first?.path == "controls/bad\u{FFFD}.md")
        #expect(document.files.first?.pathBase64 == (Data("controls/".utf8) + name).base64EncodedString())
    }

    @Test func configuredMainlineAndRootAreDefaults() throws {
        let folder = try TemporaryDirectory()
        var fixture = try FixtureRepository(in: folder.url)
        try fixture.commit(["evident.yaml": "mainline: trunk\nroot: compliance\n", "compliance/controls/AC-01.md": "x", "controls/ignored.md": "y"])
        try Git.run(["branch", "-m", "main", "trunk"], in: fixture.url)
        let history = try history(fixture)
        #expect(history.reference == "refs/heads/trunk")
        #expect(history.files.map(\.path.description) == ["compliance/controls/AC-01.md"])
    }

    @Test func signedCommitsAreMarked() throws {
        let folder = try TemporaryDirectory()
        var fixture = try FixtureRepository(in: folder.url)
        try fixture.commit(["controls/AC-01.md": "one"], message: "Unsigned")
        // A commit carrying a signature header, written by hand (its signature is not verified here).
        let parent = try Git.text(["rev-parse", "HEAD"], in: fixture.url)
        try Data("two\n".utf8).write(to: fixture.url.appendingPathComponent("controls/AC-02.md"))
        try Git.run(["add", "-A"], in: fixture.url)
        let tree = try Git.text(["write-tree"], in: fixture.url)
        let object = """
            tree \(tree)
            parent \(parent)
            author A <a@example.com> 1767400000 +0000
            committer A <a@example.com> 1767400000 +0000
            gpgsig -----BEGIN SSH SIGNATURE-----
             U1NIU0lHAAAAAQ==
             -----END SSH SIGNATURE-----

            Signed change

            """
        let signed = try Git.text(["hash-object", "-t", "commit", "-w", "--stdin"], in: fixture.url, input: object)
        try Git.run(["update-ref", "refs/heads/main", signed], in: fixture.url)
        let history = try history(fixture, HistoryRequest(roots: ["controls"]))
        #expect(history.files.map { $0.events[0].commit.isSigned } == [false, true])
        #expect(history.files[1].events[0].commit.id.description == signed)
    }

    @Test func aRewrittenMainlineRebuildsTheIndexWithANote() throws {
        let folder = try TemporaryDirectory()
        let fixture = try program(in: folder)
        let first = try Fixtures.open(fixture).history(HistoryRequest())
        #expect(first.note == nil)
        let previousTip = try Git.text(["rev-parse", "HEAD"], in: fixture.url)
        try Git.run(["reset", "-q", "--hard", "HEAD~1"], in: fixture.url)
        try Git.run(["commit", "-q", "--allow-empty", "-m", "Instead"], in: fixture.url, environment: Git.environment(time: 1_767_600_000))
        let again = try Fixtures.open(fixture).history(HistoryRequest())
        #expect(again.note == "the mainline was rewritten since the last run: commit \(previousTip.prefix(10)) is no longer on it; the history index was rebuilt")
        #expect(again.history.files.map(\.path.description) == ["controls/AC-01.md", "policies/POL-ACCESS.md"])
        let unindexed = try Fixtures.open(fixture).history(HistoryRequest(usesIndex: false))
        #expect(unindexed.note == nil)
        #expect(unindexed.history.files == again.history.files)
    }

    @Test func badRequestsAreTypedErrors() throws {
        let folder = try TemporaryDirectory()
        let fixture = try program(in: folder)
        let repository = try Fixtures.open(fixture)
        let unknown = #expect(throws: EngineError.self) { try repository.history(HistoryRequest(ref: "no-such-branch")) }
        #expect(unknown?.status == .repository && unknown?.message.contains("unknown ref 'no-such-branch'") == true, "\(unknown?.message ?? "")")
        for root in ["../x", "controls/../../x", "/etc"] {
            let outside = #expect(throws: EngineError.self) { try repository.history(HistoryRequest(roots: [root])) }
            #expect(outside?.status == .usage && outside?.message.contains("outside the repository") == true, "\(root): \(outside?.message ?? "")")
        }

        let unborn = try FixtureRepository(in: folder.url, name: "unborn")
        let empty = #expect(throws: EngineError.self) { try Fixtures.open(unborn).history(HistoryRequest()) }
        #expect(empty?.status == .repository && empty?.message.contains("'refs/heads/main' has no commits yet") == true, "\(empty?.message ?? "")")

        let shallow = folder.path("shallow")
        try Git.run(["clone", "-q", "--depth", "1", "file://\(fixture.url.path)", shallow.path], in: folder.url)
        let refused = #expect(throws: EngineError.self) { try ComplianceRepository(discoveringFrom: shallow.path).history(HistoryRequest()) }
        #expect(refused?.status == .repository && refused?.message.contains("git fetch --unshallow") == true, "\(refused?.message ?? "")")

        let notARepository = try TemporaryDirectory()
        let none = #expect(throws: EngineError.self) { try ComplianceRepository(discoveringFrom: notARepository.url.path) }
        #expect(none?.status == .repository && none?.message.contains("is not inside a git repository") == true, "\(none?.message ?? "")")
    }
}
