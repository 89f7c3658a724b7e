/// The rule and check lists share one layout: a padded text table for the terminal and a
/// Markdown table for the README (whose generated sections are drift-tested).
enum Listing {
    struct Row {
        var id: String
        var severity: String
        var summary: String
    }

    static func text(_ rows: [Row], severityWidth: Int) -> String {
        let width = rows.map(\.id.count).max() ?? 0
        return rows.map { "\($0.id.padding(toLength: width))  \($0.severity.padding(toLength: severityWidth))  \($0.summary)\n" }.joined()
    }

    static func markdown(_ rows: [Row], headers: (id: String, severity: String, summary: String)) -> String {
        var out = "| \(headers.id) | \(headers.severity) | \(headers.summary) |\n|---|---|---|\n"
        for row in rows {
            out += "| `\(row.id)` | \(row.severity) | \(row.summary.replacingOccurrences(of: "|", with: "\\|")) |\n"
        }
        return out
    }
}
