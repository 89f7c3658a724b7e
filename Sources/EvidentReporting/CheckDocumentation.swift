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

    public static func render(format: Format) throws -> String {
        let checks = Auditor.checks.map { $0.description }
        switch format {
        case .text:
            let width = checks.map(\.code.count).max() ?? 0
            let severityWidth = FindingSeverity.allCases.map(\.rawValue.count).max() ?? 0
            return checks.map {
                "\($0.code.padding(toLength: width))  \($0.severity.rawValue.padding(toLength: severityWidth))  \($0.summary)\n"
            }.joined()
        case .json:
            return try JSONOutput.encode(checks.map { Entry(code: $0.code, severity: $0.severity.rawValue, summary: $0.summary) })
        case .markdown:
            var out = "| finding | severity | raised when |\n|---|---|---|\n"
            for check in checks {
                out += "| `\(check.code)` | \(check.severity.rawValue) | \(check.summary.replacingOccurrences(of: "|", with: "\\|")) |\n"
            }
            return out
        }
    }
}
