import EvidentCore
import EvidentEngine
import Foundation
import GitFixtures
import Testing

/// `lint(_:)`: the working tree or the index, with the history's proofs, in process. What the
/// command prints and how it exits is LintCommandTests'.
@Suite struct LintEngineTests {
    static let goodControl = ExampleProgram.base["controls/AC-01.md"]!
    static let brokenControl = goodControl.replacingOccurrences(of: "frequency: quarterly", with: "frequency: fortnightly")
    static let june = Day("2026-06-01")!

    /// A committed copy of the example program, which lints clean.
    private func program(in folder: TemporaryDirectory) throws -> FixtureRepository {
        var repository = try FixtureRepository(in: folder.url)
        try repository.commitApproved(ExampleProgram.base.mapValues { Optional($0) }, message: "Program")
        return repository
    }

    private func write(_ path: String, _ content: String, in fixture: FixtureRepository) throws {
        try Data(content.utf8).write(to: fixture.url.appendingPathComponent(path))
    }

    private func lint(_ fixture: FixtureRepository, staged: Bool = false, readsHistory: Bool = true, today: Day = june, paths: [String] = []) throws -> [Diagnostic] {
        try Fixtures.open(fixture).lint(LintRequest(staged: staged, readsHistory: readsHistory, today: today, paths: paths))
    }

    @Test func theExampleProgramIsClean() throws {
        let folder = try TemporaryDirectory()
        let fixture = try program(in: folder)
        #expect(try lint(fixture).isEmpty)
        #expect(try lint(fixture, staged: true).isEmpty)
    }

    @Test func stagedBrokenFileFailsEvenWhenTheWorkingCopyIsFixed() throws {
        let folder = try TemporaryDirectory()
        let fixture = try program(in: folder)
        try write("controls/AC-01.md", Self.brokenControl, in: fixture)
        try Git.run(["add", "controls/AC-01.md"], in: fixture.url)
        try write("controls/AC-01.md", Self.goodControl, in: fixture)

        let staged = try lint(fixture, staged: true)
        let problem = try #require(staged.first { $0.location.file == "controls/AC-01.md" })
        #expect(problem.severity == .error)
        #expect(problem.location.line == 7 && problem.location.column == 12)
        #expect(problem.message.hasPrefix("'frequency' must be one of"), "\(problem.message)")
        #expect(try lint(fixture).isEmpty, "the working tree is fixed")
    }

    @Test func stagedFixPassesEvenWhenTheWorkingCopyIsBroken() throws {
        let folder = try TemporaryDirectory()
        let fixture = try program(in: folder)
        try write("controls/AC-01.md", Self.brokenControl, in: fixture)
        #expect(try lint(fixture).contains { $0.severity == .error && $0.ruleID == "SCHEMA-TYPE" })
        #expect(try lint(fixture, staged: true).isEmpty)
    }

    @Test func stagedEvidenceChangesAreRefused() throws {
        let folder = try TemporaryDirectory()
        let fixture = try program(in: folder)
        try write("evidence/AC-01/2026-01-15-review.md", "Edited after the fact.\n", in: fixture)
        try write("evidence/AC-01/2026-04-15-review.md", "New occurrence.\n", in: fixture)
        try Git.run(["add", "-A"], in: fixture.url)
        let found = try lint(fixture, staged: true)
        #expect(found.map(\.ruleID) == ["EVIDENCE-APPEND-ONLY"])
        let refused = try #require(found.first)
        #expect(refused.severity == .error)
        #expect(refused.location == SourceLocation(file: "evidence/AC-01/2026-01-15-review.md", line: 1, column: 1))
        #expect(refused.message.hasPrefix("this change modifies evidence"), "\(refused.message)")
        #expect(!found.contains { $0.location.file.contains("2026-04-15-review.md") }, "adding evidence is fine")
    }

    /// A policy text change is compared with HEAD, in the working tree and in the index.
    @Test func policyTextChangesNeedANewVersionAndApproval() throws {
        let folder = try TemporaryDirectory()
        let fixture = try program(in: folder)
        let file = "policies/POL-ACCESS-CONTROL.md"
        try write(file, ExampleProgram.policy("access-control", body: "Rewritten."), in: fixture)
        let unversioned = try lint(fixture)
        #expect(unversioned.map(\.ruleID) == ["POLICY-CHANGE-UNVERSIONED"])
        let warning = try #require(unversioned.first)
        #expect(warning.severity == .warning)
        #expect(warning.location == SourceLocation(file: file, line: 5, column: 10))
        #expect(warning.message.hasPrefix("the policy text changed but its version stays '1.0'"), "\(warning.message)")
        #expect(try lint(fixture, staged: true).isEmpty, "nothing is staged yet")
        try Git.run(["add", file], in: fixture.url)
        #expect(try lint(fixture, staged: true).map(\.ruleID) == ["POLICY-CHANGE-UNVERSIONED"])
        try write(file, ExampleProgram.policy("access-control", version: "1.1", approvals: ["1.0", "1.1"], body: "Rewritten."), in: fixture)
        try Git.run(["add", file], in: fixture.url)
        #expect(try lint(fixture, staged: true).isEmpty)
        #expect(try lint(fixture).isEmpty)
    }

    @Test func overdueReviewIsProvenFromHistory() throws {
        let folder = try TemporaryDirectory()
        let fixture = try program(in: folder)
        // The fixture's commits land in January 2026; a year and a half later every policy is overdue.
        let later = Day("2027-07-01")!
        let overdue = try lint(fixture, today: later).filter { $0.ruleID == "POLICY-REVIEW-OVERDUE" }
        #expect(overdue.count == ExampleProgram.topics.count, "one per policy: \(overdue.map(\.location.file))")
        #expect(overdue.contains { $0.severity == .error })
        #expect(overdue.allSatisfy { $0.message.contains("was last approved on 2026-01-02 (proven by history)") }, "\(overdue.map(\.message))")
        #expect(try lint(fixture, readsHistory: false, today: later).isEmpty, "without the history nothing is proven overdue")
    }

    @Test func severitiesAndPathsFilter() throws {
        let folder = try TemporaryDirectory()
        let fixture = try program(in: folder)
        try write("controls/AC-01.md", Self.goodControl.replacingOccurrences(of: "risk: moderate", with: "risk: moderate\nrsik: high"), in: fixture)
        let found = try lint(fixture)
        #expect(found.map(\.ruleID) == ["SCHEMA-UNKNOWN-KEY"])
        #expect(found.map(\.severity) == [.warning], "below the default --fail-on error, at --fail-on warning")
        #expect(try lint(fixture, paths: ["policies/POL-BACKUP.md"]).isEmpty)
        #expect(try lint(fixture, paths: ["controls/AC-01.md"]) == found)
        #expect(try lint(fixture, paths: ["./controls/AC-01.md"]) == found)
        #expect(try lint(fixture, paths: [fixture.url.appendingPathComponent("controls/AC-01.md").standardizedFileURL.path]) == found, "an absolute path inside the working tree")
    }

    @Test func aBareRepositoryHasNoWorkingTreeToLint() throws {
        let folder = try TemporaryDirectory()
        let fixture = try program(in: folder)
        let bare = folder.path("bare.git")
        try Git.run(["clone", "-q", "--bare", fixture.url.path, bare.path], in: folder.url)
        let error = #expect(throws: EngineError.self) {
            try ComplianceRepository(discoveringFrom: bare.path).lint(LintRequest(today: Self.june))
        }
        #expect(error?.status == .usage && error?.message.contains("a bare repository has no working tree to lint") == true, "\(error?.message ?? "")")
    }
}
