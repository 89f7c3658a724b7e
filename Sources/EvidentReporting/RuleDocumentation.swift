import EvidentCore

/// The rule list, generated from the rules' own descriptions: for `--list-rules` and the README.
public enum RuleDocumentation {
    /// The formats of `evident lint --list-rules`.
    public enum Format: String, CaseIterable, Sendable {
        case text, json, markdown
    }

    struct Entry: Encodable {
        var id: String
        var name: String
        var severity: String
        var summary: String
    }

    /// Every built-in rule in `format`.
    public static func render(format: Format) throws -> String {
        try RuleListRenderer(format: format).string(Linter.rules.map { $0.description })
    }

    fileprivate static func render(_ rules: [RuleDescription], format: Format) throws -> String {
        let rows = rules.map { Listing.Row(id: $0.id, severity: $0.severity.rawValue, summary: $0.summary) }
        switch format {
        case .text: return Listing.text(rows, severityWidth: 7)
        case .json: return try JSONOutput.encode(rules.map { Entry(id: $0.id, name: $0.name, severity: $0.severity.rawValue, summary: $0.summary) })
        case .markdown: return Listing.markdown(rows, headers: ("rule", "severity", "checks"))
        }
    }
}

/// The rule list in one format (`evident lint --list-rules`).
public struct RuleListRenderer: TextDocumentRenderer {
    public typealias Document = [RuleDescription]

    public var format: RuleDocumentation.Format

    public init(format: RuleDocumentation.Format) {
        self.format = format
    }

    public func text(_ rules: [RuleDescription]) throws -> String {
        try RuleDocumentation.render(rules, format: format)
    }
}
