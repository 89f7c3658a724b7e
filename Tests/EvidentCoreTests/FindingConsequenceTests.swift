import EvidentCore
import Testing

/// One finding per problem: the consequence rules, the merge of findings of one key, and the
/// words findings list their periods in.
@Suite struct FindingConsequenceTests {
    struct RuleCase: CustomTestStringConvertible, Sendable {
        let rule: FindingConsequence
        var testDescription: String { "\(rule.cause) → \(rule.consequence)" }
    }

    static let rules = FindingConsequences.rules.map { RuleCase(rule: $0) }

    /// Each rule's example raises the cause on its subject and not the consequence.
    @Test(arguments: rules)
    func theConsequenceIsNotRaisedBesideItsCause(_ ruleCase: RuleCase) throws {
        let rule = ruleCase.rule
        let findings = Auditor().run(try rule.example.context())
        let onSubject = findings.filter { $0.subject == rule.subject }
        #expect(onSubject.contains { $0.code == rule.cause }, "\(findings.map(\.message))")
        #expect(!onSubject.contains { $0.code == rule.consequence }, "\(onSubject.map(\.message))")
    }

    @Test func everyRuleNamesCodesTheAuditRaisesAndIsListedOnce() {
        let codes = Set(Auditor.checks.map { $0.description.code })
        for rule in FindingConsequences.rules {
            #expect(codes.contains(rule.cause) && codes.contains(rule.consequence), "\(rule.cause) → \(rule.consequence)")
            #expect(rule.cause != rule.consequence)
        }
        let pairs = FindingConsequences.rules.map { "\($0.cause) \($0.consequence)" }
        #expect(Set(pairs).count == pairs.count)
    }

    private func finding(_ code: String, _ subject: String, message: String = "m", periods: [DayRange] = [], items: [String] = [],
                         severity: FindingSeverity = .medium, due: String = "2027-01-18") -> Finding {
        Finding(code: code, severity: severity, subject: subject, owner: nil, due: Day(due)!, status: .open, message: message,
                evidence: items, periods: periods, items: items)
    }

    /// The Auditor drops a consequence on the subject of its cause whatever raised it, and only there.
    @Test func subjectRulesAreAppliedToAnyFindings() {
        let findings = [finding("POL-CHANGE-UNAPPROVED", "POL-A"), finding("POL-REVIEW-OVERDUE", "POL-A"), finding("POL-REVIEW-OVERDUE", "POL-B"),
                        finding("POL-APPROVAL-UNBOUND", "POL-C"), finding("POL-REVIEW-OVERDUE", "POL-C")]
        #expect(FindingConsequences.apply(to: findings).map { "\($0.code) \($0.subject)" }
            == ["POL-CHANGE-UNAPPROVED POL-A", "POL-REVIEW-OVERDUE POL-B", "POL-APPROVAL-UNBOUND POL-C"])
    }

    /// Two findings of one key become one: every period and item once, the higher severity,
    /// the earlier due date, both messages.
    @Test func findingsOfOneKeyAreMerged() {
        let april = DayRange(start: Day("2026-04-01")!, end: Day("2026-04-30")!)
        let may = DayRange(start: Day("2026-05-01")!, end: Day("2026-05-31")!)
        let merged = Auditor.oncePerKey([
            finding("EVID-LATE", "AC-01", message: "late in May", periods: [may], items: ["b"], severity: .low),
            finding("EVID-LATE", "AC-02", message: "other control", periods: [april]),
            finding("EVID-LATE", "AC-01", message: "late in April", periods: [april, may], items: ["a", "b"], due: "2027-01-10"),
        ])
        #expect(merged.count == 2)
        let first = merged[0]
        #expect(first.periods == [april, may] && first.items == ["b", "a"] && first.count == 2)
        #expect(first.severity == .medium && first.due == Day("2027-01-10")!)
        #expect(first.message == "late in May; late in April")
    }

    @Test func consecutivePeriodsAreCompactedIntoRuns() {
        let days = ["2026-01-05", "2026-01-06", "2026-01-07", "2026-01-08", "2026-01-09", "2026-02-01"].map { DayRange(start: Day($0)!, end: Day($0)!) }
        #expect(DayRange.runs(of: days).map(\.description) == ["2026-01-05…2026-01-09", "2026-02-01"])
        let quarters = [("2026-01-01", "2026-03-31"), ("2026-04-01", "2026-06-30"), ("2026-10-01", "2026-12-31")].map { DayRange(start: Day($0.0)!, end: Day($0.1)!) }
        #expect(DayRange.runs(of: quarters).map(\.description) == ["2026-01-01…2026-06-30", "2026-10-01…2026-12-31"])
        #expect(DayRange.runs(of: []).isEmpty)
        #expect(DayRange(recorded: "2026-01-05…2026-01-09") == days[0...4].reduce(days[0]) { DayRange(start: $0.start, end: $1.end) })
        #expect(DayRange(recorded: "2026-02-01") == days[5])
        #expect(DayRange(recorded: "2026-02-01…2026-01-01") == nil && DayRange(recorded: "soon") == nil)
    }
}
