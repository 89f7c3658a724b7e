import EvidentCore
import Foundation
import GitFixtures
import Testing

/// `evident pr` through the binary: its formats, exit codes and errors. What a review finds is
/// ReviewEngineTests'.
@Suite struct PRCommandTests {
    static let access = "policies/POL-ACCESS-CONTROL.md"

    private static func accessPolicy(version: String, approvals: [String], body: String) -> String {
        ExampleProgram.policy("access-control", version: version, approvals: approvals, body: body)
    }

    /// main holds the example program; `change` is committed on a branch made from it, and main
    /// moves on afterwards so that the merge base is not main's tip.
    private func branch(_ change: [String: String?], in folder: TemporaryDirectory) throws -> FixtureRepository {
        var repository = try FixtureRepository(in: folder.url)
        try repository.commitApproved(ExampleProgram.base.mapValues { Optional($0) }, on: "2026-01-10", message: "Program")
        try Git.run(["checkout", "-q", "-b", "change"], in: repository.url)
        try repository.commit(change, on: "2026-02-01", message: "The change")
        try Git.run(["checkout", "-q", "main"], in: repository.url)
        try repository.commit(["evidence/AC-01/2026-04-01-review.md": "Q2"], on: "2026-04-02", message: "Main moves on")
        try Git.run(["checkout", "-q", "change"], in: repository.url)
        return repository
    }

    /// `evident pr --format json`, decoded as the contract names its members.
    private struct ReviewJSON: Decodable {
        struct Field: Decodable {
            var field: String
            var before: String?
            var after: String?
        }

        struct Item: Decodable {
            var kind: String
            var id: String
            var file: String
            var change: String
            var owner: String?
            var fields: [Field]
            var textChanged: Bool

            enum CodingKeys: String, CodingKey {
                case kind, id, file, change, owner, fields
                case textChanged = "text_changed"
            }
        }

        struct Approver: Decodable {
            var owner: String
            var handle: String?
            var items: [String]
        }

        struct Diagnostic: Decodable {
            var rule: String
            var severity: String
            var message: String
            var file: String
            var line: Int
            var column: Int
        }

        var base: String
        var head: String
        var mergeBase: String
        var items: [Item]
        var evidenceAdded: [String]
        var evidenceChanged: [String]
        var approvers: [Approver]
        var diagnostics: [Diagnostic]

        enum CodingKeys: String, CodingKey {
            case base, head, items, approvers, diagnostics
            case mergeBase = "merge_base"
            case evidenceAdded = "evidence_added"
            case evidenceChanged = "evidence_changed"
        }
    }

    /// The members of a SARIF log that code scanning reads.
    private struct SARIFLog: Decodable {
        struct Run: Decodable {
            struct Result: Decodable {
                struct Message: Decodable { var text: String }
                var ruleId: String
                var level: String
                var message: Message
            }

            var results: [Result]
        }

        var version: String
        var runs: [Run]
    }

    /// What the review finds is ReviewEngineTests'; here, that the JSON has the contract's shape.
    @Test func jsonFollowsTheContract() throws {
        let folder = try TemporaryDirectory()
        var control = ExampleProgram.base["controls/AC-01.md"]!.replacingOccurrences(of: "AC-01", with: "AC-02")
        control = control.replacingOccurrences(of: "owner: alice", with: "owner: bob")
        let repository = try branch(["controls/AC-02.md": control, "evidence/AC-02/.gitkeep": "", "evidence/AC-01/2026-01-15-review.md": "edited\n"], in: folder)
        let result = try EvidentBinary.run(["pr", "--base", "main", "--format", "json", "--today", "2026-02-02"], in: repository.url)
        #expect(result.status == 1, "editing evidence is an error: \(result.error)")
        let review = try JSONDecoder().decode(ReviewJSON.self, from: result.outputData)
        #expect(review.base == "main" && review.head == "HEAD")
        #expect(review.mergeBase == (try Git.text(["merge-base", "main", "HEAD"], in: repository.url)))
        #expect(review.items.map { "\($0.change) \($0.kind) \($0.id) \($0.file)" } == ["added control AC-02 controls/AC-02.md"])
        #expect(review.items.first?.owner == "bob" && review.items.first?.fields.isEmpty == true && review.items.first?.textChanged == false)
        #expect(review.approvers.map(\.owner) == ["bob"] && review.approvers.first?.handle == nil && review.approvers.first?.items == ["AC-02"])
        #expect(review.evidenceAdded == ["evidence/AC-02/.gitkeep"])
        #expect(review.evidenceChanged == ["evidence/AC-01/2026-01-15-review.md"])
        let diagnostic = try #require(review.diagnostics.first { $0.file.hasPrefix("evidence/") })
        #expect(diagnostic.rule == "EVIDENCE-APPEND-ONLY" && diagnostic.severity == "error" && diagnostic.file == "evidence/AC-01/2026-01-15-review.md")
        #expect(diagnostic.line == 1 && diagnostic.column == 1 && !diagnostic.message.isEmpty)
    }

    @Test func markdownShowsTheApprovalsAndTheFields() throws {
        let folder = try TemporaryDirectory()
        let control = ExampleProgram.base["controls/AC-01.md"]!.replacingOccurrences(of: "owner: alice", with: "owner: dave")
        let repository = try branch(["controls/AC-01.md": control], in: folder)
        let markdown = try EvidentBinary.run(["pr", "--base", "main", "--format", "markdown"], in: repository.url)
        #expect(markdown.status == 0, "\(markdown.error)")
        #expect(markdown.output.contains("## Approvals needed"))
        #expect(markdown.output.contains("| alice | @alice | AC-01 |"))
        #expect(markdown.output.contains("owner: alice → dave"))
    }

    @Test func modifiedOrDeletedEvidenceFailsWithAnAnnotation() throws {
        for change: String? in ["edited\n", nil] {
            let folder = try TemporaryDirectory()
            let repository = try branch(["evidence/AC-01/2026-01-15-review.md": change], in: folder)
            let github = try EvidentBinary.run(["pr", "--base", "main", "--format", "github"], in: repository.url)
            #expect(github.status == 1, "evidence is append-only")
            #expect(github.output.contains("::error file=evidence/AC-01/2026-01-15-review.md,line=1,col=1,title=EVIDENCE-APPEND-ONLY::"))
        }
    }

    @Test func failOnChoosesWhetherAWarningFails() throws {
        let cases: [(String, [String], Bool)] = [("1.0", ["1.0"], true), ("1.1", ["1.0"], true), ("1.1", ["1.0", "1.1"], false)]
        for (version, approvals, warned) in cases {
            let folder = try TemporaryDirectory()
            let repository = try branch([Self.access: Self.accessPolicy(version: version, approvals: approvals, body: "Rewritten text.")], in: folder)
            let lenient = try EvidentBinary.run(["pr", "--base", "main", "--today", "2026-02-02"], in: repository.url)
            #expect(lenient.status == 0, "a warning does not fail the default --fail-on error")
            #expect(lenient.output.contains("POLICY-CHANGE-UNVERSIONED") == warned, "\(lenient.output)")
            let strict = try EvidentBinary.run(["pr", "--base", "main", "--fail-on", "warning", "--today", "2026-02-02"], in: repository.url)
            #expect(strict.status == (warned ? 1 : 0), "version \(version), approvals \(approvals)")
        }
    }

    @Test func sarifIsValidAndBadInputIsRefused() throws {
        let folder = try TemporaryDirectory()
        let repository = try branch(["evidence/AC-01/2026-01-15-review.md": "edited\n"], in: folder)
        let sarif = try EvidentBinary.run(["pr", "--base", "main", "--format", "sarif"], in: repository.url)
        #expect(sarif.status == 1)
        let log = try JSONDecoder().decode(SARIFLog.self, from: sarif.outputData)
        #expect(log.version == "2.1.0")
        #expect(log.runs.count == 1)
        #expect(log.runs.first?.results.map(\.ruleId) == ["EVIDENCE-APPEND-ONLY"])
        #expect(log.runs.first?.results.first?.level == "error")

        let unknown = try EvidentBinary.run(["pr", "--base", "no-such-branch"], in: repository.url)
        #expect(unknown.status == 3 && unknown.error.contains("no-such-branch"))
        let missing = try EvidentBinary.run(["pr"], in: repository.url)
        #expect(missing.status == 2 && missing.error.contains("--base"))
        try Git.run(["checkout", "-q", "--orphan", "unrelated"], in: repository.url)
        try Git.run(["commit", "-q", "-m", "Unrelated"], in: repository.url, environment: Git.environment())
        let unrelated = try EvidentBinary.run(["pr", "--base", "main"], in: repository.url)
        #expect(unrelated.status == 3 && unrelated.error.contains("share no history"))
    }
}
