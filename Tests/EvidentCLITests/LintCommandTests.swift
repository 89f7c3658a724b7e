import EvidentCore
import Foundation
import GitFixtures
import Testing

/// `evident lint` and `--staged` through the binary.
@Suite struct LintCommandTests {
    static let goodControl = ExampleProgram.base["controls/AC-01.md"]!
    static let brokenControl = goodControl.replacingOccurrences(of: "frequency: quarterly", with: "frequency: fortnightly")

    /// A committed copy of the example program, which lints clean.
    private func program(in folder: TemporaryDirectory) throws -> FixtureRepository {
        var repository = try FixtureRepository(in: folder.url)
        try repository.commitApproved(ExampleProgram.base.mapValues { Optional($0) }, message: "Program")
        return repository
    }

    private func write(_ path: String, _ content: String, in repository: FixtureRepository) throws {
        try Data(content.utf8).write(to: repository.url.appendingPathComponent(path))
    }

    @Test func cleanProgramExits0() throws {
        let folder = try TemporaryDirectory()
        let repository = try program(in: folder)
        let result = try EvidentBinary.run(["lint", "--today", "2026-06-01"], in: repository.url)
        #expect(result.status == 0, "\(result.output)\(result.error)")
        #expect(result.output == "no problems found\n")
    }

    @Test func stagedBrokenFileFailsEvenWhenTheWorkingCopyIsFixed() throws {
        let folder = try TemporaryDirectory()
        let repository = try program(in: folder)
        try write("controls/AC-01.md", Self.brokenControl, in: repository)
        try Git.run(["add", "controls/AC-01.md"], in: repository.url)
        try write("controls/AC-01.md", Self.goodControl, in: repository)

        let staged = try EvidentBinary.run(["lint", "--staged", "--today", "2026-06-01"], in: repository.url)
        #expect(staged.status == 1)
        #expect(staged.output.contains("controls/AC-01.md:7:12: error: 'frequency' must be one of"))
        let workingTree = try EvidentBinary.run(["lint", "--today", "2026-06-01"], in: repository.url)
        #expect(workingTree.status == 0, "\(workingTree.output)")
    }

    @Test func stagedFixPassesEvenWhenTheWorkingCopyIsBroken() throws {
        let folder = try TemporaryDirectory()
        let repository = try program(in: folder)
        try write("controls/AC-01.md", Self.brokenControl, in: repository)
        let workingTree = try EvidentBinary.run(["lint", "--today", "2026-06-01"], in: repository.url)
        #expect(workingTree.status == 1)
        let staged = try EvidentBinary.run(["lint", "--staged", "--today", "2026-06-01"], in: repository.url)
        #expect(staged.status == 0, "\(staged.output)")
    }

    @Test func stagedEvidenceChangesAreRefused() throws {
        let folder = try TemporaryDirectory()
        let repository = try program(in: folder)
        try write("evidence/AC-01/2026-01-15-review.md", "Edited after the fact.\n", in: repository)
        try write("evidence/AC-01/2026-04-15-review.md", "New occurrence.\n", in: repository)
        try Git.run(["add", "-A"], in: repository.url)
        let result = try EvidentBinary.run(["lint", "--staged", "--today", "2026-06-01"], in: repository.url)
        #expect(result.status == 1)
        #expect(result.output.contains("evidence/AC-01/2026-01-15-review.md:1:1: error: this change modifies evidence"))
        #expect(!result.output.contains("2026-04-15-review.md"))
    }

    /// A policy text change is compared with HEAD, in the working tree and in the index.
    @Test func policyTextChangesNeedANewVersionAndApproval() throws {
        let folder = try TemporaryDirectory()
        let repository = try program(in: folder)
        let file = "policies/POL-ACCESS-CONTROL.md"
        let lint = { (arguments: [String]) in try EvidentBinary.run(["lint", "--today", "2026-06-01", "--fail-on", "warning"] + arguments, in: repository.url) }
        try write(file, ExampleProgram.policy("access-control", body: "Rewritten."), in: repository)
        let unversioned = try lint([])
        #expect(unversioned.status == 1)
        #expect(unversioned.output.contains("\(file):5:10: warning: the policy text changed but its version stays '1.0'"), "\(unversioned.output)")
        #expect(try lint(["--staged"]).status == 0, "nothing is staged yet")
        try Git.run(["add", file], in: repository.url)
        #expect(try lint(["--staged"]).output.contains("[POLICY-CHANGE-UNVERSIONED]"))
        try write(file, ExampleProgram.policy("access-control", version: "1.1", approvals: ["1.0", "1.1"], body: "Rewritten."), in: repository)
        try Git.run(["add", file], in: repository.url)
        #expect(try lint(["--staged"]).status == 0)
        #expect(try lint([]).status == 0)
    }

    @Test func overdueReviewIsProvenFromHistory() throws {
        let folder = try TemporaryDirectory()
        let repository = try program(in: folder)
        // The fixture's commits land in January 2026; a year and a half later every policy is overdue.
        let result = try EvidentBinary.run(["lint", "--today", "2027-07-01"], in: repository.url)
        #expect(result.status == 1)
        #expect(result.output.contains("[POLICY-REVIEW-OVERDUE]"))
        #expect(result.output.contains("was last approved on 2026-01-02 (proven by history)"))
        let skipped = try EvidentBinary.run(["lint", "--today", "2027-07-01", "--no-history"], in: repository.url)
        #expect(skipped.status == 0)
    }

    @Test func lintHistoryAndAuditShareOnePersistedIndex() throws {
        let folder = try TemporaryDirectory()
        let repository = try program(in: folder)
        #expect(try EvidentBinary.run(["lint", "--today", "2026-06-01"], in: repository.url).status == 0)
        #expect(try EvidentBinary.run(["history"], in: repository.url).status == 0)
        #expect(try EvidentBinary.run(["audit", "--dry-run", "--fail-on", "never"], in: repository.url).status == 0)
        let indexes = try FileManager.default.contentsOfDirectory(atPath: repository.url.appendingPathComponent(".git/evident").path)
        #expect(indexes.count == 1, "\(indexes)")
    }

    @Test func failOnChoosesTheThresholdAndPathsFilter() throws {
        let folder = try TemporaryDirectory()
        let repository = try program(in: folder)
        try write("controls/AC-01.md", Self.goodControl.replacingOccurrences(of: "risk: moderate", with: "risk: moderate\nrsik: high"), in: repository)
        #expect(try EvidentBinary.run(["lint", "--today", "2026-06-01"], in: repository.url).status == 0)
        #expect(try EvidentBinary.run(["lint", "--today", "2026-06-01", "--fail-on", "warning"], in: repository.url).status == 1)
        let other = try EvidentBinary.run(["lint", "--today", "2026-06-01", "--fail-on", "warning", "policies/POL-BACKUP.md"], in: repository.url)
        #expect(other.status == 0)
        #expect(try EvidentBinary.run(["lint", "--fail-on", "sometimes"], in: repository.url).status == 2)
    }

    /// `evident lint --format json`, as the contract names its members.
    private struct LintJSON: Decodable {
        struct Entry: Decodable {
            var rule: String
            var severity: String
            var message: String
            var file: String
            var line: Int
            var column: Int
        }

        var diagnostics: [Entry]
        var errors: Int
        var warnings: Int
    }

    @Test func jsonFollowsTheContract() throws {
        let folder = try TemporaryDirectory()
        let repository = try program(in: folder)
        try write("controls/AC-01.md", Self.brokenControl.replacingOccurrences(of: "risk: moderate", with: "risk: moderate\nrsik: high"), in: repository)
        let result = try EvidentBinary.run(["lint", "--format", "json", "--today", "2026-06-01"], in: repository.url)
        #expect(result.status == 1, "\(result.error)")
        let document = try JSONDecoder().decode(LintJSON.self, from: result.outputData)
        #expect(document.errors == 1 && document.warnings == 1)
        #expect(document.diagnostics.map { "\($0.severity) \($0.rule) \($0.file):\($0.line):\($0.column)" }
            == ["error SCHEMA-TYPE controls/AC-01.md:7:12", "warning SCHEMA-UNKNOWN-KEY controls/AC-01.md:9:1"])
        #expect(document.diagnostics.first?.message.hasPrefix("'frequency' must be one of") == true)
        let clean = try EvidentBinary.run(["lint", "--format", "json", "--today", "2026-06-01", "policies/POL-BACKUP.md"], in: repository.url)
        #expect(clean.status == 0)
        let none = try JSONDecoder().decode(LintJSON.self, from: clean.outputData)
        #expect(none.diagnostics.isEmpty && none.errors == 0 && none.warnings == 0)
    }

    @Test func formatsAreSelectable() throws {
        let folder = try TemporaryDirectory()
        let repository = try program(in: folder)
        try write("controls/AC-01.md", Self.brokenControl, in: repository)
        let github = try EvidentBinary.run(["lint", "--format", "github", "--today", "2026-06-01"], in: repository.url)
        #expect(github.output.hasPrefix("::error file=controls/AC-01.md,line=7,col=12,title=SCHEMA-TYPE::"))
        let sarif = try EvidentBinary.run(["lint", "--format", "sarif", "--today", "2026-06-01"], in: repository.url)
        #expect(sarif.output.contains("\"version\" : \"2.1.0\""))
        let rules = try EvidentBinary.run(["lint", "--list-rules"], in: repository.url)
        #expect(rules.status == 0 && rules.output.contains("POLICY-REVIEW-OVERDUE"))
    }
}

/// `evident hook install` and the pre-commit hook it writes.
@Suite struct HookCommandTests {
    @Test func installedHookBlocksABrokenCommitAndPassesAGoodOne() throws {
        let folder = try TemporaryDirectory()
        var repository = try FixtureRepository(in: folder.url)
        try repository.commitApproved(ExampleProgram.base.mapValues { Optional($0) }, message: "Program")
        let install = try EvidentBinary.run(["hook", "install"], in: repository.url)
        #expect(install.status == 0, "\(install.error)")
        let hook = repository.url.appendingPathComponent(".git/hooks/pre-commit")
        #expect(FileManager.default.isExecutableFile(atPath: hook.path))

        try Data(LintCommandTests.brokenControl.utf8).write(to: repository.url.appendingPathComponent("controls/AC-01.md"))
        try Git.run(["add", "-A"], in: repository.url)
        #expect(throws: Git.Failure.self) {
            try Git.run(["commit", "-q", "-m", "Break it"], in: repository.url, environment: Git.environment(time: 1_775_000_000))
        }
        try Data(LintCommandTests.goodControl.utf8).write(to: repository.url.appendingPathComponent("controls/AC-01.md"))
        try Data("New.\n".utf8).write(to: repository.url.appendingPathComponent("evidence/AC-01/2026-04-01-review.md"))
        try Git.run(["add", "-A"], in: repository.url)
        try Git.run(["commit", "-q", "-m", "Add evidence"], in: repository.url, environment: Git.environment(time: 1_775_000_000))
    }

    @Test func foreignHookIsKeptUnlessForced() throws {
        let folder = try TemporaryDirectory()
        let repository = try FixtureRepository(in: folder.url)
        let hook = repository.url.appendingPathComponent(".git/hooks/pre-commit")
        try Data("#!/bin/sh\necho mine\n".utf8).write(to: hook)
        let refused = try EvidentBinary.run(["hook", "install"], in: repository.url)
        #expect(refused.status == 2)
        #expect(refused.error.contains("--force"))
        #expect(String(decoding: try Data(contentsOf: hook), as: UTF8.self) == "#!/bin/sh\necho mine\n")
        #expect(try EvidentBinary.run(["hook", "install", "--force"], in: repository.url).status == 0)
        #expect(String(decoding: try Data(contentsOf: hook), as: UTF8.self).contains("lint --staged"))
        #expect(try EvidentBinary.run(["hook", "install"], in: repository.url).status == 0, "reinstalling its own hook is fine")
    }
}

/// `evident init` as a new user runs it.
@Suite struct InitCommandTests {
    @Test func initThenLintIsClean() throws {
        let folder = try TemporaryDirectory()
        let repository = try FixtureRepository(in: folder.url)
        let result = try EvidentBinary.run(["init", "--categories", "availability", "privacy", "--year", "2026"], in: repository.url)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("(security, availability, privacy)"))
        // The placeholder people are warned about, one line each; warnings do not fail lint.
        let lint = try EvidentBinary.run(["lint", "--today", "2026-06-01"], in: repository.url)
        #expect(lint.status == 0, "\(lint.output)")
        let lines = lint.output.split(separator: "\n")
        #expect(lines.dropLast().count == 7 && lines.dropLast().allSatisfy { $0.hasSuffix("[PEOPLE-PLACEHOLDER]") }, "\(lint.output)")
        #expect(lines.last == "0 errors, 7 warnings")
        let yaml = repository.url.appendingPathComponent("evident.yaml")
        let real = String(decoding: try Data(contentsOf: yaml), as: UTF8.self)
            .replacingOccurrences(of: " (replace me)", with: "").replacingOccurrences(of: "@example.com", with: "@corp.example")
        try Data(real.utf8).write(to: yaml)
        #expect(try EvidentBinary.run(["lint", "--today", "2026-06-01"], in: repository.url).output == "no problems found\n")
        for path in ["evident.yaml", "controls/AC-05.md", "policies/POL-ACCESS.md", "risk/risk-assessment.md", "evidence/README.md",
                     ".github/workflows/evident.yml", ".pre-commit-config.yaml", "controls/AV-02.md", "policies/POL-PRIVACY.md"] {
            #expect(FileManager.default.fileExists(atPath: repository.url.appendingPathComponent(path).path), "\(path)")
        }
        #expect(!FileManager.default.fileExists(atPath: repository.url.appendingPathComponent("controls/CF-01.md").path))
    }

    @Test func initNeverOverwrites() throws {
        let folder = try TemporaryDirectory()
        let repository = try FixtureRepository(in: folder.url)
        try Data("organization: Mine\n".utf8).write(to: repository.url.appendingPathComponent("evident.yaml"))
        let first = try EvidentBinary.run(["init"], in: repository.url)
        #expect(first.status == 0)
        #expect(first.output.contains("Kept 1 existing file: evident.yaml"))
        #expect(String(decoding: try Data(contentsOf: repository.url.appendingPathComponent("evident.yaml")), as: UTF8.self) == "organization: Mine\n")
        let second = try EvidentBinary.run(["init"], in: repository.url)
        #expect(second.output.hasPrefix("Wrote 0 files"))
    }

    @Test func unknownCategoryIsAUsageError() throws {
        let folder = try TemporaryDirectory()
        let result = try EvidentBinary.run(["init", "--categories", "privcy"], in: folder.url)
        #expect(result.status == 2)
        #expect(result.error.contains("did you mean 'privacy'?"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty, "nothing is written on bad input")
    }
}

/// The first minutes of a new user: `git init` on whatever default branch, `init`, commit, read history.
@Suite struct NewUserFlowTests {
    @Test func initFollowsTheRepositorysBranchAndHistoryWorksAfterTheFirstCommit() throws {
        let folder = try TemporaryDirectory()
        let top = folder.path("program")
        try FileManager.default.createDirectory(at: top, withIntermediateDirectories: true)
        try Git.run(["init", "-q", "-b", "master", "."], in: top)
        #expect(try EvidentBinary.run(["init", "--year", "2026"], in: top).status == 0)
        #expect(String(decoding: try Data(contentsOf: top.appendingPathComponent("evident.yaml")), as: UTF8.self).contains("mainline: master\n"))
        #expect(try EvidentBinary.run(["hook", "install"], in: top).status == 0)
        try Git.run(["add", "-A"], in: top)
        try Git.run(["commit", "-q", "-m", "Start the program"], in: top, environment: Git.environment())
        let history = try EvidentBinary.run(["history"], in: top)
        #expect(history.status == 0, "\(history.error)")
        #expect(history.output.contains("on refs/heads/master at"))
        #expect(try EvidentBinary.run(["lint", "--today", "2026-06-01"], in: top).status == 0)
    }

    @Test func aMissingConfiguredMainlineSaysHowToFixIt() throws {
        let folder = try TemporaryDirectory()
        var repository = try FixtureRepository(in: folder.url)
        try repository.commit(["evident.yaml": "mainline: trunk\n"])
        let result = try EvidentBinary.run(["history"], in: repository.url)
        #expect(result.status == 2)
        #expect(result.error.contains("evident.yaml sets 'mainline: trunk'"))
        #expect(result.error.contains("HEAD is on 'main'"))
    }
}

/// `evident lint` with many diagnostics: a summary, then the diagnostics grouped and capped,
/// each still on its own `path:line:column:` line.
@Suite struct LintGroupingCommandTests {
    /// The example program with `count` controls whose frequency and owner are wrong.
    private func program(broken count: Int, in folder: TemporaryDirectory) throws -> FixtureRepository {
        var repository = try FixtureRepository(in: folder.url)
        var files = ExampleProgram.base.mapValues { Optional($0) }
        // Without its policies, which would each want to list the copy back.
        let control = ExampleProgram.base["controls/AC-01.md"]!.replacingOccurrences(of: "frequency: quarterly", with: "frequency: fortnightly")
            .split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("policies:") }.joined(separator: "\n")
        for index in 0..<count {
            let id = String(format: "BR-%02d", index)
            files["controls/\(id).md"] = control.replacingOccurrences(of: "AC-01", with: id)
            files["evidence/\(id)/.gitkeep"] = ""
        }
        try repository.commitApproved(files, message: "Program")
        return repository
    }

    /// `path:line:column: severity: message [RULE]`, as editors and pre-commit read it.
    static func isDiagnostic(_ line: some StringProtocol) -> Bool {
        String(line).wholeMatch(of: #/[^ :][^:]*:\d+:\d+: (error|warning|info): .* \[[A-Z0-9-]+\]/#) != nil
    }

    @Test func fewDiagnosticsAreOnePlainList() throws {
        let folder = try TemporaryDirectory()
        let repository = try program(broken: 3, in: folder)
        let result = try EvidentBinary.run(["lint", "--today", "2026-06-01", "--no-history"], in: repository.url)
        #expect(result.status == 1)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 4 && lines.dropLast().allSatisfy { Self.isDiagnostic($0) }, "\(result.output)")
        #expect(lines.last == "3 errors, 0 warnings")
    }

    @Test func manyDiagnosticsGetASummaryAndAreGroupedByRuleAndCapped() throws {
        let folder = try TemporaryDirectory()
        let repository = try program(broken: 25, in: folder)
        let result = try EvidentBinary.run(["lint", "--today", "2026-06-01", "--no-history"], in: repository.url)
        #expect(result.status == 1)
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "25 problems in 25 files: 25 errors, 0 warnings", "\(result.output)")
        #expect(lines[1] == "  SCHEMA-TYPE  25 errors in 25 files", "\(result.output)")
        #expect(lines.contains("SCHEMA-TYPE (25 errors):"))
        #expect(lines.filter { Self.isDiagnostic($0) }.count == 10, "ten of a rule")
        #expect(lines.contains("… and 15 more — run `evident lint --all` to list them"))
        #expect(lines.suffix(2) == ["25 errors, 0 warnings", ""])

        let all = try EvidentBinary.run(["lint", "--today", "2026-06-01", "--no-history", "--all"], in: repository.url)
        #expect(all.output.split(separator: "\n").filter { Self.isDiagnostic($0) }.count == 25)
        #expect(!all.output.contains("… and"))

        let byFile = try EvidentBinary.run(["lint", "--today", "2026-06-01", "--no-history", "--group-by", "file"], in: repository.url)
        let headings = byFile.output.split(separator: "\n").filter { $0.hasPrefix("controls/") && $0.hasSuffix("(1 error):") }
        #expect(headings.first == "controls/BR-00.md (1 error):", "\(byFile.output)")
        #expect(byFile.output.contains("… and 6 more diagnostics of 6 more files — run `evident lint --all` to list them"), "\(byFile.output)")

        let sarif = try EvidentBinary.run(["lint", "--today", "2026-06-01", "--no-history", "--format", "github"], in: repository.url)
        #expect(sarif.output.split(separator: "\n").count == 25, "other formats list every diagnostic")
    }

    @Test func aBadGroupingIsAUsageError() throws {
        let folder = try TemporaryDirectory()
        let repository = try program(broken: 1, in: folder)
        let result = try EvidentBinary.run(["lint", "--group-by", "owner"], in: repository.url)
        #expect(result.status == 2)
        #expect(result.error.split(separator: "\n").first == "Error: The value 'owner' is invalid for '--group-by <grouping>'. Please provide one of 'rule' and 'file'.")
    }
}
