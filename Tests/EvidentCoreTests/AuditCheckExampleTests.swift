import EvidentCore
import Testing

/// Every audit check's examples are its tests: triggering ones must raise exactly the findings
/// they expect (by subject, with the periods and items each lists), at most one per subject,
/// and the others none.
@Suite struct AuditCheckExampleTests {
    struct CheckCase: CustomTestStringConvertible, Sendable {
        let check: any AuditCheck.Type
        var testDescription: String { check.description.code }
    }

    static let checks = Auditor.checks.map { CheckCase(check: $0) }

    @Test(arguments: checks)
    func examplesTriggerOrNot(_ checkCase: CheckCase) throws {
        let description = checkCase.check.description
        #expect(!description.triggering.isEmpty && !description.nonTriggering.isEmpty)
        for (index, example) in description.triggering.enumerated() {
            let context = try example.context()
            let findings = checkCase.check.init().findings(context)
            #expect(!findings.isEmpty, "\(description.code): triggering example \(index) found nothing")
            #expect(!example.expected.isEmpty, "\(description.code): triggering example \(index) expects no finding (expecting:)")
            #expect(Set(findings.map(\.key)).count == findings.count, "\(description.code): triggering example \(index) raised two findings for one subject")
            for finding in findings {
                #expect(finding.code == description.code && finding.severity == description.severity)
                // The message names how many periods or items the finding lists.
                #expect(finding.count < 2 || " \(finding.message)".contains(" \(finding.count) ") || finding.message.contains("(\(finding.count) "),
                        "\(description.code): \(finding.message)")
                #expect(finding.due <= context.cycle.fieldwork!.adding(days: -7))
                #expect(!finding.evidence.isEmpty)
            }
            let found = Self.sorted(findings.map { ExpectedFinding($0) })
            #expect(found == Self.sorted(example.expected), "\(description.code): triggering example \(index) found \(found)")
        }
        for (index, example) in description.nonTriggering.enumerated() {
            let findings = checkCase.check.init().findings(try example.context())
            #expect(findings.isEmpty, "\(description.code): non-triggering example \(index) found \(findings.map(\.message))")
            #expect(example.expected.isEmpty, "\(description.code): non-triggering example \(index) expects findings")
        }
    }

    /// Every documented finding code has its check, and no check invents one.
    @Test func everyDocumentedFindingCodeHasACheck() {
        let spec: Set<String> = [
            "SCOPE-UNCOVERED-CRITERION", "CTRL-NO-OWNER", "EVID-MISSING-PERIOD", "EVID-LATE", "EVID-PARTIAL-POPULATION",
            "EVID-ZERO-POPULATION", "EVID-MODIFIED-AFTER-LANDING", "EVID-DELETED", "EVID-CLAIM-MISMATCH", "POL-MISSING",
            "POL-REVIEW-OVERDUE", "POL-CHANGE-UNAPPROVED", "POL-SELF-APPROVED", "POL-APPROVAL-UNBOUND", "RISK-STALE", "INTERVIEW-MISSING", "TIMING-EARLY",
            "TIMING-LATE", "INDEP-CONFLICT", "TEST-WORKPAPER-INVALID", "TEST-EXCEPTION", "TEST-INCOMPLETE", "TRUST-UNSIGNED", "TRUST-CLOCK-SKEW", "TRUST-HISTORY-REWRITTEN", "FIND-OVERDUE", "FIND-RECURRING",
        ]
        #expect(Set(Auditor.checks.map { $0.description.code }) == spec)
    }

    @Test func baseProgramHasNoEvidenceFindings() throws {
        let findings = Auditor().run(try AuditExample().context())
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }

    @Test func findingsAreOrderedByImpact() throws {
        let example = AuditExample(["evidence/AC-01/2026-04-10-review.md": ""],
                                   landed: ["evidence/AC-01/2026-07-08-review.md": Day("2026-10-30")!, "evidence/AC-01/2026-01-15-review.md": Day("2026-01-10")!])
        let findings = Auditor().run(try example.context())
        #expect(findings.map(\.severity) == findings.map(\.severity).sorted(by: >))
        #expect(findings.first?.code == "EVID-MISSING-PERIOD")
        #expect(Set(findings.map(\.code)).isSuperset(of: ["EVID-MISSING-PERIOD", "EVID-LATE", "EVID-CLAIM-MISMATCH"]))
    }

    /// A multiset as a sorted list, which also reads well in a failure.
    static func sorted(_ findings: [ExpectedFinding]) -> [ExpectedFinding] {
        findings.sorted { $0.description < $1.description }
    }
}
