import EvidentCore

/// How `evident audit` groups the findings it prints (`--group-by`).
public enum FindingGrouping: String, CaseIterable, Sendable {
    /// By the owner who must act (among owners of equally severe findings, unowned findings last),
    /// each owner's by control or other subject.
    case owner
    /// By control, or the other subject a finding concerns (a policy, the cycle, a criterion).
    case control
    /// By finding code, the most severe code first.
    case code

    /// The findings in groups, in the order they are printed: the groups whose worst finding is
    /// most severe first, then by owner (unowned last), subject or code. Within a group, the
    /// overdue findings (past their due date at the clock) come first, then the open ones; each by
    /// subject, the subjects with the most severe findings first (so a capped group cuts the
    /// least severe), then severity (highest first) and code.
    public func groups(of findings: [AuditRecord.Finding]) -> [FindingGroup] {
        let key: (AuditRecord.Finding) -> FindingGroup.Heading = switch self {
        case .owner: { .owner($0.owner) }
        case .control: { .subject($0.subject) }
        case .code: { .code($0.code) }
        }
        var grouped: [FindingGroup.Heading: [AuditRecord.Finding]] = [:]
        for finding in findings { grouped[key(finding), default: []].append(finding) }
        let groups = grouped.map { heading, findings in
            var worst: [String: FindingSeverity] = [:]
            for finding in findings { worst[finding.subject] = max(worst[finding.subject] ?? finding.severity, finding.severity) }
            return FindingGroup(heading: heading, findings: findings.sorted { Self.listed($0, $1, worst: worst) })
        }
        // The groups with the most severe findings first, so that a listing cut at its line
        // budget leaves out the least severe groups, never a high finding for notes.
        return groups.sorted { lhs, rhs in
            let (left, right) = (lhs.findings.map(\.severity).max()!, rhs.findings.map(\.severity).max()!)
            return left != right ? left > right : Self.precedes(lhs.heading.sortKey, rhs.heading.sortKey)
        }
    }

    /// Overdue before open, then the subject's most severe finding (`worst`, highest first),
    /// subject, severity (highest first) and code.
    static func listed(_ lhs: AuditRecord.Finding, _ rhs: AuditRecord.Finding, worst: [String: FindingSeverity]) -> Bool {
        let (left, right) = (lhs.status == .overdue, rhs.status == .overdue)
        if left != right { return left }
        if lhs.subject != rhs.subject {
            let (leftWorst, rightWorst) = (worst[lhs.subject] ?? lhs.severity, worst[rhs.subject] ?? rhs.severity)
            return leftWorst != rightWorst ? leftWorst > rightWorst : precedes(lhs.subject, rhs.subject)
        }
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        return precedes(lhs.code, rhs.code)
    }

    /// UTF-8 order, the same on every platform.
    static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }
}

/// Findings that share an owner, a subject or a code.
public struct FindingGroup: Sendable, Equatable {
    /// What the findings of the group share.
    public enum Heading: Hashable, Sendable {
        /// The people key of the owner; nil for findings no one owns.
        case owner(String?)
        case subject(String)
        case code(String)

        /// Sorts the headings; findings no one owns last.
        var sortKey: String {
            switch self {
            case .owner(let owner): owner.map { "0" + $0 } ?? "1"
            case .subject(let subject): subject
            case .code(let code): code
            }
        }
    }

    public var heading: Heading
    /// In the order they are printed (`FindingGrouping.listed`).
    public var findings: [AuditRecord.Finding]
}

/// A group's findings, one line each, in columns: the subject (unless the group is one
/// subject's), printed once for a run of findings on it; the severity; the code (unless the
/// group is one code's); the message, shortened (`ShortMessage`) unless `shortens` is off, an
/// overdue finding's opening with when it was due.
struct FindingLines {
    /// Past this width (the longest finding code's), a subject or code no longer widens its
    /// column: one long value does not push every other line to the right.
    static let widestColumn = 27

    var grouping: FindingGrouping
    var findings: [AuditRecord.Finding]
    /// Off for `--all`, which prints each message whole.
    var shortens = true

    var text: String {
        let subjects = grouping == .control ? nil : findings.map { TerminalText.line($0.subject) }
        let codes = grouping == .code ? nil : findings.map { TerminalText.line($0.code) }
        let subjectWidth = min(Self.widestColumn, subjects?.map(\.count).max() ?? 0)
        let codeWidth = min(Self.widestColumn, codes?.map(\.count).max() ?? 0)
        let severityWidth = FindingSeverity.allCases.map(\.rawValue.count).max()!
        var out = ""
        for (index, finding) in findings.enumerated() {
            var columns: [String] = []
            if let subjects {
                let repeated = index > 0 && findings[index - 1].subject == finding.subject
                columns.append((repeated ? "" : subjects[index]).padding(toLength: subjectWidth))
            }
            columns.append(finding.severity.rawValue.padding(toLength: severityWidth))
            if let codes { columns.append(codes[index].padding(toLength: codeWidth)) }
            let message = TerminalText.line(shortens ? ShortMessage.of(finding.message, subject: finding.subject) : finding.message)
            columns.append(finding.status == .overdue ? "overdue since \(TerminalText.line(finding.due)): \(message)" : message)
            out += "  " + columns.joined(separator: "  ") + "\n"
        }
        return out
    }
}
