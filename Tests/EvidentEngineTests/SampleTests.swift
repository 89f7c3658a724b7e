import EvidentCore
import EvidentEngine
import Foundation
import GitFixtures
import Testing

/// The sample nobody can steer: it depends on the population alone, anyone can re-derive it
/// from the record, and a deviation in the previous cycle takes the next larger size.
@Suite struct SampleTests {
    /// The example program with a monthly, high-risk control AC-02 that produced evidence every
    /// month of 2026, the quarterly AC-01 whose evidence lands each quarter on time, and cycles
    /// 2025 and 2026.
    private func program(in folder: TemporaryDirectory) throws -> FixtureRepository {
        var fixture = try FixtureRepository(in: folder.url)
        var files = ExampleProgram.base.mapValues { Optional($0) }
        files["evident.yaml"] = ExampleProgram.base["evident.yaml"]!.replacingOccurrences(
            of: "cycles:\n", with: "cycles:\n  - {id: \"2025\", type: 2, start: 2025-01-01, end: 2025-12-31, fieldwork: 2026-01-25}\n")
        files["controls/AC-02.md"] = "---\nid: AC-02\ntitle: Monthly review\ncriteria: [CC6.1]\nowner: alice\nfrequency: monthly\nrisk: high\n---\nBody.\n"
        files["risk/risk-assessment.md"] = "---\nkind: risk-assessment\n---\nRegister.\n"
        // Q1's review lands in its quarter: landed in December, it would prove no 2026 period.
        files["evidence/AC-01/2026-01-15-review.md"] = nil
        try fixture.commitApproved(files, on: "2025-12-20", message: "Program")
        let quarterly = [1: "evidence/AC-01/2026-01-15-review.md", 4: "evidence/AC-01/2026-04-10-review.md",
                         7: "evidence/AC-01/2026-07-08-review.md", 10: "evidence/AC-01/2026-10-05-review.md"]
        for month in 1...11 {
            let day = String(format: "2026-%02d-20", month)
            var evidence: [String: String?] = ["evidence/AC-02/\(day)-review.md": "month \(month)"]
            if let review = quarterly[month] { evidence[review] = "quarter of month \(month)" }
            try fixture.commit(evidence, on: String(format: "2026-%02d-21", month))
        }
        try fixture.commit(["audits/2026/interviews/alice.md": "Notes"], on: "2026-11-25")
        return fixture
    }

    @Test func anEmptyCommitCannotReRollTheSample() throws {
        let folder = try TemporaryDirectory()
        var fixture = try program(in: folder)
        let before = try ComplianceRepository(discoveringFrom: fixture.url.path).audit(AuditRequest(cycle: "2026")).record
        for day in ["2026-11-26", "2026-11-27", "2026-11-28"] {
            try fixture.commit([:], on: day, message: "Nothing")
        }
        let after = try ComplianceRepository(discoveringFrom: fixture.url.path).audit(AuditRequest(cycle: "2026")).record
        #expect(before.auditedCommit != after.auditedCommit)
        #expect(before.controls.map(\.sample) == after.controls.map(\.sample))
        let monthly = try #require(after.controls.first { $0.id == "AC-02" }?.sample)
        #expect(monthly.population == 11 && monthly.size == 4 && monthly.items.count == 4)
        #expect(monthly.sizeRule == "monthly, high risk: 4")
    }

    /// An independent implementation (Python's hashlib) re-derives every control's population
    /// hash, seed and items from the record alone.
    @Test func theRecordAloneRederivesEverySample() throws {
        let folder = try TemporaryDirectory()
        let fixture = try program(in: folder)
        let run = try ComplianceRepository(discoveringFrom: fixture.url.path).audit(AuditRequest(cycle: "2026"))
        let record = folder.url.appendingPathComponent("record.json")
        try Data(try EvidentReportingBridge.json(run.record).utf8).write(to: record)
        let script = #"""
        import hashlib, json, sys
        record = json.load(open(sys.argv[1]))
        sha = lambda text: hashlib.sha256(text.encode()).hexdigest()
        for control in record["controls"]:
            if control.get("frequency") == "event":
                population = [o for o in control["occurrences"] if o.get("commit")]
            else:
                seen, population = set(), []
                for period in control["periods"]:
                    if period["state"] in ("on-time", "late"):
                        for o in period["occurrences"]:
                            if o["path"] not in seen:
                                seen.add(o["path"]); population.append(o)
            lines = "".join(f'{o["path"]}\t{o["commit"]}\n' for o in sorted(population, key=lambda o: o["path"].encode()))
            population_sha = sha(lines)
            seed = sha(f'{record["cycle"]["id"]}|{control["id"]}|{population_sha}')
            ordered = sorted(population, key=lambda o: (o["claimed"], o["path"].encode()))
            k, n, items, start = control["sample"]["size"], len(ordered), [], 0
            for i in range(k):
                length = n // k + (1 if i < n % k else 0)
                u = int.from_bytes(hashlib.sha256(f"{seed}|{i}".encode()).digest()[:8], "big")
                items.append(ordered[start + u % length]["path"]); start += length
            sample = control["sample"]
            assert sample["population"] == n, control["id"]
            assert sample["population_sha256"] == population_sha, control["id"]
            assert sample["seed"] == seed, control["id"]
            assert sample["items"] == items, (control["id"], sample["items"], items)
            print(control["id"], n, k)
        """#
        let result = try Process.capture(executable: "/usr/bin/env", arguments: ["python3", "-c", script, record.path], in: folder.url)
        let output = String(decoding: result.standardOutput, as: UTF8.self)
        #expect(result.status == 0, "\(String(decoding: result.standardError, as: UTF8.self))")
        #expect(output.contains("AC-02 11 4\n") && output.contains("AC-01 4 2\n"), "\(output)")
    }

    @Test func aDeviationInThePreviousCycleTakesTheNextLargerSize() throws {
        let folder = try TemporaryDirectory()
        var fixture = try program(in: folder)
        // 2025's record says AC-01 had exceptions.
        let repository = try ComplianceRepository(discoveringFrom: fixture.url.path)
        var earlier = try repository.audit(AuditRequest(cycle: "2025")).record
        earlier.controls = earlier.controls.map { control in
            var control = control
            control.result = control.id == "AC-01" ? .exceptions : .effective
            return control
        }
        try fixture.commit(["audits/2025/record.json": try EvidentReportingBridge.json(earlier)], on: "2026-11-26", message: "2025 record")
        let sample = try #require(try repository.audit(AuditRequest(cycle: "2026")).record.controls.first { $0.id == "AC-01" }?.sample)
        #expect(sample.size == 3)
        #expect(sample.sizeRule == "quarterly, moderate risk: 2; the next larger size, 3, after a deviation in cycle 2025")
        let steady = try #require(try repository.audit(AuditRequest(cycle: "2026")).record.controls.first { $0.id == "AC-02" }?.sample)
        #expect(steady.size == 4, "AC-02 had no deviation in 2025")
    }
}
