/// Values from a repository written into Markdown: `record.md`, the Markdown of `lint`, `pr` and
/// `diff`, which GitHub renders in pull-request comments and job summaries.
///
/// A value renders as the text it is and never as markup:
///
/// - **Running text and table cells** (`inline(_:)`): the characters that make links, images,
///   raw HTML, entities, code spans, math, emphasis or strikethrough, or a new table cell
///   (`\` `` ` `` `[` `]` `<` `>` `&` `$` `*` `~` `|`) are backslash-escaped; line breaks become
///   spaces, as Markdown itself joins the lines of a paragraph; other control and bidirectional
///   formatting characters are written as `TerminalText` writes them (`\033`). Letters, digits,
///   `-`, `.`, `/`, `:`, `#`, `@`, `_` and spaces are left alone, so ids, dates, paths, handles
///   and YAML keys read as they are in the raw file (an underscore inside a word emphasizes
///   nothing in GitHub's Markdown).
/// - **Code spans** (`code(_:in:)`), which show paths and ids exactly: control characters, line
///   breaks included, are written as `TerminalText` writes them (`\n`), since a backslash is
///   literal in a code span; the fence is one backtick longer than the longest run in the value,
///   so the value cannot close it.
/// - **Raw HTML inside Markdown** (`html(_:)`) and **fenced code blocks** (`codeBlock(_:info:)`)
///   are escaped for what they are, since Markdown's backslash escapes do not apply in them.
///
/// No line can start with `::`, for the reason `TerminalText` gives: a value holds no line break,
/// and a value's leading colon is escaped (`\:`, which renders as `:`).
public enum MarkdownText {
    /// Where a code span goes: in a table cell a `|` splits the cell even inside a code span, so
    /// it is escaped there (GitHub removes the backslash); elsewhere it is kept as it is.
    public enum Context: Sendable {
        case text, tableCell
    }

    /// `text` in running text or in a table cell.
    public static func inline(_ text: String) -> String {
        var text = text
        let plain = text.withUTF8 { utf8 in
            utf8.first != UInt8(ascii: ":") && utf8.first != UInt8(ascii: " ") && utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && !markup.contains($0) }
        }
        if plain { return text }
        var out = ""
        var guarding = WorkflowCommandGuard(startsLine: true)
        forEachScalar(of: text, breaksAs: " ") { scalar in
            if let escape = TerminalText.escape(scalar) {
                out += escape
                guarding.wroteEscape()
            } else if scalar.isASCII && markup.contains(UInt8(scalar.value)) {
                out += "\\" + String(scalar)
                guarding.wroteEscape()
            } else if guarding.mustEscape(scalar) {
                out += "\\" + String(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `text` as a code span, fence included: `` `AC-01` ``.
    public static func code(_ text: String, in context: Context = .text) -> String {
        var text = text
        let plain = text.withUTF8 { utf8 in
            utf8.first.map { $0 != space } == true && utf8.last != space
                && utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != backtick && $0 != UInt8(ascii: "|") && $0 != UInt8(ascii: "[") }
        }
        if plain { return "`" + text + "`" }
        var body = ""
        // The span's opening fence comes before the value, so only `##[` needs guarding.
        var guarding = WorkflowCommandGuard(startsLine: false)
        for scalar in text.unicodeScalars {
            if let escape = TerminalText.escape(scalar) {
                body += escape
                guarding.wroteEscape()
            } else if guarding.mustEscape(scalar) {
                body += TerminalText.octal(UInt8(scalar.value))
            } else if scalar == "|" && context == .tableCell {
                body += "\\|"
            } else {
                body.unicodeScalars.append(scalar)
            }
        }
        let fence = String(repeating: "`", count: longestBacktickRun(in: body) + 1)
        // One space each side is stripped when both are there; it keeps a backtick at either end
        // off the fence, and a value that starts and ends with spaces intact.
        let (first, last) = (body.utf8.first, body.utf8.last)
        let padded = first == nil || first == backtick || last == backtick
            || first == space && last == space && body.utf8.contains { $0 != space }
        return padded ? "\(fence) \(body) \(fence)" : fence + body + fence
    }

    /// `text` inside a raw HTML element of a Markdown document (a `<summary>`): Markdown leaves
    /// the element's content to HTML, so the value is HTML-escaped, on one line (a blank line
    /// would end the HTML block), with control characters written as `TerminalText` does and the
    /// `[` of a `##[` as a character reference.
    static func html(_ text: String) -> String {
        var line = ""
        // The element's tags come first on the line, so only `##[` needs guarding.
        var guarding = WorkflowCommandGuard(startsLine: false)
        forEachScalar(of: text, breaksAs: " ") { scalar in
            if let escape = TerminalText.escape(scalar) {
                line += HTMLText.escape(escape)
                guarding.wroteEscape()
            } else if guarding.mustEscape(scalar) {
                line += "&#\(scalar.value);"
            } else {
                line += HTMLText.escape(String(scalar))
            }
        }
        return line
    }

    /// `lines` as a fenced code block with `info` (`diff`) after the opening fence. Each line is
    /// written as `TerminalText.line(_:)` writes it, since nothing is escaped inside the block,
    /// and the fence is longer than any run of backticks in the lines, so none can close it.
    static func codeBlock(_ lines: [String], info: String) -> String {
        let body = lines.map(TerminalText.line)
        let fence = String(repeating: "`", count: max(3, body.map { longestBacktickRun(in: $0) }.max().map { $0 + 1 } ?? 0))
        return "\(fence)\(info)\n" + body.map { $0 + "\n" }.joined() + "\(fence)\n"
    }

    // MARK: Helpers

    /// The ASCII characters `inline(_:)` backslash-escapes.
    private static let markup: Set<UInt8> = Set("\\`[]<>&$*~|".utf8)

    /// Calls `body` with each scalar of `text`, a line break (LF, CR, CRLF, NEL, LS, PS) passed
    /// as `replacement`.
    private static func forEachScalar(of text: String, breaksAs replacement: Unicode.Scalar, _ body: (Unicode.Scalar) -> Void) {
        var afterCR = false
        for scalar in text.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            switch scalar {
            case "\n" where afterCR: continue
            case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}": body(replacement)
            default: body(scalar)
            }
        }
    }

    private static let backtick = UInt8(ascii: "`")
    private static let space = UInt8(ascii: " ")

    /// The longest run of backticks, counted in bytes: a Markdown parser sees a backtick followed
    /// by a combining mark as a backtick, though Swift sees one Character.
    private static func longestBacktickRun(in text: String) -> Int {
        var longest = 0
        var run = 0
        for byte in text.utf8 {
            run = byte == backtick ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }
}
