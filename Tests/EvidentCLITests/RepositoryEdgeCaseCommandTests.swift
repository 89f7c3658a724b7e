import EvidentCore
import Foundation
import GitFixtures
import Testing

/// Odd repositories as a user meets them: the exit code and one clear line on stderr, never a
/// crash or a backtrace.
@Suite struct RepositoryEdgeCaseCommandTests {
    /// The example program (its mainline `main`), then a commit dated `date` that adds evidence, then an ordinary one.
    private func program(in folder: TemporaryDirectory, crafted date: String) throws -> (FixtureRepository, String) {
        var fixture = try FixtureRepository(in: folder.url)
        var files = ExampleProgram.base.mapValues { Optional($0) }
        files["evident.yaml"] = ExampleProgram.base["evident.yaml"]! + "mainline: main\n"
        try fixture.commitApproved(files, on: "2026-01-10", message: "Program")
        let crafted = try fixture.commitRaw(["evidence/AC-01/2026-02-01-extra.md": "extra"], authorDate: date)
        try fixture.commitRaw(["README.md": "after"], authorDate: "1772323200 +0000")
        return (fixture, crafted)
    }

    private func expectCleanFailure(_ result: EvidentBinary.Result, status: Int32, mentions: [String]) {
        #expect(result.status == status, "\(result.status): \(result.error)")
        for text in mentions { #expect(result.error.contains(text), "\(result.error)") }
        #expect(result.error.hasPrefix("evident: error: ") && result.error.filter { $0 == "\n" }.count == 1, "one line: \(result.error)")
        #expect(!result.error.contains("Fatal error") && !result.error.contains("Backtrace"))
    }

    /// Year -1, the smallest and an overflowing timestamp, a 99-minute zone: each used to crash
    /// `history` or `audit` (exit 132) or to be read as another time.
    @Test(arguments: ["-62198755200 +0000", "-9223372036854775808 +0000", "99999999999999999999 +0000", "1767225600 +9999"])
    func unusableDatesExit3NamingTheCommit(date: String) throws {
        let folder = try TemporaryDirectory()
        let (fixture, crafted) = try program(in: folder, crafted: date)
        for command in [["history"], ["history", "--format", "json"], ["audit"]] {
            let result = try EvidentBinary.run(command, in: fixture.url)
            expectCleanFailure(result, status: 3, mentions: ["commit \(crafted) has an unusable author date"])
            #expect(result.output.isEmpty)
        }
    }

    @Test func farYearsAndZonesAreShownLikeGit() throws {
        let folder = try TemporaryDirectory()
        let (fixture, crafted) = try program(in: folder, crafted: "253402300800 +0545")
        let text = try EvidentBinary.run(["history"], in: fixture.url)
        #expect(text.status == 0, "\(text.error)")
        #expect(text.output.contains("A  +010000-01-01T00:00:00Z  \(crafted.prefix(10))"), "\(text.output)")
        // git shows the same instant in the author's zone.
        #expect(try Git.text(["log", "-1", "--format=%ad", "--date=iso-strict", crafted], in: fixture.url) == "10000-01-01T05:45:00+05:45")
        let json = try EvidentBinary.run(["history", "--format", "json"], in: fixture.url)
        #expect(json.output.contains("\"time\" : \"+010000-01-01T00:00:00Z\"") && json.output.contains("\"offset\" : \"+05:45\""), "\(json.output)")
    }

    @Test func aMissingMainlineTipExits3NamingIt() throws {
        let folder = try TemporaryDirectory()
        let (fixture, _) = try program(in: folder, crafted: "1769904000 +0000")
        let missing = "1234567890123456789012345678901234567890"
        try Data("\(missing)\n".utf8).write(to: fixture.url.appendingPathComponent(".git/refs/heads/main"))
        for command in [["history"], ["audit"], ["lint"]] {
            expectCleanFailure(try EvidentBinary.run(command, in: fixture.url), status: 3, mentions: [missing, "missing"])
        }
    }

    @Test func aMainlineThatIsNotThereExits2ListingTheBranches() throws {
        let folder = try TemporaryDirectory()
        let (fixture, _) = try program(in: folder, crafted: "1769904000 +0000")
        try Git.run(["branch", "-m", "main", "trunk"], in: fixture.url)
        expectCleanFailure(try EvidentBinary.run(["audit"], in: fixture.url), status: 2,
                           mentions: ["'mainline: main'", "its branches are trunk", "(HEAD is on 'trunk')"])
    }

    @Test func prInAShallowCloneExits3WithTheFix() throws {
        let folder = try TemporaryDirectory()
        let (fixture, _) = try program(in: folder, crafted: "1769904000 +0000")
        let clone = folder.path("shallow")
        try Git.run(["clone", "-q", "--depth", "2", "file://\(fixture.url.path)", clone.path], in: folder.url)
        expectCleanFailure(try EvidentBinary.run(["pr", "--base", "origin/main"], in: clone), status: 3,
                           mentions: ["shallow clone", "git fetch --unshallow", "fetch-depth: 0"])
    }

    @Test func stagedLintInABareRepositoryExits2() throws {
        let folder = try TemporaryDirectory()
        let (fixture, _) = try program(in: folder, crafted: "1769904000 +0000")
        let bare = folder.path("bare.git")
        try Git.run(["clone", "-q", "--bare", fixture.url.path, bare.path], in: folder.url)
        expectCleanFailure(try EvidentBinary.run(["lint", "--staged"], in: bare), status: 2, mentions: ["bare repository", "run it in a clone"])
    }

    @Test(arguments: [["--year", "20266"], ["--year", "0"], ["--organization", ""], ["--organization", "A\u{1B}]0;x\u{7}"]])
    func initExits2OnBadArguments(arguments: [String]) throws {
        let folder = try TemporaryDirectory()
        let result = try EvidentBinary.run(["init", "--repo", folder.path("program").path] + arguments, in: folder.url)
        expectCleanFailure(result, status: 2, mentions: [arguments[0]])
        #expect(!result.error.contains("\u{1B}"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("program").path))
    }

    /// `core.hooksPath = ~/hooks` is the home folder's `hooks`, as git has it.
    @Test func hookInstallExpandsTheHomeFolder() throws {
        let folder = try TemporaryDirectory()
        let (fixture, _) = try program(in: folder, crafted: "1769904000 +0000")
        let home = folder.path("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try Git.run(["config", "core.hooksPath", "~/hooks"], in: fixture.url)
        let result = try EvidentBinary.run(["hook", "install"], in: fixture.url, environment: ["HOME": home.path])
        #expect(result.status == 0, "\(result.error)")
        let hook = home.appendingPathComponent("hooks/pre-commit")
        #expect(FileManager.default.isExecutableFile(atPath: hook.path))
        #expect(result.output.contains(hook.path))
        let gitHooks = try Git.text(["rev-parse", "--path-format=absolute", "--git-path", "hooks"], in: fixture.url, environment: ["HOME": home.path])
        #expect(URL(fileURLWithPath: gitHooks).standardizedFileURL == home.appendingPathComponent("hooks").standardizedFileURL)
    }

    /// A repository that belongs to another user: git (and libgit2) refuse it unless
    /// `safe.directory` lists it. Making one needs `chown`, so this runs only as root; without
    /// root, `RepositoryAccessTests` covers the decision on libgit2's answers.
    @Test(.enabled(if: geteuid() == 0, "chown needs root"))
    func aRepositoryOfAnotherUserSaysHowToTrustIt() throws {
        let folder = try TemporaryDirectory()
        let (fixture, _) = try program(in: folder, crafted: "1769904000 +0000")
        let chown = try Process.capture(executable: "/usr/bin/env", arguments: ["chown", "-R", "65534:65534", fixture.url.path], in: folder.url)
        #expect(chown.status == 0)
        let path = fixture.url.standardizedFileURL.path
        let homes: [(String, String?)] = [("none", nil), ("other", "[safe]\n\tdirectory = /elsewhere\n"), ("listed", "[safe]\n\tdirectory = \(path)\n")]
        for (name, config) in homes {
            let home = folder.path("home-\(name)")
            try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
            if let config { try Data(config.utf8).write(to: home.appendingPathComponent(".gitconfig")) }
            let result = try EvidentBinary.run(["history"], in: fixture.url.appendingPathComponent("controls"), environment: ["HOME": home.path])
            if name == "listed" {
                #expect(result.status == 0, "\(result.error)")
            } else {
                expectCleanFailure(result, status: 3, mentions: ["dubious ownership", "git config --global --add safe.directory '\(path)'"])
            }
        }
    }
}
