/// A finding that follows from another on the same subject, and is therefore not raised again.
public struct FindingConsequence: Sendable {
    /// How far the consequence is left out.
    public enum Scope: Sendable, Equatable {
        /// The consequence is not raised at all on a subject the cause is raised on:
        /// `Auditor.run` drops it.
        case subject
        /// Both may be raised on one subject, but the consequence never lists a period or item
        /// the cause covers. The type named here keeps them apart where the judgement is made,
        /// since only it can tell which period or item is which.
        case sameItems(keptApartBy: String)
    }

    public var cause: String
    public var consequence: String
    public var scope: Scope
    /// Why the consequence adds nothing once the cause is raised.
    public var reason: String
    /// A program whose audit raises the cause on `subject`, where a check that ignored the
    /// rule would raise the consequence too. The rule's test runs the whole audit on it and
    /// finds the cause there and not the consequence.
    public var example: AuditExample
    public var subject: String
}

/// Which findings are consequences of others: the audit's one list of them.
///
/// Every pair of codes that can concern the same subject was weighed; the rules below are the
/// pairs where one finding follows from the other. The pairs left out are separate problems
/// and are both raised:
///
/// - a control's evidence: a deletion and the file being added back are two events the history
///   shows (`EVID-DELETED`, `EVID-MODIFIED-AFTER-LANDING`); a deletion that empties a period
///   leaves it missing (`EVID-MISSING-PERIOD`) as well, since one is about the history's
///   integrity and the other about the control operating; a modification, a claim after the
///   landing day, an empty event population and a partial population say different things about
///   the same control and each has its own fix;
/// - a control's testing: an item has one conclusion or none, so `TEST-EXCEPTION` and
///   `TEST-INCOMPLETE` never list the same item; the tester operating the control
///   (`INDEP-CONFLICT`) and an owner not in `people` (`CTRL-NO-OWNER`) stand beside any of them;
/// - a policy: a change approved only by its author (`POL-SELF-APPROVED`) was approved, so the
///   review is met; an owner missing is its own problem;
/// - the cycle: the timing findings, the auditor's independence, an invalid workpaper and the
///   trust findings each have their own fix. An invalid workpaper counts no conclusion, so it
///   never meets `TEST-EXCEPTION` or `TEST-INCOMPLETE`, whose subjects are controls;
/// - `FIND-OVERDUE` and `FIND-RECURRING` are about other findings and are raised beside them by
///   design; the one follows up this cycle's earlier run, the other the previous cycle.
public enum FindingConsequences {
    public static let rules: [FindingConsequence] = [
        FindingConsequence(
            cause: "POL-CHANGE-UNAPPROVED", consequence: "POL-REVIEW-OVERDUE", scope: .subject,
            reason: "approving the changed text is the review the policy lacks: a policy whose text was never approved is one finding, not also an overdue review",
            // Landed in February 2025 and never approved; rewritten in May 2026, still unapproved.
            example: AuditExample(policyRevisions: ["policies/POL-ACCESS-CONTROL.md": [
                ExampleProgram.revision(topic: "access-control", version: "1.0", approvals: [], body: "Policy text.", on: Day(year: 2025, month: 2, day: 1)!),
                ExampleProgram.revision(topic: "access-control", version: "1.1", approvals: [], body: "New text.", on: Day(year: 2026, month: 5, day: 1)!),
            ]]),
            subject: "POL-ACCESS-CONTROL"),
        FindingConsequence(
            cause: "POL-APPROVAL-UNBOUND", consequence: "POL-REVIEW-OVERDUE", scope: .subject,
            reason: "the approval claimed but not bound was the review; the unbound finding says why it does not count, and an approval the history binds fixes both",
            // Approved in February 2025, so due again in February 2026; in May Alice commits
            // the unchanged text with a trailer naming Dave, who did not make the commit.
            example: AuditExample(policyRevisions: ["policies/POL-ACCESS-CONTROL.md": ExampleProgram.revisions(topic: "access-control", landed: Day(year: 2025, month: 2, day: 1)!) + [
                ExampleProgram.revision(topic: "access-control", version: "1.0", approvals: [("dave", "1.0")], body: "Policy text.",
                                        on: Day(year: 2026, month: 5, day: 1)!, approvedBy: ["\(ExampleProgram.approver.name) <\(ExampleProgram.approver.email)>"]),
            ]]),
            subject: "POL-ACCESS-CONTROL"),
        FindingConsequence(
            cause: "POL-APPROVAL-UNBOUND", consequence: "POL-CHANGE-UNAPPROVED", scope: .sameItems(keptApartBy: "PolicyStanding"),
            reason: "a version whose approval was claimed in a commit the approver did not make is reported once, as the unbound claim, which names the version",
            example: AuditExample(policyRevisions: ["policies/POL-ACCESS-CONTROL.md": ExampleProgram.revisions(topic: "access-control", landed: Day(year: 2026, month: 1, day: 10)!) + [
                ExampleProgram.revision(topic: "access-control", version: "1.1", approvals: [("dave", "1.0"), ("dave", "1.1")], body: "New text.", on: Day(year: 2026, month: 5, day: 1)!),
            ]]),
            subject: "POL-ACCESS-CONTROL"),
        FindingConsequence(
            cause: "POL-SELF-APPROVED", consequence: "POL-CHANGE-UNAPPROVED", scope: .sameItems(keptApartBy: "PolicyStanding"),
            reason: "a change approved by its author alone was approved, by the wrong person: it is self-approved, not also unapproved",
            example: AuditExample(policyRevisions: ["policies/POL-ACCESS-CONTROL.md": ExampleProgram.revisions(topic: "access-control", landed: Day(year: 2026, month: 1, day: 10)!) + [
                ExampleProgram.revision(topic: "access-control", version: "1.1", approvals: [("dave", "1.0"), ("alice", "1.1")], body: "New text.", on: Day(year: 2026, month: 5, day: 1)!),
            ]]),
            subject: "POL-ACCESS-CONTROL"),
        FindingConsequence(
            cause: "EVID-MISSING-PERIOD", consequence: "EVID-LATE", scope: .sameItems(keptApartBy: "Population"),
            reason: "a period has one state: a backfilled period is missing, not also late",
            example: AuditExample(landed: ["evidence/AC-01/2026-04-10-review.md": Day(year: 2026, month: 10, day: 20)!]),
            subject: "AC-01"),
        FindingConsequence(
            cause: "EVID-MISSING-PERIOD", consequence: "EVID-CLAIM-MISMATCH", scope: .sameItems(keptApartBy: "ClaimMismatchCheck"),
            reason: "a backfill claims a day long before it landed because it came too late; the missing period says so",
            example: AuditExample(landed: ["evidence/AC-01/2026-04-10-review.md": Day(year: 2026, month: 10, day: 20)!]),
            subject: "AC-01"),
        FindingConsequence(
            cause: "EVID-LATE", consequence: "EVID-CLAIM-MISMATCH", scope: .sameItems(keptApartBy: "ClaimMismatchCheck"),
            reason: "a late occurrence claims a day long before it landed because it is late; the late period says so",
            example: AuditExample(landed: ["evidence/AC-01/2026-04-10-review.md": Day(year: 2026, month: 7, day: 30)!]),
            subject: "AC-01"),
        FindingConsequence(
            cause: "EVID-PARTIAL-POPULATION", consequence: "EVID-MISSING-PERIOD", scope: .sameItems(keptApartBy: "Population"),
            reason: "the periods before a control started operating are not started, not missing",
            example: AuditExample([
                "controls/AC-02.md": "---\nid: AC-02\ntitle: New\ncriteria: [CC6.1]\nowner: alice\nfrequency: quarterly\n---\n",
                "evidence/AC-02/2026-09-30-review.md": "first",
            ]),
            subject: "AC-02"),
    ]

    /// `findings` without those a `.subject` rule leaves out: a consequence raised on a subject
    /// its cause is raised on. Causes are taken from `findings` as given, so a rule never
    /// depends on the order of the others.
    public static func apply(to findings: [Finding]) -> [Finding] {
        let raised = Set(findings.map(\.key))
        let dropping = rules.filter { $0.scope == .subject }
        return findings.filter { finding in
            !dropping.contains { $0.consequence == finding.code && raised.contains(FindingKey(code: $0.cause, subject: finding.subject)) }
        }
    }
}
