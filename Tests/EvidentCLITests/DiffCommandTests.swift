import EvidentCore
import Foundation
import GitFixtures
import Testing

/// `evident diff` through the binary, on two consecutive cycles with back-dated history (the same
/// as `Fixtures.twoCycles` in EvidentEngineTests, with the 2025 record written by `evident audit`):
/// its JSON contract, formats and usage errors. What the diff finds is RenewalDiffEngineTests'.
@Suite struct DiffCommandTests {
    static let criteria = TrustServicesCriteria.inScope([.security]).map(\.id)

    private static func control(_ id: String, criteria: [String], owner: String, frequency: String, retiredOn: String? = nil, body: String = "What the control does.") -> String {
        """
        ---
        id: \(id)
        title: Control \(id)
        criteria: [\(criteria.joined(separator: ", "))]
        owner: \(owner)
        frequency: \(frequency)
        risk: moderate
        \(retiredOn.map { "status: retired\nretired_on: \($0)\n" } ?? "")---
        \(body)

        ## Test procedure
        Inspect the evidence.

        """
    }

    private static func accessPolicy(version: String, approvals: [String], body: String) -> String {
        ExampleProgram.policy("access-control", version: version, approvals: approvals, body: body)
    }

    /// 2025: AC-01 misses Q2 and AC-03 is late in Q1; the 2025 record is committed in January 2026.
    /// 2026: AC-04 added, AC-02 retired, AC-01 moves from alice to bob, the access policy is
    /// rewritten as 2.0 with dave's approval, AC-01 is complete and AC-03 is late in Q1 again.
    private func twoCycles(in folder: TemporaryDirectory) throws -> (repository: FixtureRepository, audited2025: String) {
        var repository = try FixtureRepository(in: folder.url)
        var files = ExampleProgram.base.mapValues { Optional($0) }
        files["evident.yaml"] = """
            organization: Example Corp
            categories: [security]
            people:
              alice: {name: Alice Smith, email: alice@example.com, github: alice}
              bob: {name: Bob Jones, email: bob@example.com, github: bobj}
              dave: {name: Dave Approver, email: dave@example.com}
            cycles:
              - {id: "2025", type: 2, start: 2025-01-01, end: 2025-12-31, fieldwork: 2026-01-25}
              - {id: "2026", type: 2, start: 2026-01-01, end: 2026-12-31, fieldwork: 2027-01-25}

            """
        let rest = Self.criteria.filter { $0 != "CC9.2" && $0 != "CC6.3" }
        files["controls/AC-01.md"] = Self.control("AC-01", criteria: rest, owner: "alice", frequency: "quarterly")
        files["controls/AC-02.md"] = Self.control("AC-02", criteria: ["CC6.3"], owner: "bob", frequency: "annual")
        files["controls/AC-03.md"] = Self.control("AC-03", criteria: ["CC6.1"], owner: "bob", frequency: "quarterly")
        files["evidence/AC-01/2026-01-15-review.md"] = nil
        files["evidence/AC-01/2025-01-15-review.md"] = "Q1\n"
        files["policies/POL-ACCESS-CONTROL.md"] = Self.accessPolicy(version: "1.0", approvals: ["1.0"], body: "Policy text.\nAccess is granted by role.")
        try repository.commitApproved(files, on: "2025-01-16", message: "Program")
        try repository.commit(["evidence/AC-03/2025-03-20-review.md": "late Q1", "evidence/AC-02/2025-05-01-review.md": "annual"], on: "2025-05-02")
        try repository.commit(["evidence/AC-03/2025-05-20-review.md": "Q2", "evidence/AC-01/2025-07-10-review.md": "Q3",
                               "evidence/AC-03/2025-07-10-review.md": "Q3"], on: "2025-07-11")
        try repository.commit(["evidence/AC-01/2025-10-10-review.md": "Q4", "evidence/AC-03/2025-10-10-review.md": "Q4"], on: "2025-10-11")
        try repository.commit(["README.md": "2025 done"], on: "2026-01-05")
        let audit = try EvidentBinary.run(["audit", "--cycle", "2025", "--fail-on", "never"], in: repository.url)
        #expect(audit.status == 0, "\(audit.error)")
        let audited = try Git.text(["rev-parse", "HEAD"], in: repository.url)
        var record: [String: String?] = [:]
        for name in ["record.json", "record.md", "report.html"] {
            record["audits/2025/\(name)"] = String(decoding: try Data(contentsOf: repository.url.appendingPathComponent("audits/2025/\(name)")), as: UTF8.self)
        }
        try repository.commit(record, on: "2026-01-06", message: "Record of the 2025 internal audit")

        try repository.commit(["evidence/AC-01/2026-01-15-review.md": "Q1", "controls/AC-01.md": Self.control("AC-01", criteria: rest, owner: "bob", frequency: "quarterly")],
                              on: "2026-01-16", message: "AC-01 moves to bob")
        try repository.commit(["controls/AC-04.md": Self.control("AC-04", criteria: ["CC9.2"], owner: "alice", frequency: "event"),
                               "evidence/AC-04/.gitkeep": ""], on: "2026-02-01", message: "Add AC-04")
        try repository.commit(["controls/AC-02.md": Self.control("AC-02", criteria: ["CC6.3"], owner: "bob", frequency: "annual", retiredOn: "2026-03-01")],
                              on: "2026-03-01", message: "Retire AC-02")
        try repository.commitApproved(["policies/POL-ACCESS-CONTROL.md": Self.accessPolicy(version: "2.0", approvals: ["1.0", "2.0"], body: "Policy text.\nAccess is granted by role and reviewed each quarter.")],
                              on: "2026-03-10", message: "Access policy 2.0")
        try repository.commit(["evidence/AC-03/2026-03-20-review.md": "late Q1 again", "evidence/AC-01/2026-04-10-review.md": "Q2",
                               "evidence/AC-04/2026-05-05-joiner.md": "event"], on: "2026-05-02")
        try repository.commit(["evidence/AC-01/2026-07-10-review.md": "Q3", "evidence/AC-03/2026-05-20-review.md": "Q2",
                               "evidence/AC-03/2026-07-10-review.md": "Q3"], on: "2026-07-11")
        try repository.commit(["evidence/AC-01/2026-10-10-review.md": "Q4", "evidence/AC-03/2026-10-10-review.md": "Q4"], on: "2026-10-11")
        try repository.commit(["README.md": "2026 done"], on: "2026-12-20")
        try repository.commit(["README.md": "2027"], on: "2027-01-03")
        return (repository, audited)
    }

    /// The members of `evident diff --format json` that integrations read, as the contract names them.
    private struct DiffJSON: Decodable {
        struct Side: Decodable {
            var cycle: String
            var start: String
            var end: String
            var commit: String
            var recorded: Bool
        }

        struct Entry: Decodable {
            var id: String
        }

        struct Field: Decodable {
            var field: String
            var before: String?
            var after: String?
        }

        struct Change: Decodable {
            var id: String
            var fields: [Field]
            var text: [String]
            var approved: Bool?
        }

        struct Controls: Decodable {
            var added: [Entry]
            var removed: [Entry]
            var retired: [Entry]
            var changed: [Change]
        }

        struct Policies: Decodable {
            var added: [Entry]
            var removed: [Entry]
            var changed: [Change]
        }

        struct Criteria: Decodable {
            var gained: [String]
            var lost: [String]
            var uncovered: [String]
        }

        struct Owner: Decodable {
            var kind: String
            var id: String
            var before: String?
            var after: String?
        }

        struct Population: Decodable {
            var summary: String
            var result: String
            var onTime: Int

            enum CodingKeys: String, CodingKey {
                case summary, result
                case onTime = "on_time"
            }
        }

        struct Row: Decodable {
            var control: String
            var before: Population?
            var after: Population?
            var changed: Bool
        }

        struct Group: Decodable {
            var code: String
            var subject: String
            var severity: String
            var before: Int
            var after: Int
            var note: String?
        }

        struct Findings: Decodable {
            var new: [Group]
            var resolved: [Group]
            var recurring: [Group]
        }

        var from: Side
        var to: Side
        var controls: Controls
        var criteria: Criteria
        var owners: [Owner]
        var policies: Policies
        var populations: [Row]
        var findings: Findings
    }

    /// What the diff finds is RenewalDiffEngineTests'; here, that the JSON has the contract's shape.
    @Test func jsonFollowsTheContract() throws {
        let folder = try TemporaryDirectory()
        let (repository, audited2025) = try twoCycles(in: folder)
        let result = try EvidentBinary.run(["diff", "2025", "2026", "--format", "json"], in: repository.url)
        #expect(result.status == 0, "\(result.error)")
        let diff = try JSONDecoder().decode(DiffJSON.self, from: result.outputData)
        #expect(diff.from.cycle == "2025" && diff.from.start == "2025-01-01" && diff.from.end == "2025-12-31" && diff.from.recorded)
        #expect(diff.from.commit == audited2025)
        #expect(diff.to.cycle == "2026" && !diff.to.recorded)
        #expect(diff.controls.added.map(\.id) == ["AC-04"] && diff.controls.removed.isEmpty && diff.controls.retired.map(\.id) == ["AC-02"])
        let ac02 = try #require(diff.controls.changed.first { $0.id == "AC-02" })
        let retiredOn = try #require(ac02.fields.last)
        #expect(retiredOn.field == "retired_on" && retiredOn.before == nil && retiredOn.after == "2026-03-01", "an absent value is left out")
        #expect(diff.criteria.gained == ["CC9.2"] && diff.criteria.lost == ["CC6.3"] && diff.criteria.uncovered == ["CC6.3"])
        #expect(diff.owners.map { "\($0.kind) \($0.id) \($0.before ?? "-") \($0.after ?? "-")" } == ["control AC-01 alice bob"])
        #expect(diff.policies.changed.map(\.id) == ["POL-ACCESS-CONTROL"] && diff.policies.changed.first?.approved == true)
        #expect(diff.policies.changed.first?.text.last == "+ Access is granted by role and reviewed each quarter.")
        let ac01 = try #require(diff.populations.first { $0.control == "AC-01" })
        #expect(ac01.before?.summary == "3/4 on time, 1 missing" && ac01.before?.result == "ineffective" && ac01.before?.onTime == 3)
        #expect(ac01.after?.summary == "4/4 on time" && ac01.changed)
        #expect(diff.populations.first { $0.control == "AC-04" }?.before == nil, "absent before the control existed")
        let recurring = try #require(diff.findings.recurring.first { $0.code == "EVID-LATE" && $0.subject == "AC-03" })
        #expect(recurring.before == 1 && recurring.after == 1 && recurring.note?.contains("fix it at the root") == true)
        #expect(diff.findings.resolved.contains { $0.code == "EVID-MISSING-PERIOD" && $0.subject == "AC-01" && $0.severity == "high" })
    }

    @Test func previousFormatsAndBadInput() throws {
        let folder = try TemporaryDirectory()
        let (repository, _) = try twoCycles(in: folder)
        let explicit = try EvidentBinary.run(["diff", "2025", "2026", "--format", "json"], in: repository.url)
        let previous = try EvidentBinary.run(["diff", "--previous", "2026", "--format", "json"], in: repository.url)
        #expect(previous.status == 0 && previous.output == explicit.output, "--previous picks the cycle that ends before 2026 starts")

        let markdown = try EvidentBinary.run(["diff", "2025", "2026", "--format", "markdown"], in: repository.url)
        #expect(markdown.output.contains("# Renewal diff — cycle 2025 to 2026"))
        #expect(markdown.output.contains("| AC-01 | 3/4 on time, 1 missing (ineffective) | 4/4 on time"))
        #expect(markdown.output.contains("+Access is granted by role and reviewed each quarter."))
        #expect(markdown.output.contains("process or ownership problem"))
        let text = try EvidentBinary.run(["diff", "2025", "2026"], in: repository.url)
        #expect(text.status == 0 && text.output.contains("owner: alice → bob"))
        let html = try EvidentBinary.run(["diff", "2025", "2026", "--format", "html"], in: repository.url)
        #expect(html.output.hasPrefix("<!doctype html>") && html.output.contains("<span class=\"add\">+ Access is granted by role and reviewed each quarter.</span>"))
        #expect(!html.output.contains("http://") && !html.output.contains("https://") && !html.output.contains("<script"))

        let one = try EvidentBinary.run(["diff", "2026"], in: repository.url)
        #expect(one.status == 2 && one.error.contains("give two cycles"))
        let unknown = try EvidentBinary.run(["diff", "2024", "2026"], in: repository.url)
        #expect(unknown.status == 2 && unknown.error.contains("evident.yaml has no cycle '2024'; its cycles are 2025, 2026"))
        let first = try EvidentBinary.run(["diff", "--previous", "2025"], in: repository.url)
        #expect(first.status == 2 && first.error.contains("no cycle in evident.yaml ends before cycle '2025' starts"))
    }
}
