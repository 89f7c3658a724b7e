import EvidentCore
import EvidentEngine
import Foundation
import GitFixtures
import Testing

/// `lint` and `audit` judge the policy review and approval rules by one implementation
/// (`PolicyStanding`): at the same clock they name the same policies for each rule.
@Suite struct PolicyAgreementTests {
    /// Each lint rule and the audit finding that judges the same thing.
    static let counterparts = [
        ("POLICY-REVIEW-OVERDUE", "POL-REVIEW-OVERDUE"), ("POLICY-CHANGE-UNAPPROVED", "POL-CHANGE-UNAPPROVED"),
        ("POLICY-SELF-APPROVED", "POL-SELF-APPROVED"), ("POLICY-APPROVAL-UNBOUND", "POL-APPROVAL-UNBOUND"),
    ]

    private static func path(_ topic: String) -> String { "policies/\(ExampleProgram.policyID(topic)).md" }

    private static func text(_ topic: String, version: String = "1.0", body: String = "Policy text.", approvals: [String] = ["1.0"]) -> String {
        ExampleProgram.policy(topic, version: version, approvals: approvals, body: body).replacingOccurrences(of: "approvals:\n\n", with: "approvals: []\n")
    }

    /// The example program's eight policies, each in its own state by 15 September 2026:
    ///
    /// - access-control: approved in January, nothing since;
    /// - information-security: last approved on 1 June 2025, so overdue since 1 June 2026;
    /// - change-management: rewritten as 1.1 in May, with no approval of 1.1;
    /// - incident-response: rewritten as 1.1 in May, approved by its author;
    /// - risk-management: rewritten as 1.1 in May, with dave's entry written in by alice;
    /// - vendor-management: landed in 2024, never approved, rewritten in April: the change,
    ///   not also an overdue review;
    /// - acceptable-use: approved in March 2025, tidied in May with a trailer naming dave in
    ///   alice's own commit: the claim, not also an overdue review;
    /// - data-classification: new in August and not approved yet.
    private func program(in folder: TemporaryDirectory) throws -> FixtureRepository {
        var fixture = try FixtureRepository(in: folder.url)
        let alice = BoundAuthors.alice
        try fixture.commit([Self.path("vendor-management"): Self.text("vendor-management", approvals: [])], on: "2024-06-01", author: alice)
        try fixture.commitApproved([Self.path("acceptable-use"): Self.text("acceptable-use")], on: "2025-03-01")
        try fixture.commitApproved([Self.path("information-security"): Self.text("information-security")], on: "2025-06-01")
        var files = ExampleProgram.base.mapValues { Optional($0) }
        for topic in ["vendor-management", "acceptable-use", "information-security", "data-classification"] { files.removeValue(forKey: Self.path(topic)) }
        files["risk/risk-assessment.md"] = "---\nkind: risk-assessment\n---\nRegister.\n"
        files["audits/2026/interviews/alice.md"] = "Notes"
        try fixture.commitApproved(files, on: "2026-01-10", message: "Program")
        try fixture.commit([Self.path("vendor-management"): Self.text("vendor-management", body: "Vendors are reviewed yearly.", approvals: [])],
                           on: "2026-04-01", author: alice)
        try fixture.commit([
            Self.path("change-management"): Self.text("change-management", version: "1.1", body: "New text."),
            Self.path("incident-response"): Self.text("incident-response", version: "1.1", body: "New text.", approvals: ["1.0", "1.1"])
                .replacingOccurrences(of: "{by: dave, version: \"1.1\"", with: "{by: alice, version: \"1.1\""),
            Self.path("risk-management"): Self.text("risk-management", version: "1.1", body: "New text.", approvals: ["1.0", "1.1"]),
        ], on: "2026-05-01", message: "Policies 1.1", author: alice)
        try fixture.commit([Self.path("acceptable-use"): Self.text("acceptable-use") + "\n"], on: "2026-05-02",
                           message: "Tidy\n\nApproved-by: Dave Approver <dave@example.com>", author: alice)
        try fixture.commit([Self.path("data-classification"): Self.text("data-classification", approvals: [])], on: "2026-08-01", author: alice)
        try fixture.commit(["README.md": "September"], on: "2026-09-15")
        return fixture
    }

    @Test func lintAndAuditNameTheSamePoliciesForEachRule() throws {
        let folder = try TemporaryDirectory()
        let fixture = try program(in: folder)
        let repository = try Fixtures.open(fixture)
        let clock = Day("2026-09-15")!
        let diagnostics = try repository.lint(LintRequest(today: clock))
        let findings = try repository.audit(AuditRequest(clock: clock)).findings
        let expected = [
            "POL-REVIEW-OVERDUE": ["POL-INFORMATION-SECURITY"],
            "POL-CHANGE-UNAPPROVED": ["POL-CHANGE-MANAGEMENT", "POL-DATA-CLASSIFICATION", "POL-VENDOR-MANAGEMENT"],
            "POL-SELF-APPROVED": ["POL-INCIDENT-RESPONSE"],
            "POL-APPROVAL-UNBOUND": ["POL-ACCEPTABLE-USE", "POL-RISK-MANAGEMENT"],
        ]
        for (rule, code) in Self.counterparts {
            let linted = diagnostics.filter { $0.ruleID == rule }.map { String($0.location.file.dropFirst("policies/".count).dropLast(".md".count)) }.sorted()
            let audited = findings.filter { $0.code == code }.map(\.subject).sorted()
            #expect(linted == audited, "\(rule): lint names \(linted), the audit \(audited)")
            #expect(audited == expected[code], "\(code): \(findings.filter { $0.code == code }.map(\.message))")
        }
    }
}
