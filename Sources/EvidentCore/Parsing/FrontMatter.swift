import Yams

/// A Markdown file with YAML front matter: `---`, YAML, `---`, then the body.
struct FrontMatterDocument {
    /// The composed YAML, nil when the file has none.
    var yaml: Node?
    /// Lines before the YAML starts, to add to YAML line numbers.
    var lineOffset: Int
    var body: String

    /// Splits and composes; a syntax error becomes a located diagnostic. Lines may end in LF
    /// or CR LF and the file may start with a byte-order mark; the body is returned with LF
    /// line ends.
    static func parse(_ text: String, file: String, diagnostics: inout [Diagnostic]) -> FrontMatterDocument? {
        let lines = SourceText.lines(SourceText.withoutByteOrderMark(text))
        guard lines.first.map({ $0.trimmingTrailingWhitespace == "---" }) == true else {
            diagnostics.append(Diagnostic(
                ruleID: MappingReader.syntaxRule, severity: .error,
                message: "missing YAML front matter: the file must start with a line '---'",
                location: SourceLocation(file: file, line: 1, column: 1)))
            return nil
        }
        guard let end = lines.dropFirst().firstIndex(where: { ["---", "..."].contains($0.trimmingTrailingWhitespace) }) else {
            diagnostics.append(Diagnostic(
                ruleID: MappingReader.syntaxRule, severity: .error,
                message: "front matter is not closed: add a line '---' after the YAML",
                location: SourceLocation(file: file, line: 1, column: 1)))
            return nil
        }
        let yamlText = lines[1..<end].joined(separator: "\n")
        let body = lines[(end + 1)...].joined(separator: "\n")
        guard let node = compose(yamlText, file: file, lineOffset: 1, diagnostics: &diagnostics) else { return nil }
        return FrontMatterDocument(yaml: node, lineOffset: 1, body: body)
    }

    /// Composes YAML text; nil (with a diagnostic) when it is not valid YAML. A `lineOffset` of
    /// 0 means the text is the whole file.
    static func compose(_ text: String, file: String, lineOffset: Int, diagnostics: inout [Diagnostic]) -> Node? {
        do {
            return try YAMLText.compose(text) ?? Node.mapping(Node.Mapping([]))
        } catch {
            let error = lineOffset == 0 ? error.withinText(text) : error
            diagnostics.append(Diagnostic(ruleID: MappingReader.syntaxRule, severity: .error, message: error.message(lineOffset: lineOffset),
                                          location: SourceLocation(file: file, line: error.line + lineOffset, column: error.column)))
            return nil
        }
    }
}

extension Substring {
    var trimmingTrailingWhitespace: Substring {
        var text = self
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text = text.dropLast() }
        return text
    }
}
