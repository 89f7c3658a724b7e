import EvidentCore
import Foundation
import GitFixtures
import Testing

/// `evident diff`: two consecutive cycles with back-dated history. Between them a control is
/// added, one retired, an owner changes, a policy is rewritten, one finding recurs and one is fixed.
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
        try repository.commit(files, on: "2025-01-16", message: "Program")
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
        try repository.commit(["policies/POL-ACCESS-CONTROL.md": Self.accessPolicy(version: "2.0", approvals: ["1.0", "2.0"], body: "Policy text.\nAccess is granted by role and reviewed each quarter.")],
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

    private func json(_ result: EvidentBinary.Result) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: result.outputData) as! [String: Any]
    }

    private func ids(_ value: Any?) -> [String] {
        (value as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    @Test func diffNamesEveryChangeBetweenTwoCycles() throws {
        let folder = try TemporaryDirectory()
        let (repository, audited2025) = try twoCycles(in: folder)
        let result = try EvidentBinary.run(["diff", "2025", "2026", "--format", "json"], in: repository.url)
        #expect(result.status == 0, "\(result.error)")
        let diff = try json(result)

        let from = diff["from"] as! [String: Any]
        let to = diff["to"] as! [String: Any]
        #expect(from["cycle"] as? String == "2025" && from["recorded"] as? Bool == true)
        #expect(from["commit"] as? String == audited2025, "the earlier cycle is read at the commit its committed record audited")
        #expect(to["cycle"] as? String == "2026" && to["recorded"] as? Bool == false)
        // Without a record, 2026 is audited at a clock comparable with 2025's record (run five
        // days after its window ended); the tip, three days after 2026's end, is as far as it gets.
        #expect(from["clock"] as? String == "2026-01-05")
        #expect(to["clock"] as? String == "2027-01-03")
        let expected2026 = try Git.text(["rev-list", "-1", "--first-parent", "--before=2027-01-03T23:59:59Z", "HEAD"], in: repository.url)
        #expect(to["commit"] as? String == expected2026, "without a record: the last mainline commit on or before the clock it is compared at")

        let controls = diff["controls"] as! [String: Any]
        #expect(ids(controls["added"]) == ["AC-04"])
        #expect(ids(controls["removed"]).isEmpty)
        #expect(ids(controls["retired"]) == ["AC-02"])
        let changed = controls["changed"] as! [[String: Any]]
        #expect(changed.map { $0["id"] as! String } == ["AC-01", "AC-02"])
        let ac01Fields = changed[0]["fields"] as! [[String: Any]]
        #expect(ac01Fields.count == 1)
        #expect(ac01Fields.first?["field"] as? String == "owner" && ac01Fields.first?["before"] as? String == "alice" && ac01Fields.first?["after"] as? String == "bob")
        let ac02Fields = (changed[1]["fields"] as! [[String: Any]]).map { "\($0["field"]!): \($0["before"] ?? "nil") → \($0["after"] ?? "nil")" }
        #expect(ac02Fields == ["status: active → retired", "retired_on: nil → 2026-03-01"])

        let criteria = diff["criteria"] as! [String: Any]
        #expect(criteria["gained"] as? [String] == ["CC9.2"])
        #expect(criteria["lost"] as? [String] == ["CC6.3"])
        #expect(criteria["uncovered"] as? [String] == ["CC6.3"])

        let owners = diff["owners"] as! [[String: Any]]
        #expect(owners.count == 1)
        #expect(owners.first?["id"] as? String == "AC-01" && owners.first?["before"] as? String == "alice" && owners.first?["after"] as? String == "bob")

        let policies = diff["policies"] as! [String: Any]
        #expect(ids(policies["added"]).isEmpty && ids(policies["removed"]).isEmpty)
        let rewritten = (policies["changed"] as! [[String: Any]])
        #expect(rewritten.map { $0["id"] as! String } == ["POL-ACCESS-CONTROL"])
        let policyFields = (rewritten[0]["fields"] as! [[String: Any]]).map { $0["field"] as! String }
        #expect(policyFields == ["version", "approvals"])
        #expect(rewritten[0]["text"] as? [String] == ["  Policy text.", "- Access is granted by role.", "+ Access is granted by role and reviewed each quarter."])
        #expect(rewritten[0]["approved"] as? Bool == true, "dave's approval of 2.0 landed with the rewrite")

        let populations = Dictionary(uniqueKeysWithValues: (diff["populations"] as! [[String: Any]]).map { ($0["control"] as! String, $0) })
        func summary(_ control: String, _ side: String) -> String? { (populations[control]?[side] as? [String: Any])?["summary"] as? String }
        #expect(summary("AC-01", "before") == "3/4 on time, 1 missing")
        #expect(summary("AC-01", "after") == "4/4 on time")
        #expect(summary("AC-03", "before") == "3/4 on time, 1 late")
        #expect(summary("AC-03", "after") == "3/4 on time, 1 late")
        #expect(populations["AC-04"]?["before"] == nil && summary("AC-04", "after") == "1 event")

        let findings = diff["findings"] as! [String: Any]
        func keys(_ name: String) -> [String] { (findings[name] as! [[String: Any]]).map { "\($0["code"]!) \($0["subject"]!)" } }
        #expect(keys("resolved").contains("EVID-MISSING-PERIOD AC-01"))
        #expect(keys("recurring").contains("EVID-LATE AC-03"))
        #expect(!keys("new").contains("EVID-LATE AC-03") && !keys("resolved").contains("EVID-LATE AC-03"))
        let recurring = (findings["recurring"] as! [[String: Any]]).first { $0["code"] as? String == "EVID-LATE" }!
        #expect((recurring["note"] as? String)?.contains("fix it at the root") == true)
        #expect(recurring["before"] as? Int == 1 && recurring["after"] as? Int == 1)
        #expect(!keys("new").contains { $0.hasPrefix("FIND-") }, "the audit's own follow-up findings are not paired again")
    }

    /// Cycle 2025 is defined only after it ended: its last commit is audited against the cycle
    /// as evident.yaml defines it now.
    @Test func aCycleDefinedAfterItEndedIsStillCompared() throws {
        let folder = try TemporaryDirectory()
        var repository = try FixtureRepository(in: folder.url)
        var files = ExampleProgram.base.mapValues { Optional($0) }
        files["evidence/AC-01/2026-01-15-review.md"] = nil
        files["evidence/AC-01/2025-01-15-review.md"] = "Q1"
        try repository.commit(files, on: "2025-01-16", message: "Program, with only the 2026 cycle")
        let yaml = ExampleProgram.base["evident.yaml"]!.replacingOccurrences(
            of: "cycles:\n", with: "cycles:\n  - {id: \"2025\", type: 2, start: 2025-01-01, end: 2025-12-31, fieldwork: 2026-01-25}\n")
        try repository.commit(["evident.yaml": yaml], on: "2026-01-10", message: "Define 2025 after the fact")
        try repository.commit(["evidence/AC-01/2026-01-15-review.md": "Q1"], on: "2026-01-16")
        let result = try EvidentBinary.run(["diff", "2025", "2026", "--format", "json"], in: repository.url)
        #expect(result.status == 0, "\(result.error)")
        let diff = try json(result)
        #expect((diff["from"] as? [String: Any])?["start"] as? String == "2025-01-01")
    }

    @Test func previousFormatsAndBadInput() throws {
        let folder = try TemporaryDirectory()
        let (repository, _) = try twoCycles(in: folder)
        let explicit = try EvidentBinary.run(["diff", "2025", "2026", "--format", "json"], in: repository.url)
        let previous = try EvidentBinary.run(["diff", "--previous", "2026", "--format", "json"], in: repository.url)
        #expect(previous.status == 0 && previous.output == explicit.output, "--previous picks the cycle that ends before 2026 starts")

        let markdown = try EvidentBinary.run(["diff", "2025", "2026", "--format", "markdown"], in: repository.url)
        #expect(markdown.output.contains("# Renewal diff — cycle 2025 to 2026"))
        #expect(markdown.output.contains("| AC-01 | 3/4 on time, 1 missing (exceptions) | 4/4 on time"))
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
