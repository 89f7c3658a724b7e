import EvidentCore
import EvidentEngine
import Foundation
import GitFixtures
import Testing

/// Programs with back-dated history that several use cases' tests share, built with the git CLI
/// (fixed dates); records are written through the engine, as `evident audit` writes them.
enum Fixtures {
    /// Opens the repository a fixture was built in.
    static func open(_ fixture: FixtureRepository) throws -> ComplianceRepository {
        try ComplianceRepository(discoveringFrom: fixture.url.path)
    }

    /// Audits the default cycle and writes its record into the working tree (not committed).
    @discardableResult
    static func auditAndWrite(_ fixture: FixtureRepository, cycle: String? = nil) throws -> AuditRun {
        let repository = try open(fixture)
        let run = try repository.audit(AuditRequest(cycle: cycle))
        try repository.writeRecord(of: run)
        return run
    }

    /// "CODE SUBJECT" for each finding of a record.
    static func keys(_ record: AuditRecord) -> [String] {
        record.findings.map { "\($0.code) \($0.subject)" }
    }

    /// The example program through 2026: AC-01 (quarterly, grace 14 days) gets evidence each
    /// quarter; `q2` and `q2Landing` let a scenario skip (nil) or delay the second quarter's.
    static func yearOfEvidence(in folder: TemporaryDirectory, q2: String? = "2026-04-10", q2Landing: String = "2026-04-11") throws -> FixtureRepository {
        var repository = try FixtureRepository(in: folder.url)
        var files = ExampleProgram.base.mapValues { Optional($0) }
        files["evident.yaml"] = ExampleProgram.base["evident.yaml"]! + "auditors:\n  external: {firm: Example CPA}\n  internal: {name: Eve, firm: Example Corp}\n"
        files["risk/risk-assessment.md"] = "---\nkind: risk-assessment\n---\nRegister.\n"
        // The policies land written by Fixture Author and committed by dave with his Approved-by trailer, which binds his entries.
        try repository.commitApproved(files, on: "2026-01-10", message: "Program")
        try repository.commit(["evidence/AC-01/2026-01-15-review.md": "Q1 again\n"], on: "2026-01-16")
        if let q2 { try repository.commit(["evidence/AC-01/\(q2)-review.md": "Q2"], on: q2Landing) }
        try repository.commit(["evidence/AC-01/2026-07-08-review.md": "Q3"], on: "2026-07-09")
        try repository.commit(["evidence/AC-01/2026-10-05-review.md": "Q4", "audits/2026/interviews/alice.md": "Notes"], on: "2026-10-06")
        try repository.commit(["README.md": "done"], on: "2026-12-20")
        return repository
    }

    // MARK: Two cycles, for the renewal diff

    static let criteria = TrustServicesCriteria.inScope([.security]).map(\.id)

    static func control(_ id: String, criteria: [String], owner: String, frequency: String, retiredOn: String? = nil, body: String = "What the control does.") -> String {
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

    static func accessPolicy(version: String, approvals: [String], body: String) -> String {
        ExampleProgram.policy("access-control", version: version, approvals: approvals, body: body)
    }

    /// 2025: AC-01 misses Q2 and AC-03 is late in Q1; the 2025 record is committed in January 2026.
    /// 2026: AC-04 added, AC-02 retired, AC-01 moves from alice to bob, the access policy is
    /// rewritten as 2.0 with dave's approval, AC-01 is complete and AC-03 is late in Q1 again.
    static func twoCycles(in folder: TemporaryDirectory) throws -> (repository: FixtureRepository, audited2025: String) {
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
        let rest = criteria.filter { $0 != "CC9.2" && $0 != "CC6.3" }
        files["controls/AC-01.md"] = control("AC-01", criteria: rest, owner: "alice", frequency: "quarterly")
        files["controls/AC-02.md"] = control("AC-02", criteria: ["CC6.3"], owner: "bob", frequency: "annual")
        files["controls/AC-03.md"] = control("AC-03", criteria: ["CC6.1"], owner: "bob", frequency: "quarterly")
        files["evidence/AC-01/2026-01-15-review.md"] = nil
        files["evidence/AC-01/2025-01-15-review.md"] = "Q1\n"
        files["policies/POL-ACCESS-CONTROL.md"] = accessPolicy(version: "1.0", approvals: ["1.0"], body: "Policy text.\nAccess is granted by role.")
        try repository.commitApproved(files, on: "2025-01-16", message: "Program")
        try repository.commit(["evidence/AC-03/2025-03-20-review.md": "late Q1", "evidence/AC-02/2025-05-01-review.md": "annual"], on: "2025-05-02")
        try repository.commit(["evidence/AC-03/2025-05-20-review.md": "Q2", "evidence/AC-01/2025-07-10-review.md": "Q3",
                               "evidence/AC-03/2025-07-10-review.md": "Q3"], on: "2025-07-11")
        try repository.commit(["evidence/AC-01/2025-10-10-review.md": "Q4", "evidence/AC-03/2025-10-10-review.md": "Q4"], on: "2025-10-11")
        try repository.commit(["README.md": "2025 done"], on: "2026-01-05")
        try auditAndWrite(repository, cycle: "2025")
        let audited = try Git.text(["rev-parse", "HEAD"], in: repository.url)
        try repository.commit([:], on: "2026-01-06", message: "Record of the 2025 internal audit")

        try repository.commit(["evidence/AC-01/2026-01-15-review.md": "Q1", "controls/AC-01.md": control("AC-01", criteria: rest, owner: "bob", frequency: "quarterly")],
                              on: "2026-01-16", message: "AC-01 moves to bob")
        try repository.commit(["controls/AC-04.md": control("AC-04", criteria: ["CC9.2"], owner: "alice", frequency: "event"),
                               "evidence/AC-04/.gitkeep": ""], on: "2026-02-01", message: "Add AC-04")
        try repository.commit(["controls/AC-02.md": control("AC-02", criteria: ["CC6.3"], owner: "bob", frequency: "annual", retiredOn: "2026-03-01")],
                              on: "2026-03-01", message: "Retire AC-02")
        try repository.commitApproved(["policies/POL-ACCESS-CONTROL.md": accessPolicy(version: "2.0", approvals: ["1.0", "2.0"], body: "Policy text.\nAccess is granted by role and reviewed each quarter.")],
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
}
