import EvidentCore
import Foundation
import GitFixtures
import Testing

/// `evident pr`: one branch per kind of change, reviewed against main.
@Suite struct PRCommandTests {
    static let access = "policies/POL-ACCESS-CONTROL.md"

    private static func accessPolicy(version: String, approvals: [String], body: String) -> String {
        ExampleProgram.policy("access-control", version: version, approvals: approvals, body: body)
    }

    /// main holds the example program; `change` is committed on a branch made from it, and main
    /// moves on afterwards so that the merge base is not main's tip.
    private func branch(_ change: [String: String?], in folder: TemporaryDirectory) throws -> FixtureRepository {
        var repository = try FixtureRepository(in: folder.url)
        try repository.commit(ExampleProgram.base.mapValues { Optional($0) }, on: "2026-01-10", message: "Program")
        try Git.run(["checkout", "-q", "-b", "change"], in: repository.url)
        try repository.commit(change, on: "2026-02-01", message: "The change")
        try Git.run(["checkout", "-q", "main"], in: repository.url)
        try repository.commit(["evidence/AC-01/2026-04-01-review.md": "Q2"], on: "2026-04-02", message: "Main moves on")
        try Git.run(["checkout", "-q", "change"], in: repository.url)
        return repository
    }

    private func review(_ repository: FixtureRepository, _ extra: [String] = []) throws -> (EvidentBinary.Result, [String: Any]) {
        let result = try EvidentBinary.run(["pr", "--base", "main", "--format", "json", "--today", "2026-02-02"] + extra, in: repository.url)
        let json = (try? JSONSerialization.jsonObject(with: result.outputData)) as? [String: Any] ?? [:]
        return (result, json)
    }

    private func items(_ json: [String: Any]) -> [String] {
        (json["items"] as? [[String: Any]] ?? []).map { "\($0["change"]!) \($0["kind"]!) \($0["id"]!)" }
    }

    private func rules(_ json: [String: Any]) -> [String] {
        (json["diagnostics"] as? [[String: Any]] ?? []).map { "\($0["rule"]!) \($0["file"]!)" }
    }

    @Test func addedControlNeedsItsOwner() throws {
        let folder = try TemporaryDirectory()
        var control = ExampleProgram.base["controls/AC-01.md"]!.replacingOccurrences(of: "AC-01", with: "AC-02")
        control = control.replacingOccurrences(of: "owner: alice", with: "owner: bob")
        let repository = try branch(["controls/AC-02.md": control, "evidence/AC-02/.gitkeep": ""], in: folder)
        let (result, json) = try review(repository)
        #expect(result.status == 0, "\(result.error)")
        #expect(items(json) == ["added control AC-02"])
        let mergeBase = try Git.text(["merge-base", "main", "HEAD"], in: repository.url)
        #expect(json["merge_base"] as? String == mergeBase)
        let approvers = json["approvers"] as! [[String: Any]]
        #expect(approvers.map { $0["owner"] as! String } == ["bob"])
        #expect(approvers.first?["handle"] == nil, "bob has no github handle in the example")
        #expect(json["evidence_added"] as? [String] == ["evidence/AC-02/.gitkeep"])
        #expect(!items(json).contains { $0.contains("AC-01") }, "main's later evidence is not part of the change")
    }

    @Test func ownerChangeNeedsBothOwnersAndShowsTheField() throws {
        let folder = try TemporaryDirectory()
        let control = ExampleProgram.base["controls/AC-01.md"]!.replacingOccurrences(of: "owner: alice", with: "owner: dave")
        let repository = try branch(["controls/AC-01.md": control], in: folder)
        let (result, json) = try review(repository)
        #expect(result.status == 0, "\(result.error)")
        #expect(items(json) == ["changed control AC-01"])
        let fields = (json["items"] as! [[String: Any]])[0]["fields"] as! [[String: Any]]
        #expect(fields.map { "\($0["field"]!) \($0["before"]!) \($0["after"]!)" } == ["owner alice dave"])
        let approvers = (json["approvers"] as! [[String: Any]]).map { "\($0["owner"]!) \($0["handle"] ?? "-")" }
        #expect(approvers == ["alice @alice", "dave -"])
        let markdown = try EvidentBinary.run(["pr", "--base", "main", "--format", "markdown"], in: repository.url)
        #expect(markdown.output.contains("## Approvals needed"))
        #expect(markdown.output.contains("| alice | @alice | AC-01 |"))
        #expect(markdown.output.contains("owner: alice → dave"))
    }

    @Test func modifiedOrDeletedEvidenceIsAnError() throws {
        for change: String? in ["edited\n", nil] {
            let folder = try TemporaryDirectory()
            let repository = try branch(["evidence/AC-01/2026-01-15-review.md": change], in: folder)
            let (result, json) = try review(repository)
            #expect(result.status == 1, "evidence is append-only")
            // Deleting the only occurrence also leaves AC-01 without its evidence folder.
            let expected = (change == nil ? ["EVIDENCE-FOLDER-MISSING controls/AC-01.md"] : []) + ["EVIDENCE-APPEND-ONLY evidence/AC-01/2026-01-15-review.md"]
            #expect(rules(json) == expected)
            #expect(json["evidence_changed"] as? [String] == ["evidence/AC-01/2026-01-15-review.md"])
            let github = try EvidentBinary.run(["pr", "--base", "main", "--format", "github"], in: repository.url)
            #expect(github.status == 1)
            #expect(github.output.contains("::error file=evidence/AC-01/2026-01-15-review.md,line=1,col=1,title=EVIDENCE-APPEND-ONLY::"))
        }
    }

    @Test func policyTextChangeWithoutVersionOrApprovalIsAWarning() throws {
        let cases: [(String, [String], Bool)] = [("1.0", ["1.0"], true), ("1.1", ["1.0"], true), ("1.1", ["1.0", "1.1"], false)]
        for (version, approvals, warned) in cases {
            let folder = try TemporaryDirectory()
            let repository = try branch([Self.access: Self.accessPolicy(version: version, approvals: approvals, body: "Rewritten text.")], in: folder)
            let (result, json) = try review(repository)
            #expect(result.status == 0, "a warning does not fail the default --fail-on error")
            #expect(items(json) == ["changed policy POL-ACCESS-CONTROL"])
            #expect((json["items"] as! [[String: Any]])[0]["text_changed"] as? Bool == true)
            #expect(rules(json) == (warned ? ["POLICY-CHANGE-UNVERSIONED \(Self.access)"] : []), "version \(version), approvals \(approvals)")
            let strict = try EvidentBinary.run(["pr", "--base", "main", "--fail-on", "warning", "--today", "2026-02-02"], in: repository.url)
            #expect(strict.status == (warned ? 1 : 0))
        }
    }

    @Test func removedPolicyIsReviewedWithTheProblemsItCauses() throws {
        let folder = try TemporaryDirectory()
        let repository = try branch([Self.access: nil], in: folder)
        let (result, json) = try review(repository)
        #expect(result.status == 1, "AC-01 now names a policy that does not exist, and a required topic has no policy")
        #expect(items(json) == ["removed policy POL-ACCESS-CONTROL"])
        let found = rules(json)
        #expect(found.contains("REF-DANGLING controls/AC-01.md"), "a new problem outside the changed files is reported: \(found)")
        #expect(found.contains { $0.hasPrefix("POLICY-TOPIC-MISSING") })
        #expect((json["approvers"] as! [[String: Any]]).map { $0["owner"] as! String } == ["alice"])
    }

    @Test func aControlThatNoLongerParsesIsChangedNotRemoved() throws {
        let folder = try TemporaryDirectory()
        let broken = ExampleProgram.base["controls/AC-01.md"]!.replacingOccurrences(of: "title: Example control", with: "title: [unclosed")
        let repository = try branch(["controls/AC-01.md": broken], in: folder)
        let (result, json) = try review(repository)
        #expect(result.status == 1, "the YAML error is an error")
        #expect(items(json) == ["changed control AC-01"])
        let fields = (json["items"] as! [[String: Any]])[0]["fields"] as! [[String: Any]]
        #expect(fields.first?["after"] as? String == "does not parse (see the lint below)")
        #expect(rules(json).contains("YAML-SYNTAX controls/AC-01.md"))
    }

    @Test func movingTheProgramIntoAFolderIsAMoveNotARemoval() throws {
        let folder = try TemporaryDirectory()
        var change: [String: String?] = [:]
        for (path, text) in ExampleProgram.base {
            change[path] = path == "evident.yaml" ? text + "root: compliance\n" : nil
            if path != "evident.yaml" { change["compliance/" + path] = text }
        }
        let repository = try branch(change, in: folder)
        let (result, json) = try review(repository)
        #expect(result.status == 0, "\(result.error)")
        let moved = items(json)
        #expect(moved.count == 1 + ExampleProgram.topics.count && moved.allSatisfy { $0.hasPrefix("changed ") }, "\(moved)")
        let fields = (json["items"] as! [[String: Any]])[0]["fields"] as! [[String: Any]]
        #expect(fields.map { "\($0["field"]!) \($0["before"]!) \($0["after"]!)" } == ["file controls/AC-01.md compliance/controls/AC-01.md", "evidence evidence/AC-01 compliance/evidence/AC-01"])
        #expect(json["evidence_changed"] as? [String] == ["evidence/AC-01/2026-01-15-review.md"], "the old location's deletion is shown")
        #expect(json["evidence_added"] as? [String] == ["compliance/evidence/AC-01/2026-01-15-review.md"])
    }

    @Test func sarifIsValidAndBadInputIsRefused() throws {
        let folder = try TemporaryDirectory()
        let repository = try branch(["evidence/AC-01/2026-01-15-review.md": "edited\n"], in: folder)
        let sarif = try EvidentBinary.run(["pr", "--base", "main", "--format", "sarif"], in: repository.url)
        let log = try JSONSerialization.jsonObject(with: sarif.outputData) as! [String: Any]
        #expect(log["version"] as? String == "2.1.0")
        let results = ((log["runs"] as! [[String: Any]])[0]["results"] as! [[String: Any]])
        #expect(results.map { $0["ruleId"] as! String } == ["EVIDENCE-APPEND-ONLY"])

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
