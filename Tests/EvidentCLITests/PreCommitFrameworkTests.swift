import EvidentCore
import Foundation
import GitFixtures
import Testing

/// The real pre-commit framework, pointed at this repository's `.pre-commit-hooks.yaml`,
/// builds Evident and blocks a commit with a broken control.
@Suite struct PreCommitFrameworkTests {
    static let evidentRepository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test(.timeLimit(.minutes(20)))
    func frameworkBlocksBrokenCommitWithReadableMessage() throws {
        let revision = try Git.text(["rev-parse", "HEAD"], in: Self.evidentRepository)
        let folder = try TemporaryDirectory("evident-precommit")
        var repository = try FixtureRepository(in: folder.url)
        var files = ExampleProgram.base.mapValues { Optional($0) }
        files[".pre-commit-config.yaml"] = """
            repos:
              - repo: \(Self.evidentRepository.path)
                rev: \(revision)
                hooks:
                  - id: evident-lint

            """
        try repository.commitApproved(files, message: "Program")
        let environment = ["PRE_COMMIT_HOME": FileManager.default.temporaryDirectory.appendingPathComponent("evident-pre-commit-cache").path]
        try run(["install"], in: repository.url, environment: environment)

        try Data(LintCommandTests.brokenControl.utf8).write(to: repository.url.appendingPathComponent("controls/AC-01.md"))
        try Git.run(["add", "-A"], in: repository.url)
        var commitEnvironment = Git.environment(time: 1_775_000_000).merging(environment) { $1 }
        commitEnvironment["PATH"] = ProcessInfo.processInfo.environment["PATH"]
        let blocked = try Process.capture(executable: "/usr/bin/env", arguments: ["git", "commit", "-m", "Break it"], in: repository.url,
                                          environment: gitEnvironment(commitEnvironment))
        let output = String(decoding: blocked.standardOutput + blocked.standardError, as: UTF8.self)
        #expect(blocked.status != 0, "\(output)")
        #expect(output.contains("controls/AC-01.md:7:12: error: 'frequency' must be one of"), "\(output)")
        #expect(output.contains("[SCHEMA-TYPE]"))

        try Data(LintCommandTests.goodControl.utf8).write(to: repository.url.appendingPathComponent("controls/AC-01.md"))
        try Data("Reviewed.\n".utf8).write(to: repository.url.appendingPathComponent("evidence/AC-01/2026-04-01-review.md"))
        try Git.run(["add", "-A"], in: repository.url)
        let passed = try Process.capture(executable: "/usr/bin/env", arguments: ["git", "commit", "-m", "Evidence"], in: repository.url,
                                         environment: gitEnvironment(commitEnvironment))
        #expect(passed.status == 0, "\(String(decoding: passed.standardOutput + passed.standardError, as: UTF8.self))")
    }

    private func run(_ arguments: [String], in directory: URL, environment: [String: String]) throws {
        let result = try Process.capture(executable: "/usr/bin/env", arguments: ["python3", "-m", "pre_commit"] + arguments, in: directory,
                                         environment: gitEnvironment(environment))
        #expect(result.status == 0, "pre-commit \(arguments): \(String(decoding: result.standardOutput + result.standardError, as: UTF8.self))")
    }

    /// The machine's system git configuration stays: it is where Swift packages resolve from here.
    private func gitEnvironment(_ extra: [String: String]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        environment.merge(extra) { $1 }
        return environment
    }
}
