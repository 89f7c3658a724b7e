import EvidentGit
import Foundation
import GitFixtures
import Testing

/// `evident history` as a user runs it: output, exit codes and messages (the README's contract).
@Suite struct HistoryCommandTests {
    private func program(in folder: TemporaryDirectory) throws -> FixtureRepository {
        var repository = try FixtureRepository(in: folder.url)
        try repository.commit(["controls/AC-01.md": "one", "src/main.swift": "x"], message: "Add control")
        try repository.commit(["policies/POL-ACCESS.md": "text"], message: "Add policy\n\nApproved-by: Dave <dave@example.com>")
        try repository.commit(["controls/AC-01.md": "two", "evidence/AC-01/2026-01-05-review.md": "done"], message: "Evidence")
        return repository
    }

    /// `evident history --format json` as the README names its members; decoding fails on a renamed
    /// or missing one. What the history holds is HistoryEngineTests'.
    private struct HistoryJSON: Decodable {
        struct Person: Decodable {
            var name: String
            var email: String
            var time: String
            var offset: String
        }

        struct Event: Decodable {
            var status: String
            var commit: String
            var time: String
            var author: Person
            var committer: Person
            var signed: Bool
            var trailers: [String: [String]]
        }

        struct File: Decodable {
            var path: String
            var pathBase64: String?
            var events: [Event]

            enum CodingKeys: String, CodingKey {
                case path, events
                case pathBase64 = "path_base64"
            }
        }

        var head: String
        var ref: String
        var roots: [String]
        var files: [File]
    }

    private func document(_ result: EvidentBinary.Result) throws -> HistoryJSON {
        try JSONDecoder().decode(HistoryJSON.self, from: result.outputData)
    }

    /// A standard output left non-blocking (by a shell or a parent process) fills up when its
    /// reader is slow: the document must still arrive whole, not cut off at the pipe's size.
    @Test func aSlowNonBlockingReaderGetsTheWholeDocument() throws {
        let folder = try TemporaryDirectory()
        var repository = try FixtureRepository(in: folder.url)
        try repository.commit(Dictionary(uniqueKeysWithValues: (0..<400).map { ("evidence/AC-01/2026-01-\(String(format: "%03d", $0)).md", "x") }),
                              message: "Evidence")
        let expected = try EvidentBinary.run(["history", "--format", "json", "--no-index"], in: repository.url)
        #expect(expected.status == 0 && expected.outputData.count > 4 * 65_536, "a document larger than a pipe holds")

        let pipe = Pipe()
        let writer = pipe.fileHandleForWriting.fileDescriptor
        #expect(fcntl(writer, F_SETFL, fcntl(writer, F_GETFL) | O_NONBLOCK) == 0)
        let process = Process()
        process.executableURL = try EvidentBinary.url
        process.arguments = ["history", "--format", "json", "--no-index"]
        process.currentDirectoryURL = repository.url
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        try pipe.fileHandleForWriting.close()
        // The reader is slow: the pipe fills, and the writer's next write would block.
        Thread.sleep(forTimeInterval: 0.5)
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(output == expected.outputData, "got \(output.count) of \(expected.outputData.count) bytes")
    }

    @Test func jsonFollowsTheContract() throws {
        let folder = try TemporaryDirectory()
        let repository = try program(in: folder)
        let result = try EvidentBinary.run(["history", "--format", "json"], in: repository.url)
        #expect(result.status == 0, "\(result.error)")
        let document = try document(result)
        #expect(document.head == (try Git.text(["rev-parse", "HEAD"], in: repository.url)))
        #expect(document.ref == "refs/heads/main")
        #expect(document.roots == ["controls", "policies", "evidence", "risk", "audits"])
        let files = document.files
        #expect(files.map(\.path) == ["controls/AC-01.md", "evidence/AC-01/2026-01-05-review.md", "policies/POL-ACCESS.md"])
        #expect(files.allSatisfy { $0.pathBase64 == nil })
        let control = files[0].events
        #expect(control.map(\.status) == ["A", "M"])
        #expect(control[0].time == "2026-01-02T00:00:00Z")
        #expect(control[0].commit == (try Git.text(["rev-parse", "HEAD~2"], in: repository.url)))
        let policy = try #require(files[2].events.first)
        #expect(policy.trailers == ["Approved-by": ["Dave <dave@example.com>"]])
        #expect(policy.signed == false)
        #expect(policy.author.name == "Fixture Author" && policy.author.email == "author@example.com" && policy.author.time == "2026-01-03T00:00:00Z")
        #expect(policy.author.offset == "+00:00" && policy.committer.time == policy.time)
        let text = String(decoding: result.outputData, as: UTF8.self)
        #expect(text.hasSuffix("}\n") && text.contains("\"path\" : \"controls/AC-01.md\""), "pretty, key-sorted, newline-terminated")
    }

    @Test func textIsOneLinePerEvent() throws {
        let folder = try TemporaryDirectory()
        let repository = try program(in: folder)
        let result = try EvidentBinary.run(["history", "--root", "controls"], in: repository.url)
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("A  2026-01-02T00:00:00Z  "))
        #expect(lines[0].hasSuffix("controls/AC-01.md"))
        #expect(lines[1].hasPrefix("M  2026-01-04T00:00:00Z  "))
        #expect(lines[2] == "1 path, 2 changes under controls on refs/heads/main at \(try Git.text(["rev-parse", "--short=10", "HEAD"], in: repository.url))")
    }

    @Test func nonUTF8PathsAreIdentifiedExactly() throws {
        let folder = try TemporaryDirectory()
        let repository = try FixtureRepository(in: folder.url)
        let name = Data([0x62, 0x61, 0x64, 0xff, 0x2e, 0x6d, 0x64])
        // Build the tree with the raw name through the index, bypassing the file system.
        let emptyBlob = try Git.text(["hash-object", "-w", "/dev/null"], in: repository.url)
        var indexInfo = Data("100644 blob \(emptyBlob)\tcontrols/".utf8)
        indexInfo.append(name)
        indexInfo.append(0x0a)
        try Git.run(["update-index", "--index-info"], in: repository.url, input: indexInfo)
        try Git.run(["commit", "-q", "-m", "raw name"], in: repository.url, environment: Git.environment())
        let result = try EvidentBinary.run(["history", "--root", "controls", "--format", "json"], in: repository.url)
        #expect(result.status == 0, "\(result.error)")
        let files = try document(result).files
        #expect(files.count == 1)
        #expect(files.first?.path == "controls/bad\u{FFFD}.md")
        #expect(files.first?.pathBase64 == (Data("controls/".utf8) + name).base64EncodedString())
        let text = try EvidentBinary.run(["history", "--root", "controls"], in: repository.url)
        #expect(text.output.contains("\"controls/bad\\377.md\""))
    }

    @Test func notARepositoryExits3() throws {
        let folder = try TemporaryDirectory()
        let result = try EvidentBinary.run(["history", "--repo", folder.url.path], in: folder.url)
        #expect(result.status == 3)
        #expect(result.error.contains("is not inside a git repository"))
    }

    @Test func bareRepositoryWorks() throws {
        let folder = try TemporaryDirectory()
        let repository = try program(in: folder)
        let bare = folder.path("bare.git")
        try Git.run(["clone", "-q", "--bare", repository.url.path, bare.path], in: folder.url)
        let result = try EvidentBinary.run(["history", "--repo", bare.path, "--root", "controls"], in: folder.url)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("1 path, 2 changes under controls on refs/heads/main"))
    }

    @Test func unknownRefExits3() throws {
        let folder = try TemporaryDirectory()
        let repository = try program(in: folder)
        let result = try EvidentBinary.run(["history", "--ref", "no-such-branch"], in: repository.url)
        #expect(result.status == 3)
        #expect(result.error.contains("unknown ref 'no-such-branch'"))
    }

    @Test func unbornBranchExits3() throws {
        let folder = try TemporaryDirectory()
        let repository = try FixtureRepository(in: folder.url)
        let result = try EvidentBinary.run(["history"], in: repository.url)
        #expect(result.status == 3)
        #expect(result.error.contains("'refs/heads/main' has no commits yet"))
    }

    @Test func shallowCloneIsRefusedWithAdvice() throws {
        let folder = try TemporaryDirectory()
        let repository = try program(in: folder)
        let shallow = folder.path("shallow")
        try Git.run(["clone", "-q", "--depth", "1", "file://\(repository.url.path)", shallow.path], in: folder.url)
        let result = try EvidentBinary.run(["history"], in: shallow)
        #expect(result.status == 3)
        #expect(result.error.contains("git fetch --unshallow"))
        #expect(result.error.contains("fetch-depth: 0"))
    }

    @Test func missingObjectExits3NamingIt() throws {
        let folder = try TemporaryDirectory()
        let repository = try program(in: folder)
        let tree = try Git.text(["rev-parse", "HEAD~1^{tree}"], in: repository.url)
        try FileManager.default.removeItem(at: looseObject(tree, in: repository.url))
        let result = try EvidentBinary.run(["history"], in: repository.url)
        #expect(result.status == 3)
        #expect(result.error.contains(tree))
        #expect(result.error.contains("missing"))
        #expect(result.output.isEmpty)
    }

    @Test func corruptObjectExits3NamingIt() throws {
        let folder = try TemporaryDirectory()
        let repository = try program(in: folder)
        let commit = try Git.text(["rev-parse", "HEAD~1"], in: repository.url)
        let file = looseObject(commit, in: repository.url)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        try Data("this is not a zlib stream".utf8).write(to: file)
        let result = try EvidentBinary.run(["history"], in: repository.url)
        #expect(result.status == 3)
        #expect(result.error.contains(commit))
        #expect(result.error.contains("corrupt"))
        #expect(!result.error.contains("Fatal error"))
    }

    @Test func damagedPackExits3WithoutCrashing() throws {
        let folder = try TemporaryDirectory()
        let repository = try program(in: folder)
        try Git.run(["repack", "-adq"], in: repository.url)
        let packs = repository.url.appendingPathComponent(".git/objects/pack")
        let pack = try #require(try FileManager.default.contentsOfDirectory(atPath: packs.path).first { $0.hasSuffix(".pack") })
        let file = packs.appendingPathComponent(pack)
        var bytes = [UInt8](try Data(contentsOf: file))
        // Overwrite everything after the pack header: every object's data is now garbage.
        for index in 12..<(bytes.count - 20) { bytes[index] = 0xa5 }
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        try Data(bytes).write(to: file)
        let result = try EvidentBinary.run(["history"], in: repository.url)
        #expect(result.status == 3, "\(result.error)")
        #expect(result.error.contains("git object "))
        #expect(result.error.contains("corrupt"))
        #expect(result.output.isEmpty)
    }

    @Test(arguments: ["../x", "controls/../../x", "/etc"])
    func rootOutsideTheRepositoryExits2(root: String) throws {
        let folder = try TemporaryDirectory()
        let repository = try program(in: folder)
        let result = try EvidentBinary.run(["history", "--root", root], in: repository.url)
        #expect(result.status == 2)
        #expect(result.error.contains("outside the repository"))
    }

    @Test func unknownFormatIsAUsageError() throws {
        let folder = try TemporaryDirectory()
        let repository = try program(in: folder)
        let result = try EvidentBinary.run(["history", "--format", "yaml"], in: repository.url)
        #expect(result.status == 2)
        #expect(result.error.contains("yaml"))
    }

    @Test func invalidConfigurationNamesLineAndColumn() throws {
        let folder = try TemporaryDirectory()
        var repository = try FixtureRepository(in: folder.url)
        try repository.commit(["evident.yaml": "organization: X\nroot: [a, b]\n"])
        let result = try EvidentBinary.run(["history"], in: repository.url)
        #expect(result.status == 2)
        #expect(result.error.contains("evident.yaml:2:7"))
    }

    private func looseObject(_ id: String, in repository: URL) -> URL {
        repository.appendingPathComponent(".git/objects/\(id.prefix(2))/\(id.dropFirst(2))")
    }
}

/// More of `evident history` through the binary: signatures, concurrency, the project's own program.
@Suite struct HistoryCommandMoreTests {
    @Test func signedCommitsAreMarked() throws {
        let folder = try TemporaryDirectory()
        var repository = try FixtureRepository(in: folder.url)
        try repository.commit(["controls/AC-01.md": "one"], message: "Unsigned")
        // A commit carrying a signature header, written by hand (its signature is not verified here).
        let parent = try Git.text(["rev-parse", "HEAD"], in: repository.url)
        try Data("two\n".utf8).write(to: repository.url.appendingPathComponent("controls/AC-02.md"))
        try Git.run(["add", "-A"], in: repository.url)
        let signedTree = try Git.text(["write-tree"], in: repository.url)
        let object = """
            tree \(signedTree)
            parent \(parent)
            author A <a@example.com> 1767400000 +0000
            committer A <a@example.com> 1767400000 +0000
            gpgsig -----BEGIN SSH SIGNATURE-----
             U1NIU0lHAAAAAQ==
             -----END SSH SIGNATURE-----

            Signed change

            """
        let signed = try Git.text(["hash-object", "-t", "commit", "-w", "--stdin"], in: repository.url, input: object)
        try Git.run(["update-ref", "refs/heads/main", signed], in: repository.url)
        let text = try EvidentBinary.run(["history", "--root", "controls"], in: repository.url)
        #expect(text.status == 0, "\(text.error)")
        let lines = text.output.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(!lines[0].contains("signed"))
        #expect(lines[1].contains("  signed  controls/AC-02.md"))
    }

    @Test func concurrentProcessesShareTheIndexSafely() throws {
        let folder = try TemporaryDirectory()
        var repository = try FixtureRepository(in: folder.url)
        for day in 1...5 { try repository.commit(["evidence/AC-01/2026-01-0\(day).md": "e"]) }
        let binary = try EvidentBinary.url
        let top = repository.url
        let outputs = ResultCollector()
        DispatchQueue.concurrentPerform(iterations: 6) { _ in
            let result = try? Process.capture(executable: binary.path, arguments: ["history", "--format", "json"], in: top)
            outputs.add(result)
        }
        #expect(outputs.results.count == 6)
        #expect(outputs.results.allSatisfy { $0?.status == 0 })
        #expect(Set(outputs.results.map { $0?.standardOutput }).count == 1)
        let again = try EvidentBinary.run(["history", "--format", "json"], in: repository.url)
        #expect(again.outputData == outputs.results.first??.standardOutput)
        #expect(again.error.isEmpty, "the index left behind is valid: \(again.error)")
    }

    /// The repository's own compliance program lints clean (what `make run` checks).
    @Test func ownProgramLintsClean() throws {
        let top = PreCommitFrameworkTests.evidentRepository
        let result = try EvidentBinary.run(["lint", "--no-history"], in: top)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output == "no problems found\n")
    }
}

private final class ResultCollector: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var results: [Process.Captured?] = []
    func add(_ result: Process.Captured?) { lock.withLock { results.append(result) } }
}
