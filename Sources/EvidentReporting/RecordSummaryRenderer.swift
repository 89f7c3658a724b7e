import EvidentCore

/// `evident audit` for a person at a terminal, from the record alone. First a summary: the
/// cycle, the controls by conclusion, the findings by severity and how many are overdue, and
/// what falls due next (what is overdue but still counts apart from what is upcoming). Then the
/// findings grouped (`FindingGrouping`), one line each, overdue ones first in their group, long
/// groups and long listings capped (`ListingLimits`) with a line that counts the rest and says
/// where they are. `unlimited` (`--all`) lists every finding and deadline, each message whole.
///
/// Every string of the record is written through `TerminalText`: a record can be read back
/// from a committed record.json, so none of its values is taken on trust.
public struct RecordSummaryRenderer: TextDocumentRenderer {
    public typealias Document = AuditRecord

    /// Where the findings and deadlines a capped listing leaves out can be read.
    public enum Elsewhere: Sendable, Equatable {
        /// In the record just written to `folder` (relative to the repository top).
        case record(folder: String)
        /// Nowhere yet: a dry run, which would have written the record to `folder`.
        case notWritten(folder: String)
        /// Only with `--all`.
        case allFlag
    }

    /// The caps of a listing that should fit a screen: the year of a small program's findings
    /// and the summary above them take at most 40 lines.
    public static let screenLimits = ListingLimits(perGroup: 6, lines: 24)
    /// How many deadlines the summary lists before it counts the rest (all of them when the
    /// listing is `unlimited`).
    public static let dueLines = 3

    public var grouping: FindingGrouping
    public var limits: ListingLimits
    public var elsewhere: Elsewhere

    public init(grouping: FindingGrouping = .owner, limits: ListingLimits = screenLimits, elsewhere: Elsewhere = .allFlag) {
        self.grouping = grouping
        self.limits = limits
        self.elsewhere = elsewhere
    }

    public func text(_ record: AuditRecord) -> String {
        let line = TerminalText.line
        var out = "Internal audit of cycle \(line(record.cycle.id)) (\(line(record.cycle.start)) to \(line(record.cycle.end))) "
            + "at \(line(String(record.auditedCommit.prefix(10)))), clock \(line(record.clock))\n"
        out += controls(record) + "\n"
        out += findings(record) + "\n"
        out += due(record)
        let groups = grouping.groups(of: record.findings)
        guard !groups.isEmpty else { return out }
        out += "\n" + grouped(groups, record)
        return out
    }

    // MARK: The summary

    /// "9 controls: 3 effective, 1 with exceptions, 5 ineffective, 0 not occurring, 0 not tested"
    func controls(_ record: AuditRecord) -> String {
        var results: [ControlResult: Int] = [:]
        for control in record.controls { results[control.result, default: 0] += 1 }
        return "\(Self.count(record.controls.count, "control")): "
            + ControlResult.allCases.map { "\(results[$0] ?? 0) \(Self.label($0))" }.joined(separator: ", ")
    }

    /// "8 findings: 5 high, 3 medium, 0 low, 0 info; 2 overdue, 6 open, the first due 2027-01-18"
    func findings(_ record: AuditRecord) -> String {
        let findings = record.findings
        guard !findings.isEmpty else { return "No findings" }
        var severities: [FindingSeverity: Int] = [:]
        for finding in findings { severities[finding.severity, default: 0] += 1 }
        let bySeverity = FindingSeverity.allCases.reversed().map { "\(severities[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
        let overdue = findings.filter { $0.status == .overdue }
        let open = findings.filter { $0.status != .overdue }
        var standing = "\(overdue.count) overdue (past their due date), \(open.count) open"
        if let first = open.map(\.due).min(by: FindingGrouping.precedes) { standing += ", the first due \(TerminalText.line(first))" }
        return "\(Self.count(findings.count, "finding")): \(bySeverity); \(standing)"
    }

    /// What falls due within the record's horizon: counts, then the first few deadlines, what
    /// is overdue but still counts before what is upcoming. Nothing for a record of a format
    /// before 4, which does not say.
    func due(_ record: AuditRecord) -> String {
        guard record.due != nil else { return "" }
        // As the report counts them: entries whose dates do not read (a record edited by hand) are left out.
        let entries = record.dueItems
        let within = record.dueWithin ?? AuditRecord.dueWithinDays
        let span = "the \(Self.count(within, "day")) to " + ((Day(record.clock).map { $0.adding(days: within).description }) ?? TerminalText.line(record.clock))
        guard !entries.isEmpty else { return "Nothing falls due in \(span).\n" }
        let overdue = entries.filter { $0.status == .overdue }.count
        var out = "Due in \(span): \(overdue) overdue but still counted if landed now, \(entries.count - overdue) upcoming\n"
        let runs = DueRun.runs(of: entries)
        let names = Self.names(record)
        let shown = limits == .unlimited ? runs.count : Self.dueLines
        for run in runs.prefix(shown) {
            let listed = DueLines.line(run, values: TerminalText.line, paths: TerminalText.path)
            let status = run.first.status == .overdue ? "overdue " : "upcoming"
            out += "  \(status)  \(listed.deadline)  \(Self.owner(run.first.owner, names: names)): \(listed.what)\n"
        }
        if runs.count > shown {
            let more = runs.dropFirst(shown).map(\.items.count).reduce(0, +)
            out += "  " + MoreLine.text(more, more == 1 ? "deadline" : "deadlines", elsewhere: "`evident due --now \(TerminalText.line(record.clock))` lists them all") + "\n"
        }
        return out
    }

    // MARK: The grouped findings

    func grouped(_ groups: [FindingGroup], _ record: AuditRecord) -> String {
        let names = Self.names(record)
        let titles = Dictionary(record.controls.compactMap { control in control.title.map { (control.id, $0) } }) { first, _ in first }
        var out = switch grouping {
        case .owner: "Findings by owner, then control:\n"
        case .control: "Findings by control:\n"
        case .code: "Findings by code:\n"
        }
        let plan = limits.plan(groups.map(\.findings.count))
        for (group, listed) in zip(groups, plan) where listed > 0 {
            let overdue = group.findings.filter { $0.status == .overdue }.count
            let heading: String = switch group.heading {
            case .owner(let owner): Self.owner(owner, names: names)
            case .subject(let subject): TerminalText.line(subject) + (titles[subject].map { " " + TerminalText.line($0) } ?? "")
            case .code(let code): TerminalText.line(code)
            }
            out += "\(heading): \(Self.count(group.findings.count, "finding"))\(overdue > 0 ? ", \(overdue) overdue" : "")\n"
            out += FindingLines(grouping: grouping, findings: Array(group.findings.prefix(listed)), shortens: limits != .unlimited).text
            if listed < group.findings.count {
                out += "  " + MoreLine.text(group.findings.count - listed, elsewhere: elsewhereText(record)) + "\n"
            }
        }
        if let cut = plan.firstIndex(of: 0) {
            let left = groups[cut...]
            let findings = left.map(\.findings.count).reduce(0, +)
            let noun = switch grouping {
            case .owner: left.count == 1 ? "owner" : "owners"
            case .control: left.count == 1 ? "subject" : "subjects"
            case .code: left.count == 1 ? "code" : "codes"
            }
            out += MoreLine.text(findings, "\(findings == 1 ? "finding" : "findings") of \(left.count) more \(noun)", elsewhere: elsewhereText(record)) + "\n"
        }
        return out
    }

    /// Where what a capped listing leaves out is, in words.
    func elsewhereText(_ record: AuditRecord) -> String {
        switch elsewhere {
        case .record(let folder): "see \(TerminalText.path(folder + "/record.md")), or run with --all"
        case .notWritten(let folder): "run with --all, or without --dry-run to write \(TerminalText.path(folder + "/record.md"))"
        case .allFlag: "run with --all to list them"
        }
    }

    /// The owners' names the record knows: those of the interviewees (format 4 and later).
    static func names(_ record: AuditRecord) -> [String: String] {
        Dictionary((record.interviews ?? []).compactMap { interview in interview.name.map { (interview.owner, $0) } }) { first, _ in first }
    }

    /// "alice (Alice Smith)", "bob" when the record has no name for them, or "No owner".
    static func owner(_ key: String?, names: [String: String]) -> String {
        guard let key else { return "No owner" }
        return TerminalText.line(key) + (names[key].map { " (\(TerminalText.line($0)))" } ?? "")
    }

    /// "1 finding", "8 findings".
    static func count(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// How a control result reads in a sentence.
    static func label(_ result: ControlResult) -> String {
        switch result {
        case .effective: "effective"
        case .exceptions: "with exceptions"
        case .ineffective: "ineffective"
        case .notOccurring: "not occurring"
        case .notTested: "not tested"
        }
    }

    /// How the approver made the binding commit, as a verb.
    static func label(_ binding: ProvenApproval.Binding) -> String {
        switch binding {
        case .author: "authored"
        case .committer: "committed"
        }
    }

    /// How a period state reads in a sentence.
    static func label(_ state: PeriodResult.State) -> String {
        switch state {
        case .onTime: "on time"
        case .late: "late"
        case .missing: "missing"
        case .pending: "pending"
        case .notStarted: "not started"
        }
    }
}
