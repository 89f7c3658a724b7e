/// Runs every audit check of `Auditor.checks` (BuiltInChecks.swift) and orders the findings by audit impact.
///
/// Whatever the checks return, the audit raises at most one finding per code and subject
/// (`FindingKey`): findings a check raised twice for one problem are merged into one, and a
/// finding that is the consequence of another on its subject is left out
/// (`FindingConsequences`). Each check also raises one finding per subject itself, which its
/// examples' test checks, so the merge is a guarantee, not the way a check reports.
public struct Auditor: Sendable {
    /// The primary checks' findings: computed once by `run`, or now when a check runs alone.
    static func primaryFindings(_ context: AuditContext) -> [Finding] {
        context.primaryFindings ?? resolved(primaryChecks.flatMap { $0.init().findings(context) })
    }

    public init() {}

    public func run(_ context: AuditContext) -> [Finding] {
        var context = context
        let primary = Self.resolved(Self.primaryChecks.flatMap { $0.init().findings(context) })
        context.primaryFindings = primary
        return Self.resolved(primary + Self.followUpChecks.flatMap { $0.init().findings(context) }).sorted {
            ($1.severity, $0.code, $0.subject) < ($0.severity, $1.code, $1.subject)
        }
    }

    /// One finding per key, without the consequences of others.
    static func resolved(_ findings: [Finding]) -> [Finding] {
        FindingConsequences.apply(to: oncePerKey(findings))
    }

    /// The findings with those of one key merged into the first of them: the most severe
    /// severity, the earliest due date, every period, item and piece of evidence once, and the
    /// messages one after the other.
    public static func oncePerKey(_ findings: [Finding]) -> [Finding] {
        var merged: [Finding] = []
        var position: [FindingKey: Int] = [:]
        for finding in findings {
            guard let index = position[finding.key] else {
                position[finding.key] = merged.count
                merged.append(finding)
                continue
            }
            var first = merged[index]
            first.severity = max(first.severity, finding.severity)
            first.owner = first.owner ?? finding.owner
            first.due = min(first.due, finding.due)
            if finding.status == .overdue { first.status = .overdue }
            if !first.message.contains(finding.message) { first.message += "; " + finding.message }
            first.evidence = FindingText.unique(first.evidence + finding.evidence)
            first.periods = Array(Set(first.periods + finding.periods)).sorted { ($0.start, $0.end) < ($1.start, $1.end) }
            first.items = FindingText.unique(first.items + finding.items)
            merged[index] = first
        }
        return merged
    }
}
