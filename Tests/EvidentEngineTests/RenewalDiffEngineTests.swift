import EvidentCore
import EvidentEngine
import Foundation
import GitFixtures
import Testing

/// `renewalDiff(_:)`: two consecutive cycles with back-dated history (see `Fixtures.twoCycles`).
/// Between them a control is added, one retired, an owner changes, a policy is rewritten, one
/// finding recurs and one is fixed.
@Suite struct RenewalDiffEngineTests {
    private func keys(_ groups: [RenewalDiff.FindingGroup]) -> [String] {
        groups.map { "\($0.code) \($0.subject)" }
    }

    @Test func diffNamesEveryChangeBetweenTwoCycles() throws {
        let folder = try TemporaryDirectory()
        let (fixture, audited2025) = try Fixtures.twoCycles(in: folder)
        let diff = try Fixtures.open(fixture).renewalDiff(RenewalRequest(earlier: "2025", later: "2026"))

        #expect(diff.from.cycle == "2025" && diff.from.recorded)
        #expect(diff.from.commit == audited2025, "the earlier cycle is read at the commit its committed record audited")
        #expect(diff.to.cycle == "2026" && !diff.to.recorded)
        // Without a record, 2026 is audited at a clock comparable with 2025's record (run five
        // days after its window ended); the tip, three days after 2026's end, is as far as it gets.
        #expect(diff.from.clock == "2026-01-05" && diff.to.clock == "2027-01-03")
        let expected2026 = try Git.text(["rev-list", "-1", "--first-parent", "--before=2027-01-03T23:59:59Z", "HEAD"], in: fixture.url)
        #expect(diff.to.commit == expected2026, "without a record: the last mainline commit on or before the clock it is compared at")

        #expect(diff.controls.added.map(\.id) == ["AC-04"])
        #expect(diff.controls.removed.isEmpty)
        #expect(diff.controls.retired.map(\.id) == ["AC-02"])
        let changed = diff.controls.changed
        #expect(changed.map(\.id) == ["AC-01", "AC-02"])
        #expect(changed.first?.fields == [FieldChange(field: "owner", before: "alice", after: "bob")])
        #expect(changed.last?.fields == [FieldChange(field: "status", before: "active", after: "retired"),
                                         FieldChange(field: "retired_on", before: nil, after: "2026-03-01")])

        #expect(diff.criteria.gained == ["CC9.2"])
        #expect(diff.criteria.lost == ["CC6.3"])
        #expect(diff.criteria.uncovered == ["CC6.3"])

        #expect(diff.owners.count == 1)
        let owner = try #require(diff.owners.first)
        #expect(owner.kind == "control" && owner.id == "AC-01" && owner.before == "alice" && owner.after == "bob")

        #expect(diff.policies.added.isEmpty && diff.policies.removed.isEmpty)
        let rewritten = diff.policies.changed
        #expect(rewritten.map(\.id) == ["POL-ACCESS-CONTROL"])
        let policy = try #require(rewritten.first)
        #expect(policy.fields.map(\.field) == ["version", "approvals"])
        #expect(policy.text == ["  Policy text.", "- Access is granted by role.", "+ Access is granted by role and reviewed each quarter."])
        #expect(policy.approved == true, "dave's approval of 2.0 landed with the rewrite")

        let populations = Dictionary(uniqueKeysWithValues: diff.populations.map { ($0.control, $0) })
        #expect(populations["AC-01"]?.before?.summary == "3/4 on time, 1 missing")
        #expect(populations["AC-01"]?.before?.result == .ineffective, "a missing quarter makes it ineffective")
        #expect(populations["AC-01"]?.after?.summary == "4/4 on time")
        #expect(populations["AC-03"]?.before?.summary == "3/4 on time, 1 late")
        #expect(populations["AC-03"]?.after?.summary == "3/4 on time, 1 late")
        #expect(populations["AC-04"]?.before == nil && populations["AC-04"]?.after?.summary == "1 event")
        #expect(populations["AC-04"]?.after?.frequency == .event)

        let findings = diff.findings
        #expect(keys(findings.resolved).contains("EVID-MISSING-PERIOD AC-01"))
        #expect(keys(findings.recurring).contains("EVID-LATE AC-03"))
        #expect(!keys(findings.new).contains("EVID-LATE AC-03") && !keys(findings.resolved).contains("EVID-LATE AC-03"))
        let recurring = try #require(findings.recurring.first { $0.code == "EVID-LATE" })
        #expect(recurring.note?.contains("fix it at the root") == true)
        #expect(recurring.before == 1 && recurring.after == 1)
        #expect(!keys(findings.new).contains { $0.hasPrefix("FIND-") }, "the audit's own follow-up findings are not paired again")
    }

    /// Cycle 2025 is defined only after it ended: its last commit is audited against the cycle
    /// as evident.yaml defines it now.
    @Test func aCycleDefinedAfterItEndedIsStillCompared() throws {
        let folder = try TemporaryDirectory()
        var fixture = try FixtureRepository(in: folder.url)
        var files = ExampleProgram.base.mapValues { Optional($0) }
        files["evidence/AC-01/2026-01-15-review.md"] = nil
        files["evidence/AC-01/2025-01-15-review.md"] = "Q1"
        try fixture.commit(files, on: "2025-01-16", message: "Program, with only the 2026 cycle")
        let yaml = ExampleProgram.base["evident.yaml"]!.replacingOccurrences(
            of: "cycles:\n", with: "cycles:\n  - {id: \"2025\", type: 2, start: 2025-01-01, end: 2025-12-31, fieldwork: 2026-01-25}\n")
        try fixture.commit(["evident.yaml": yaml], on: "2026-01-10", message: "Define 2025 after the fact")
        try fixture.commit(["evidence/AC-01/2026-01-15-review.md": "Q1"], on: "2026-01-16")
        let diff = try Fixtures.open(fixture).renewalDiff(RenewalRequest(earlier: "2025", later: "2026"))
        #expect(diff.from.start == "2025-01-01")
        #expect(diff.from.cycle == "2025" && !diff.from.recorded)
    }

    @Test func previousPicksTheCycleBeforeAndBadInputIsAUsageError() throws {
        let folder = try TemporaryDirectory()
        let (fixture, _) = try Fixtures.twoCycles(in: folder)
        let repository = try Fixtures.open(fixture)
        let explicit = try repository.renewalDiff(RenewalRequest(earlier: "2025", later: "2026"))
        let previous = try repository.renewalDiff(RenewalRequest(earlier: nil, later: "2026"))
        #expect(previous == explicit, "the previous cycle is the one that ends before 2026 starts")

        let unknown = #expect(throws: EngineError.self) { try repository.renewalDiff(RenewalRequest(earlier: "2024", later: "2026")) }
        #expect(unknown?.status == .usage)
        #expect(unknown?.message == "evident.yaml has no cycle '2024'; its cycles are 2025, 2026")
        let first = #expect(throws: EngineError.self) { try repository.renewalDiff(RenewalRequest(earlier: nil, later: "2025")) }
        #expect(first?.status == .usage)
        #expect(first?.message.hasPrefix("no cycle in evident.yaml ends before cycle '2025' starts") == true, "\(first?.message ?? "")")
    }
}
