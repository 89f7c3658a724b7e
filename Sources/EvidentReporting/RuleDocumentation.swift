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
        switch format {
        case .text:
            let width = rules.map(\.id.count).max() ?? 0
            return rules.map { "\($0.id.padding(toLength: width))  \($0.severity.rawValue.padding(toLength: 7))  \($0.summary)\n" }.joined()
        case .json:
            return try JSONOutput.encode(rules.map { Entry(id: $0.id, name: $0.name, severity: $0.severity.rawValue, summary: $0.summary) })
        case .markdown:
            var out = "| rule | severity | checks |\n|---|---|---|\n"
            for rule in rules {
                out += "| `\(rule.id)` | \(rule.severity.rawValue) | \(rule.summary.replacingOccurrences(of: "|", with: "\\|")) |\n"
            }
            return out
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
