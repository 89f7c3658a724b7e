import EvidentCore

/// The list of findings the audit can raise, generated from the checks' own descriptions in
/// registry order: for `evident audit --list-checks` and the README, so neither can drift from
/// the code. A code raised by two checks (INDEP-CONFLICT) is listed once per check, since each
/// says what raises it.
public enum CheckDocumentation {
    /// The same formats as the rule list, so the two listings are asked for alike.
    public typealias Format = RuleDocumentation.Format

    struct Entry: Encodable {
        var code: String
        var severity: String
        var summary: String
    }

    /// Every built-in check in `format`.
    public static func render(format: Format) throws -> String {
        try CheckListRenderer(format: format).string(Auditor.checks.map { $0.description })
    }

    fileprivate static func render(_ checks: [CheckDescription], format: Format) throws -> String {
        let rows = checks.map { Listing.Row(id: $0.code, severity: $0.severity.rawValue, summary: $0.summary) }
        switch format {
        case .text: return Listing.text(rows, severityWidth: FindingSeverity.allCases.map(\.rawValue.count).max() ?? 0)
        case .json: return try JSONOutput.encode(checks.map { Entry(code: $0.code, severity: $0.severity.rawValue, summary: $0.summary) })
        case .markdown: return Listing.markdown(rows, headers: ("finding", "severity", "raised when"))
        }
    }
}

/// The check list in one format (`evident audit --list-checks`).
public struct CheckListRenderer: TextDocumentRenderer {
    public typealias Document = [CheckDescription]

    public var format: CheckDocumentation.Format

    public init(format: CheckDocumentation.Format) {
        self.format = format
    }

    public func text(_ checks: [CheckDescription]) throws -> String {
        try CheckDocumentation.render(checks, format: format)
    }
}
