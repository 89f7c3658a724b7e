import EvidentCore
import EvidentEngine
import Foundation
import GitFixtures
import Testing

/// `init` arguments checked before anything is written, `hook install` where git runs hooks,
/// and the committed allowed-signers file read however it was saved.
@Suite struct SetupEdgeCaseTests {
    static let badArguments: [(year: Int, organization: String, mentions: String)] = [
        (0, "Example Corp", "--year 0"),
        (26, "Example Corp", "four-digit year"),
        (20266, "Example Corp", "--year 20266"),
        (-2026, "Example Corp", "--year -2026"),
        (1969, "Example Corp", "from 1970"),
        (9999, "Example Corp", "to 9998"),
        (2026, "", "--organization is empty"),
        (2026, " \t ", "--organization is empty"),
        (2026, "Evil\nCorp", "U+000A"),
        (2026, "Evil\u{1B}[31mCorp", "U+001B"),
        (2026, "Evil\u{85}Corp", "U+0085"),
        (2026, "Evil\u{202E}Corp", "U+202E"),
        (2026, "Evil\u{2028}Corp", "U+2028"),
        (2026, String(repeating: "x", count: 201), "at most 200"),
    ]

    @Test(arguments: badArguments)
    func initRefusesBadArgumentsAndWritesNothing(year: Int, organization: String, mentions: String) throws {
        let folder = try TemporaryDirectory()
        let target = folder.path("program")
        let error = try #require(throws: EngineError.self) {
            try Scaffold.write(ScaffoldRequest(folder: target.path, categories: [], organization: organization, year: year))
        }
        #expect(error.status == .usage)
        #expect(error.message.contains(mentions), "\(error.message)")
        #expect(!error.message.contains("\n") && !error.message.contains("\u{1B}"), "the message does not repeat the bad text")
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }

    @Test(arguments: [(1970, "A"), (9998, String(repeating: "é", count: 200)), (2026, "Ünïcødé Corp — 株式会社")])
    func initAcceptsEveryPlausibleArgument(year: Int, organization: String) throws {
        let folder = try TemporaryDirectory()
        let outcome = try Scaffold.write(ScaffoldRequest(folder: folder.url.path, categories: [], organization: organization, year: year))
        #expect(outcome.written > 0)
    }

    /// `core.hooksPath` with a leading `~` is the home folder, as git reads it; a relative one is
    /// relative to the working tree's top. The hook lands where `git rev-parse --git-path hooks` says.
    @Test(arguments: ["~/", "relative/hooks", "/absolute/"])
    func theHookIsInstalledWhereGitRunsHooks(kind: String) throws {
        let folder = try TemporaryDirectory()
        var fixture = try FixtureRepository(in: folder.url)
        try fixture.commit(["README.md": "x"])
        let setting: String
        switch kind {
        case "~/":
            // A path from the home folder back into this test's folder, so nothing is written outside it.
            let home = try #require(ProcessInfo.processInfo.environment["HOME"])
            let depth = URL(fileURLWithPath: home).standardizedFileURL.pathComponents.count - 1
            setting = "~/" + String(repeating: "../", count: depth) + String(folder.path("team-hooks").standardizedFileURL.path.dropFirst())
        case "/absolute/": setting = folder.path("absolute-hooks").path
        default: setting = kind
        }
        try Git.run(["config", "core.hooksPath", setting], in: fixture.url)
        let hook = try Fixtures.open(fixture).installPreCommitHook(running: "/usr/local/bin/evident", force: false)
        // git expands `~` from HOME as well; the isolated environment keeps the same HOME.
        let gitHooks = try Git.text(["rev-parse", "--path-format=absolute", "--git-path", "hooks"], in: fixture.url)
        #expect(hook.standardizedFileURL.path == URL(fileURLWithPath: gitHooks).appendingPathComponent("pre-commit").standardizedFileURL.path)
        #expect(FileManager.default.isExecutableFile(atPath: hook.path))
        #expect(hook.standardizedFileURL.path.hasPrefix(folder.url.standardizedFileURL.path), "\(hook.path)")
    }

    /// ssh-keygen reads a byte-order mark as part of the first principal; the committed file is
    /// read as text, so a file saved with one (and CR LF) still verifies its signers.
    @Test func anAllowedSignersFileWithAByteOrderMarkVerifies() throws {
        let folder = try TemporaryDirectory()
        var fixture = try Fixtures.yearOfEvidence(in: folder)
        let key = folder.path("trusted")
        _ = try Process.capture(executable: "/usr/bin/env", arguments: ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "test", "-f", key.path], in: folder.url)
        let publicKey = String(decoding: try Data(contentsOf: URL(fileURLWithPath: key.path + ".pub")), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let config = ExampleProgram.base["evident.yaml"]! + "trust: {require_signed: true, allowed_signers: .evident/allowed_signers}\n"
        try fixture.commit(["evident.yaml": config, ".evident/allowed_signers": "\u{FEFF}author@example.com namespaces=\"git\" \(publicKey)\r\n"], on: "2026-10-20")
        try Data("evidence\n".utf8).write(to: fixture.url.appendingPathComponent("evidence/AC-01/2026-10-21-extra.md"))
        try Git.run(["add", "-A"], in: fixture.url)
        let time = Int64(Day("2026-10-21")!.daysSinceEpoch) * 86_400 + 43_200
        try Git.run(["-c", "gpg.format=ssh", "-c", "user.signingkey=\(key.path)", "commit", "-q", "-S", "-m", "Evidence"], in: fixture.url, environment: Git.environment(time: time))
        let signed = try Git.text(["rev-parse", "HEAD"], in: fixture.url)
        let record = try Fixtures.open(fixture).audit(AuditRequest(clock: Day("2026-12-20"))).record
        let flagged = Set(record.findings.filter { $0.code == "TRUST-UNSIGNED" }.flatMap(\.evidence))
        #expect(!flagged.contains(signed), "a signature by an allowed signer verifies")
        // Signatures were checked at all: the unsigned commit that landed Q4's evidence is flagged.
        let unsigned = try Git.text(["log", "-1", "--format=%H", "--", "evidence/AC-01/2026-10-05-review.md"], in: fixture.url)
        #expect(flagged.contains(unsigned), "\(flagged)")
    }
}
