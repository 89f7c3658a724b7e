import Foundation

/// A report made of titled sections of paragraphs, tables and diffs, rendered as plain text,
/// Markdown or a self-contained HTML page: the renewal diff and the pull-request review.
public struct ReportDocument {
    /// The three ways a report is laid out.
    public enum Layout: Sendable, CaseIterable { case text, markdown, html }

    func rendered(as layout: Layout) -> String {
        switch layout {
        case .text: text()
        case .markdown: markdown()
        case .html: html()
        }
    }

    enum Block {
        case paragraph(String)
        /// A table; an empty one is left out.
        case table(headers: [String], rows: [[String]])
        /// A list of short lines.
        case list([String])
        /// A line diff (`+ `, `- `, `  `, `@@`) under a caption.
        case diff(caption: String, lines: [String])
    }

    struct Section {
        var title: String
        var blocks: [Block]
    }

    var title: String
    var facts: [(String, String)]
    var sections: [Section]

    func text() -> String {
        var out = "\(title)\n\(String(repeating: "=", count: title.count))\n"
        for (label, value) in facts { out += "\(label): \(value)\n" }
        for section in sections {
            out += "\n\(section.title)\n\(String(repeating: "-", count: section.title.count))\n"
            for block in section.blocks {
                switch block {
                case .paragraph(let text): out += text + "\n"
                case .table(let headers, let rows):
                    guard !rows.isEmpty else { continue }
                    let widths = headers.indices.map { column in ([headers[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0 }
                    let line = { (cells: [String]) in
                        zip(cells, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined(separator: "  ")
                            .replacingTrailingSpaces() + "\n"
                    }
                    out += line(headers)
                    for row in rows { out += line(row) }
                case .list(let items): out += items.map { "- \($0)\n" }.joined()
                case .diff(let caption, let lines): out += "\(caption):\n" + lines.map { "    \($0)\n" }.joined()
                }
            }
        }
        return out
    }

    func markdown() -> String {
        var out = "# \(title)\n\n"
        for (label, value) in facts { out += "- **\(label)**: \(value)\n" }
        for section in sections {
            out += (out.hasSuffix("\n\n") ? "" : "\n") + "## \(section.title)\n\n"
            for block in section.blocks {
                switch block {
                case .paragraph(let text): out += text + "\n\n"
                case .table(let headers, let rows):
                    guard !rows.isEmpty else { continue }
                    out += "| " + headers.map(cell).joined(separator: " | ") + " |\n"
                    out += "|" + String(repeating: "---|", count: headers.count) + "\n"
                    for row in rows { out += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
                    out += "\n"
                case .list(let items): out += items.map { "- \($0)\n" }.joined() + "\n"
                case .diff(let caption, let lines):
                    let fence = lines.contains { $0.contains("```") } ? "~~~~" : "```"
                    out += "<details><summary>\(caption)</summary>\n\n\(fence)diff\n" + lines.map(unifiedLine).joined(separator: "\n") + "\n\(fence)\n\n</details>\n\n"
                }
            }
        }
        return out
    }

    func html() -> String {
        let escape = RecordHTMLRenderer.escape
        var out = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <title>\(escape(title))</title>
            <style>
            \(RecordHTMLRenderer.style)
            pre{background:#f6f8fa;border:1px solid #d5dae1;padding:.5rem;overflow:auto}.add{color:#1a7f37}.del{color:#a40e26}.hunk{color:#5b6572}
            </style></head><body>
            <h1>\(escape(title))</h1>
            <table>

            """
        for (label, value) in facts { out += "<tr><th>\(escape(label))</th><td>\(escape(value))</td></tr>\n" }
        out += "</table>\n"
        for section in sections {
            out += "<h2>\(escape(section.title))</h2>\n"
            for block in section.blocks {
                switch block {
                case .paragraph(let text): out += "<p>\(escape(text))</p>\n"
                case .table(let headers, let rows):
                    guard !rows.isEmpty else { continue }
                    out += "<table><tr>" + headers.map { "<th>\(escape($0))</th>" }.joined() + "</tr>\n"
                    for row in rows { out += "<tr>" + row.map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n" }
                    out += "</table>\n"
                case .list(let items): out += "<ul>" + items.map { "<li>\(escape($0))</li>" }.joined() + "</ul>\n"
                case .diff(let caption, let lines):
                    out += "<p>\(escape(caption))</p>\n<pre>"
                    out += lines.map { line in
                        let kind = line.hasPrefix("+") ? "add" : line.hasPrefix("-") ? "del" : line.hasPrefix("@@") ? "hunk" : ""
                        return kind.isEmpty ? escape(line) : "<span class=\"\(kind)\">\(escape(line))</span>"
                    }.joined(separator: "\n")
                    out += "</pre>\n"
                }
            }
        }
        return out + "</body></html>\n"
    }

    /// `+ text` → `+text`, as a unified diff shows it.
    private func unifiedLine(_ line: String) -> String {
        line == "@@" ? "@@" : String(line.prefix(1)) + line.dropFirst(2)
    }

    private func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}

extension String {
    fileprivate func replacingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
