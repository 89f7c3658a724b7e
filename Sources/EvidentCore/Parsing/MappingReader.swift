import Yams

/// Reads typed values out of a YAML mapping, recording a located diagnostic for every missing
/// required key, wrong type or disallowed value, and a warning for every unknown key.
struct MappingReader {
    static let syntaxRule = "YAML-SYNTAX"
    static let requiredRule = "SCHEMA-REQUIRED"
    static let typeRule = "SCHEMA-TYPE"
    static let unknownKeyRule = "SCHEMA-UNKNOWN-KEY"

    let mapping: Node.Mapping
    let file: String
    /// Where the mapping starts; used for "missing key" messages.
    let location: SourceLocation
    /// Added to every line number (front matter starts below its `---`).
    let lineOffset: Int
    /// What the mapping is, for messages ("control", "policy", "person 'alice'").
    let subject: String

    init?(_ node: Node, file: String, lineOffset: Int, subject: String, diagnostics: inout [Diagnostic]) {
        let location = MappingReader.location(of: node, file: file, lineOffset: lineOffset)
        guard let mapping = node.mapping else {
            diagnostics.append(Diagnostic(ruleID: Self.typeRule, severity: .error, message: "\(subject) must be a mapping of keys to values", location: location))
            return nil
        }
        self.mapping = mapping
        self.file = file
        self.location = location
        self.lineOffset = lineOffset
        self.subject = subject
    }

    static func location(of node: Node, file: String, lineOffset: Int) -> SourceLocation {
        SourceLocation(file: file, line: (node.mark?.line ?? 1) + lineOffset, column: node.mark?.column ?? 1)
    }

    func location(of node: Node) -> SourceLocation {
        Self.location(of: node, file: file, lineOffset: lineOffset)
    }

    func node(_ key: String) -> Node? { mapping[key] }

    func keyLocation(_ key: String) -> SourceLocation? {
        mapping.first { $0.key.string == key }.map { location(of: $0.key) }
    }

    private func missing(_ key: String, _ diagnostics: inout [Diagnostic]) {
        diagnostics.append(Diagnostic(ruleID: Self.requiredRule, severity: .error, message: "\(subject) is missing required key '\(key)'", location: location))
    }

    private func wrongType(_ key: String, _ expected: String, _ node: Node, _ diagnostics: inout [Diagnostic]) {
        diagnostics.append(Diagnostic(ruleID: Self.typeRule, severity: .error, message: "'\(key)' must be \(expected)", location: location(of: node)))
    }

    func string(_ key: String, required: Bool = false, _ diagnostics: inout [Diagnostic]) -> Located<String>? {
        guard let node = node(key), !Self.isNull(node) else {
            if required { missing(key, &diagnostics) }
            return nil
        }
        guard let scalar = node.scalar, !scalar.string.isEmpty else {
            wrongType(key, "a non-empty string", node, &diagnostics)
            return nil
        }
        return Located(scalar.string, at: location(of: node))
    }

    func integer(_ key: String, in range: ClosedRange<Int>, _ diagnostics: inout [Diagnostic]) -> Located<Int>? {
        guard let node = node(key), !Self.isNull(node) else { return nil }
        guard let text = node.scalar?.string, let value = Int(text), range.contains(value) else {
            wrongType(key, "a whole number from \(range.lowerBound) to \(range.upperBound)", node, &diagnostics)
            return nil
        }
        return Located(value, at: location(of: node))
    }

    func boolean(_ key: String, _ diagnostics: inout [Diagnostic]) -> Located<Bool>? {
        guard let node = node(key), !Self.isNull(node) else { return nil }
        switch node.scalar?.string.lowercased() {
        case "true", "yes": return Located(true, at: location(of: node))
        case "false", "no": return Located(false, at: location(of: node))
        default:
            wrongType(key, "true or false", node, &diagnostics)
            return nil
        }
    }

    func day(_ key: String, required: Bool = false, _ diagnostics: inout [Diagnostic]) -> Located<Day>? {
        guard let node = node(key), !Self.isNull(node) else {
            if required { missing(key, &diagnostics) }
            return nil
        }
        guard let text = node.scalar?.string, let day = Day(text) else {
            if let text = node.scalar?.string, let problem = Day.problem(with: text), problem.hasPrefix("is an impossible") {
                diagnostics.append(Diagnostic(ruleID: Self.typeRule, severity: .error, message: "'\(key)' \(problem)", location: location(of: node)))
            } else {
                wrongType(key, "a date written YYYY-MM-DD", node, &diagnostics)
            }
            return nil
        }
        return Located(day, at: location(of: node))
    }

    func choice<Choice: RawRepresentable & CaseIterable & Sendable>(_ key: String, required: Bool = false, _ diagnostics: inout [Diagnostic]) -> Located<Choice>? where Choice.RawValue == String {
        guard let node = node(key), !Self.isNull(node) else {
            if required { missing(key, &diagnostics) }
            return nil
        }
        guard let text = node.scalar?.string, let value = Choice(rawValue: text) else {
            let allowed = Choice.allCases.map(\.rawValue)
            var message = "'\(key)' must be one of \(allowed.joined(separator: ", "))"
            if let text = node.scalar?.string, let suggestion = Suggestion.closest(to: text, among: allowed) {
                message += " (did you mean '\(suggestion)'?)"
            }
            diagnostics.append(Diagnostic(ruleID: Self.typeRule, severity: .error, message: message, location: location(of: node)))
            return nil
        }
        return Located(value, at: location(of: node))
    }

    /// A list of strings; a single string is accepted as a list of one.
    func strings(_ key: String, required: Bool = false, _ diagnostics: inout [Diagnostic]) -> [Located<String>]? {
        guard let node = node(key), !Self.isNull(node) else {
            if required { missing(key, &diagnostics) }
            return nil
        }
        if let scalar = node.scalar, !scalar.string.isEmpty {
            return [Located(scalar.string, at: location(of: node))]
        }
        guard let sequence = node.sequence else {
            wrongType(key, "a list of strings", node, &diagnostics)
            return nil
        }
        var values: [Located<String>] = []
        for item in sequence {
            guard let scalar = item.scalar, !scalar.string.isEmpty else {
                wrongType(key, "a list of strings", item, &diagnostics)
                continue
            }
            values.append(Located(scalar.string, at: location(of: item)))
        }
        return values
    }

    func mappingReader(_ key: String, subject: String, _ diagnostics: inout [Diagnostic]) -> MappingReader? {
        guard let node = node(key), !Self.isNull(node) else { return nil }
        return MappingReader(node, file: file, lineOffset: lineOffset, subject: subject, diagnostics: &diagnostics)
    }

    func sequence(_ key: String, _ diagnostics: inout [Diagnostic]) -> [Node]? {
        guard let node = node(key), !Self.isNull(node) else { return nil }
        guard let sequence = node.sequence else {
            wrongType(key, "a list", node, &diagnostics)
            return nil
        }
        return Array(sequence)
    }

    /// Warns about every key outside `allowed`, suggesting the closest allowed key.
    func checkKeys(allowed: [String], _ diagnostics: inout [Diagnostic]) {
        for (key, _) in mapping {
            guard let name = key.string, !allowed.contains(name) else { continue }
            var message = "unknown key '\(name)' in \(subject)"
            if let suggestion = Suggestion.closest(to: name, among: allowed) {
                message += "; did you mean '\(suggestion)'?"
            }
            diagnostics.append(Diagnostic(ruleID: Self.unknownKeyRule, severity: .warning, message: message, location: location(of: key)))
        }
    }

    static func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }
}

/// "Did you mean" suggestions by edit distance.
public enum Suggestion {
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let limit = max(1, word.count / 3)
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }.filter { $0.1 <= limit }
        return scored.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
