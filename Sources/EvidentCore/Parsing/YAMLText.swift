import Yams

/// A problem that makes YAML text unreadable: one line of words, and where it is (1-based line
/// and column within the text that was composed).
struct YAMLProblem: Error, Sendable, Equatable {
    /// A position the message refers to besides the problem's own.
    struct Reference: Sendable, Equatable {
        enum Kind: Sendable, Equatable {
            /// What libyaml was reading when it met the problem (`while parsing a flow sequence`).
            case context(String)
            /// Where a duplicated key was first set.
            case firstSetting
        }

        var kind: Kind
        var line: Int
        var column: Int
    }

    var summary: String
    var line: Int
    var column: Int
    var reference: Reference?

    init(_ summary: String, line: Int, column: Int, reference: Reference? = nil) {
        self.summary = summary
        self.line = line
        self.column = column
        self.reference = reference
    }

    /// The problem with its position moved back into `text`, for text that is a whole file: at
    /// the end of the stream libyaml starts a line after the last one, which such a file does
    /// not have. That position becomes the end of the last line. (Front matter keeps it: the
    /// line after its YAML is the closing `---`.)
    func withinText(_ text: String) -> YAMLProblem {
        let lines = SourceText.lines(text)
        guard line > lines.count, let last = lines.last else { return self }
        var moved = self
        moved.line = lines.count
        moved.column = last.unicodeScalars.count + 1
        return moved
    }

    /// The message, for text that starts `lineOffset` lines into its file.
    func message(lineOffset: Int) -> String {
        guard let reference else { return summary }
        let position = "line \(reference.line + lineOffset), column \(reference.column)"
        switch reference.kind {
        case .context(let text): return "\(summary) (\(text) at \(position))"
        case .firstSetting: return "\(summary): it is already set at \(position)"
        }
    }
}

/// Composes every YAML file Evident reads (evident.yaml, front matter, sidecars, workpapers).
///
/// Yams' own error descriptions quote the document, sometimes all of it, over several lines;
/// here each error becomes one line that says what is wrong and points at it, so a message
/// never carries the file's contents.
enum YAMLText {
    /// The composed document (nil when the text holds none). A leading byte-order mark is
    /// dropped first; CR LF line ends are read by libyaml as line ends.
    static func compose(_ text: some StringProtocol) throws(YAMLProblem) -> Node? {
        let text = String(SourceText.withoutByteOrderMark(text))
        do {
            let node = try Yams.compose(yaml: text, .basic, .default, .utf8)
            // A document that holds nothing (`---` alone) is read as no document: its empty
            // node sits where libyaml ends the stream, a line after the last.
            if case .scalar(let scalar)? = node, scalar.string.isEmpty, scalar.style == .plain { return nil }
            return node
        } catch let error as YamlError {
            throw problem(error, in: text)
        } catch {
            throw YAMLProblem("invalid YAML", line: 1, column: 1)
        }
    }

    static func problem(_ error: YamlError, in text: String) -> YAMLProblem {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var reference: YAMLProblem.Reference?
            if let context, context.mark.line != mark.line || context.mark.column != mark.column {
                reference = .init(kind: .context(oneLine(context.text)), line: context.mark.line, column: context.mark.column)
            }
            return YAMLProblem(oneLine("invalid YAML: \(problem)"), line: mark.line, column: mark.column, reference: reference)
        case .reader(let problem, let offset, _, _):
            let (line, column) = offset.map { position(ofCharacter: $0, in: text) } ?? (1, 1)
            return YAMLProblem(oneLine("invalid YAML: \(problem)"), line: line, column: column)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let first = context.mark
            if let repeated = DuplicateKeyLocator(text: text).repeatedKey(key, after: first.line, first.column) {
                return YAMLProblem(oneLine("invalid YAML: duplicate key '\(key)'"), line: repeated.line, column: repeated.column,
                                   reference: .init(kind: .firstSetting, line: first.line, column: first.column))
            }
            return YAMLProblem(oneLine("invalid YAML: duplicate key '\(key)': it is set more than once in this mapping"),
                               line: first.line, column: first.column)
        default:
            return YAMLProblem("invalid YAML", line: 1, column: 1)
        }
    }

    /// The 1-based line and column of the `offset`-th Character (Yams counts reader offsets in
    /// Characters; CR LF is one, and ends a line).
    private static func position(ofCharacter offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }

    /// Control characters of a message made visible, so it stays one line.
    private static func oneLine(_ message: String) -> String {
        var out = ""
        for scalar in message.unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// Finds the second occurrence of a mapping key, given the first: Yams reports where a
/// duplicated key was first set, and the mistake to point at is where it is set again.
///
/// It reads the text the way the mapping is written. In a block mapping the keys sit at one
/// indentation, so the repeat is the next line at that indentation that starts with the key,
/// before the first line indented less (the end of the mapping). In a flow mapping (`{a: 1,
/// a: 2}`) it is the next key at the same bracket depth, quoted text skipped. A key it cannot
/// match to its source text (a complex or escaped key) gives nil.
struct DuplicateKeyLocator {
    private let lines: [[Unicode.Scalar]]

    init(text: String) {
        lines = SourceText.lines(text).map { Array($0.unicodeScalars) }
    }

    /// The 1-based line and column where `key`, first set at `line`:`column`, is set again.
    func repeatedKey(_ key: String, after line: Int, _ column: Int) -> (line: Int, column: Int)? {
        let key = Array(key.unicodeScalars)
        guard line >= 1, line <= lines.count, column >= 1, column <= lines[line - 1].count,
              let firstEnd = keyEnd(key, in: lines[line - 1], at: column - 1)
        else { return nil }
        let before = lines[line - 1][..<(column - 1)]
        if before.allSatisfy({ $0 == " " || $0 == "-" }) {
            return blockRepeat(key, indentation: column - 1, after: line - 1)
        }
        return flowRepeat(key, from: line - 1, offset: firstEnd)
    }

    /// Where the key token at `offset` ends when it is `key` (plain or quoted) followed by
    /// optional blanks and a `:`; nil otherwise.
    private func keyEnd(_ key: [Unicode.Scalar], in line: [Unicode.Scalar], at offset: Int) -> Int? {
        var index = offset
        if let quote = line[safe: index], quote == "'" || quote == "\"" {
            guard line.count >= index + key.count + 2, Array(line[(index + 1)..<(index + 1 + key.count)]) == key,
                  line[index + 1 + key.count] == quote
            else { return nil }
            index += key.count + 2
        } else {
            guard line.count >= index + key.count, Array(line[index..<(index + key.count)]) == key else { return nil }
            index += key.count
        }
        while let blank = line[safe: index], blank == " " || blank == "\t" { index += 1 }
        return line[safe: index] == ":" ? index + 1 : nil
    }

    private func blockRepeat(_ key: [Unicode.Scalar], indentation: Int, after first: Int) -> (line: Int, column: Int)? {
        for number in (first + 1)..<lines.count {
            let line = lines[number]
            let indent = line.prefix { $0 == " " }.count
            guard indent < line.count, line[indent] != "#" else { continue }
            if indent < indentation { return nil }
            if indent == indentation, keyEnd(key, in: line, at: indent) != nil { return (number + 1, indent + 1) }
        }
        return nil
    }

    private func flowRepeat(_ key: [Unicode.Scalar], from first: Int, offset: Int) -> (line: Int, column: Int)? {
        var depth = 0
        var expectingKey = false
        var number = first
        var index = offset
        while number < lines.count {
            let line = lines[number]
            while index < line.count {
                let scalar = line[index]
                if expectingKey && depth == 0 && scalar != " " && scalar != "\t" {
                    if keyEnd(key, in: line, at: index) != nil { return (number + 1, index + 1) }
                    expectingKey = false
                }
                switch scalar {
                case "'", "\"":
                    guard let end = quotedEnd(line, from: index) else { return nil }
                    index = end
                    continue
                case "{", "[": depth += 1
                case "}", "]":
                    depth -= 1
                    if depth < 0 { return nil }
                case ",": if depth == 0 { expectingKey = true }
                case "#" where index == 0 || line[index - 1] == " ": index = line.count
                default: break
                }
                index += 1
            }
            number += 1
            index = 0
        }
        return nil
    }

    /// The index after the closing quote of the quoted text starting at `start`, on one line.
    private func quotedEnd(_ line: [Unicode.Scalar], from start: Int) -> Int? {
        let quote = line[start]
        var index = start + 1
        while index < line.count {
            if quote == "\"" && line[index] == "\\" {
                index += 2
                continue
            }
            if line[index] == quote {
                if quote == "'" && line[safe: index + 1] == "'" {
                    index += 2
                    continue
                }
                return index + 1
            }
            index += 1
        }
        return nil
    }
}

private extension Array {
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
