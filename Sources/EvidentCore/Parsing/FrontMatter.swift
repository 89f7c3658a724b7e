import Yams

/// A Markdown file with YAML front matter: `---`, YAML, `---`, then the body.
struct FrontMatterDocument {
    /// The composed YAML, nil when the file has none.
    var yaml: Node?
    /// Lines before the YAML starts, to add to YAML line numbers.
    var lineOffset: Int
    var body: String

    /// Splits and composes; a syntax error becomes a located diagnostic.
    static func parse(_ text: String, file: String, diagnostics: inout [Diagnostic]) -> FrontMatterDocument? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.first?.hasPrefix("\u{FEFF}") == true { lines[0] = lines[0].dropFirst() }
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

    /// Composes YAML text; nil (with a diagnostic) when it is not valid YAML.
    static func compose(_ text: String, file: String, lineOffset: Int, diagnostics: inout [Diagnostic]) -> Node? {
        do {
            return try Yams.compose(yaml: text, .basic, .default, .utf8) ?? Node.mapping(Node.Mapping([]))
        } catch let error as YamlError {
            let input = YAMLErrors.inputError(error, file: file)
            var location = input.location ?? SourceLocation(file: file, line: 1, column: 1)
            location.line += lineOffset
            diagnostics.append(Diagnostic(ruleID: MappingReader.syntaxRule, severity: .error, message: input.message, location: location))
            return nil
        } catch {
            diagnostics.append(Diagnostic(ruleID: MappingReader.syntaxRule, severity: .error, message: "invalid YAML: \(error)",
                                          location: SourceLocation(file: file, line: 1 + lineOffset, column: 1)))
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
