/// The rule and check lists share one layout: a padded text table for the terminal and a
/// Markdown table for the README (whose generated sections are drift-tested). Their ids and
/// summaries are Evident's own text, compiled in, and the summaries are written as Markdown
/// (code spans name keys and commands), so they are not encoded the way repository content is.
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
