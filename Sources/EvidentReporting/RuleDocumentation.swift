import EvidentCore

/// The rule list, generated from the rules' own descriptions: for `--list-rules` and the README.
public enum RuleDocumentation {
    public enum Format { case text, json, markdown }

    struct Entry: Encodable {
        var id: String
        var name: String
        var severity: String
        var summary: String
    }

    public static func render(format: Format) throws -> String {
        let rules = Linter.rules.map { $0.description }
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
