import Foundation

/// A report made of titled sections of paragraphs, tables and diffs, rendered as plain text,
/// Markdown or a self-contained HTML page: the renewal diff and the pull-request review.
///
/// Every string a report holds is text, never markup: ids, titles, owners, paths and messages
/// from the repository are mixed into its sentences, so each layout writes every string through
/// its encoder (`TerminalText`, `MarkdownText`, `HTMLText`) and adds only its own markup around.
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
        let line = TerminalText.line
        let title = line(self.title)
        var out = "\(title)\n\(String(repeating: "=", count: title.count))\n"
        for (label, value) in facts { out += "\(line(label)): \(line(value))\n" }
        for section in sections {
            let sectionTitle = line(section.title)
            out += "\n\(sectionTitle)\n\(String(repeating: "-", count: sectionTitle.count))\n"
            for block in section.blocks {
                switch block {
                case .paragraph(let text): out += line(text) + "\n"
                case .table(let headers, let rows):
                    guard !rows.isEmpty else { continue }
                    let (headers, rows) = (headers.map(line), rows.map { $0.map(line) })
                    let widths = headers.indices.map { column in ([headers[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0 }
                    let line = { (cells: [String]) in
                        zip(cells, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined(separator: "  ")
                            .replacingTrailingSpaces() + "\n"
                    }
                    out += line(headers)
                    for row in rows { out += line(row) }
                case .list(let items): out += items.map { "- \(line($0))\n" }.joined()
                // Each diff line is encoded whole, its marker included: a context line's leading
                // blanks then count as the line's start.
                case .diff(let caption, let lines): out += "\(line(caption)):\n" + lines.map { "    \(line($0))\n" }.joined()
                }
            }
        }
        return out
    }

    func markdown() -> String {
        let inline = MarkdownText.inline
        var out = "# \(inline(title))\n\n"
        for (label, value) in facts { out += "- **\(inline(label))**: \(inline(value))\n" }
        for section in sections {
            out += (out.hasSuffix("\n\n") ? "" : "\n") + "## \(inline(section.title))\n\n"
            for block in section.blocks {
                switch block {
                case .paragraph(let text): out += inline(text) + "\n\n"
                case .table(let headers, let rows):
                    guard !rows.isEmpty else { continue }
                    out += "| " + headers.map(inline).joined(separator: " | ") + " |\n"
                    out += "|" + String(repeating: "---|", count: headers.count) + "\n"
                    for row in rows { out += "| " + row.map(inline).joined(separator: " | ") + " |\n" }
                    out += "\n"
                case .list(let items): out += items.map { "- \(inline($0))\n" }.joined() + "\n"
                case .diff(let caption, let lines):
                    out += "<details><summary>\(MarkdownText.html(caption))</summary>\n\n" + MarkdownText.codeBlock(lines.map(unifiedLine), info: "diff") + "\n</details>\n\n"
                }
            }
        }
        return out
    }

    func html() -> String {
        let escape = HTMLText.escape
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
                        let marker = line.unicodeScalars.first
                        let kind = marker == "+" ? "add" : marker == "-" ? "del" : line.utf8.starts(with: "@@".utf8) ? "hunk" : ""
                        return kind.isEmpty ? escape(line) : "<span class=\"\(kind)\">\(escape(line))</span>"
                    }.joined(separator: "\n")
                    out += "</pre>\n"
                }
            }
        }
        return out + "</body></html>\n"
    }

    /// `+ text` → `+text`, as a unified diff shows it. Cut by scalars: a line's text may begin
    /// with a combining mark, which would make one Character with the space before it.
    private func unifiedLine(_ line: String) -> String {
        line == "@@" ? "@@" : String(String.UnicodeScalarView(line.unicodeScalars.prefix(1) + line.unicodeScalars.dropFirst(2)))
    }
}

extension String {
    fileprivate func replacingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
