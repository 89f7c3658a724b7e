import EvidentCore
import EvidentEngine
import Foundation
import GitFixtures
import Testing

/// `review(base:head:today:)`: one branch per kind of change, reviewed against main, in process.
@Suite struct ReviewEngineTests {
    static let access = "policies/POL-ACCESS-CONTROL.md"

    /// What the review says the change does to one control or policy.
    private struct Touched: Equatable, CustomStringConvertible {
        var change: ChangeReview.ItemChange
        var kind: ChangeReview.ItemKind
        var id: String

        init(_ change: ChangeReview.ItemChange, _ kind: ChangeReview.ItemKind, _ id: String) {
            (self.change, self.kind, self.id) = (change, kind, id)
        }

        var description: String { "\(change) \(kind) \(id)" }
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

    private func review(_ fixture: FixtureRepository) throws -> ChangeReview {
        try Fixtures.open(fixture).review(base: "main", head: "HEAD", today: Day("2026-02-02")!)
    }

    private func items(_ review: ChangeReview) -> [Touched] {
        review.items.map { Touched($0.change, $0.kind, $0.id) }
    }

    private func rules(_ review: ChangeReview) -> [String] {
        review.diagnostics.map { "\($0.rule) \($0.file)" }
    }

    /// What fails `evident pr` under the default `--fail-on error`.
    private func hasErrors(_ review: ChangeReview) -> Bool {
        review.lint.contains { $0.severity >= .error }
    }

    @Test func addedControlNeedsItsOwner() throws {
        let folder = try TemporaryDirectory()
        var control = ExampleProgram.base["controls/AC-01.md"]!.replacingOccurrences(of: "AC-01", with: "AC-02")
        control = control.replacingOccurrences(of: "owner: alice", with: "owner: bob")
        let fixture = try branch(["controls/AC-02.md": control, "evidence/AC-02/.gitkeep": ""], in: folder)
        let review = try review(fixture)
        #expect(!hasErrors(review))
        #expect(items(review) == [Touched(.added, .control, "AC-02")])
        #expect(review.mergeBase == (try Git.text(["merge-base", "main", "HEAD"], in: fixture.url)))
        #expect(review.base == "main" && review.head == "HEAD")
        #expect(review.approvers.map(\.owner) == ["bob"])
        #expect(review.approvers.first?.handle == nil, "bob has no github handle in the example")
        #expect(review.approvers.first?.items == ["AC-02"])
        #expect(review.evidenceAdded == ["evidence/AC-02/.gitkeep"])
        #expect(!review.items.contains { $0.id == "AC-01" }, "main's later evidence is not part of the change")
    }

    @Test func ownerChangeNeedsBothOwnersAndShowsTheField() throws {
        let folder = try TemporaryDirectory()
        let control = ExampleProgram.base["controls/AC-01.md"]!.replacingOccurrences(of: "owner: alice", with: "owner: dave")
        let review = try review(try branch(["controls/AC-01.md": control], in: folder))
        #expect(!hasErrors(review))
        #expect(items(review) == [Touched(.changed, .control, "AC-01")])
        #expect(review.items.first?.fields == [FieldChange(field: "owner", before: "alice", after: "dave")])
        #expect(review.approvers.map(\.owner) == ["alice", "dave"])
        #expect(review.approvers.map(\.handle) == ["@alice", nil])
    }

    @Test func modifiedOrDeletedEvidenceIsAnError() throws {
        for change: String? in ["edited\n", nil] {
            let folder = try TemporaryDirectory()
            let review = try review(try branch(["evidence/AC-01/2026-01-15-review.md": change], in: folder))
            #expect(hasErrors(review), "evidence is append-only")
            // Deleting the only occurrence also leaves AC-01 without its evidence folder.
            let expected = (change == nil ? ["EVIDENCE-FOLDER-MISSING controls/AC-01.md"] : []) + ["EVIDENCE-APPEND-ONLY evidence/AC-01/2026-01-15-review.md"]
            #expect(rules(review) == expected)
            #expect(review.diagnostics.last?.severity == .error)
            #expect(review.evidenceChanged == ["evidence/AC-01/2026-01-15-review.md"])
        }
    }

    @Test func policyTextChangeWithoutVersionOrApprovalIsAWarning() throws {
        let cases: [(String, [String], Bool)] = [("1.0", ["1.0"], true), ("1.1", ["1.0"], true), ("1.1", ["1.0", "1.1"], false)]
        for (version, approvals, warned) in cases {
            let folder = try TemporaryDirectory()
            let review = try review(try branch([Self.access: Fixtures.accessPolicy(version: version, approvals: approvals, body: "Rewritten text.")], in: folder))
            #expect(!hasErrors(review), "a warning does not fail the default --fail-on error")
            #expect(items(review) == [Touched(.changed, .policy, "POL-ACCESS-CONTROL")])
            #expect(review.items.first?.textChanged == true)
            #expect(rules(review) == (warned ? ["POLICY-CHANGE-UNVERSIONED \(Self.access)"] : []), "version \(version), approvals \(approvals)")
            #expect(review.lint.contains { $0.severity >= .warning } == warned, "what --fail-on warning fails on")
        }
    }

    @Test func removedPolicyIsReviewedWithTheProblemsItCauses() throws {
        let folder = try TemporaryDirectory()
        let review = try review(try branch([Self.access: nil], in: folder))
        #expect(hasErrors(review), "AC-01 now names a policy that does not exist, and a required topic has no policy")
        #expect(items(review) == [Touched(.removed, .policy, "POL-ACCESS-CONTROL")])
        let found = rules(review)
        #expect(found.contains("REF-DANGLING controls/AC-01.md"), "a new problem outside the changed files is reported: \(found)")
        #expect(found.contains { $0.hasPrefix("POLICY-TOPIC-MISSING") })
        #expect(review.approvers.map(\.owner) == ["alice"])
    }

    @Test func aControlThatNoLongerParsesIsChangedNotRemoved() throws {
        let folder = try TemporaryDirectory()
        let broken = ExampleProgram.base["controls/AC-01.md"]!.replacingOccurrences(of: "title: Example control", with: "title: [unclosed")
        let review = try review(try branch(["controls/AC-01.md": broken], in: folder))
        #expect(hasErrors(review), "the YAML error is an error")
        #expect(items(review) == [Touched(.changed, .control, "AC-01")])
        #expect(review.items.first?.fields.first?.after == "does not parse (see the lint below)")
        #expect(rules(review).contains("YAML-SYNTAX controls/AC-01.md"))
    }

    @Test func movingTheProgramIntoAFolderIsAMoveNotARemoval() throws {
        let folder = try TemporaryDirectory()
        var change: [String: String?] = [:]
        for (path, text) in ExampleProgram.base {
            change[path] = path == "evident.yaml" ? text + "root: compliance\n" : nil
            if path != "evident.yaml" { change["compliance/" + path] = text }
        }
        let review = try review(try branch(change, in: folder))
        #expect(!hasErrors(review), "\(review.diagnostics)")
        #expect(review.items.count == 1 + ExampleProgram.topics.count && review.items.allSatisfy { $0.change == .changed }, "\(items(review))")
        #expect(review.items.first?.fields == [FieldChange(field: "file", before: "controls/AC-01.md", after: "compliance/controls/AC-01.md"),
                                               FieldChange(field: "evidence", before: "evidence/AC-01", after: "compliance/evidence/AC-01")])
        #expect(review.evidenceChanged == ["evidence/AC-01/2026-01-15-review.md"], "the old location's deletion is shown")
        #expect(review.evidenceAdded == ["compliance/evidence/AC-01/2026-01-15-review.md"])
    }

    @Test func unknownOrUnrelatedBasesAreRepositoryErrors() throws {
        let folder = try TemporaryDirectory()
        let fixture = try branch(["evidence/AC-01/2026-01-15-review.md": "edited\n"], in: folder)
        let unknown = #expect(throws: EngineError.self) {
            try Fixtures.open(fixture).review(base: "no-such-branch", head: "HEAD", today: Day("2026-02-02")!)
        }
        #expect(unknown?.status == .repository && unknown?.message.contains("no-such-branch") == true)
        try Git.run(["checkout", "-q", "--orphan", "unrelated"], in: fixture.url)
        try Git.run(["commit", "-q", "-m", "Unrelated"], in: fixture.url, environment: Git.environment())
        let unrelated = #expect(throws: EngineError.self) {
            try Fixtures.open(fixture).review(base: "main", head: "HEAD", today: Day("2026-02-02")!)
        }
        #expect(unrelated?.status == .repository && unrelated?.message.contains("share no history") == true)
    }
}
