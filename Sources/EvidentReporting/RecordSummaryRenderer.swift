import EvidentCore

/// The audit record in a few lines for the terminal: the cycle, the controls by result and every
/// finding. Every string of the record is written through `TerminalText.line(_:)`: a record can
/// be read back from a committed record.json, so none of its values is taken on trust.
public struct RecordSummaryRenderer: TextDocumentRenderer {
    public typealias Document = AuditRecord

    public init() {}

    public func text(_ record: AuditRecord) -> String {
        let line = TerminalText.line
        var out = "Internal audit of cycle \(line(record.cycle.id)) (\(line(record.cycle.start)) to \(line(record.cycle.end))) "
            + "at \(line(String(record.auditedCommit.prefix(10)))), clock \(line(record.clock))\n"
        var results: [ControlResult: Int] = [:]
        for control in record.controls { results[control.result, default: 0] += 1 }
        out += "\(record.controls.count) controls: "
            + ControlResult.allCases.map { "\(results[$0] ?? 0) \(Self.label($0))" }.joined(separator: ", ") + "\n"
        out += "\(record.findings.count) \(record.findings.count == 1 ? "finding" : "findings")\n"
        for finding in record.findings {
            out += "  \(finding.severity.rawValue.padding(toLength: 6)) \(line(finding.code)) \(line(finding.subject)): \(line(finding.message)) (due \(line(finding.due)))\n"
        }
        return out
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
