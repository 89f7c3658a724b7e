import Foundation

/// The tester's conclusions on a cycle's samples, as the audit relies on them: read from a
/// `testing.yaml` that has no problem (see `TestingWorkpaper`).
///
///     tester: frank
///     conclusions:
///       AC-05:
///         evidence/AC-05/2026-03-31-review.csv: {result: pass, note: Reviewer sign-off present}
public struct TestingRecord: Sendable {
    /// The results a tester may conclude: the item shows the control operated, or it does not.
    public enum Result: String, CaseIterable, Sendable { case pass, exception }

    /// One conclusion on one sampled item.
    public struct Conclusion: Hashable, Sendable {
        public var result: Result
        public var note: String?

        public init(result: Result, note: String?) {
            self.result = result
            self.note = note
        }

        /// How the record writes it: `pass`, `exception` or `exception: <note>`.
        public var recorded: String {
            result == .pass ? "pass" : "exception" + (note.map { ": \($0)" } ?? "")
        }
    }

    public var tester: Located<String>?
    /// Per control id, per sampled path.
    public var conclusions: [String: [String: Conclusion]]

    public init(tester: Located<String>?, conclusions: [String: [String: Conclusion]]) {
        self.tester = tester
        self.conclusions = conclusions
    }
}

/// `<audits folder>/<cycle>/testing.yaml` as written: every entry with where it stands, valid or
/// not. Lint points at each problem in it; the audit relies on its conclusions only when it has
/// none (`problems(people:)`), because a conclusion it cannot read is no evidence of testing.
public struct TestingWorkpaper: Sendable {
    /// The file name inside a cycle's audit folder.
    public static let fileName = "testing.yaml"

    /// One conclusion as written under `conclusions:`.
    public struct Entry: Sendable {
        /// The control id key, where it is written.
        public var control: Located<String>
        /// The item path key, where it is written.
        public var item: Located<String>
        /// The `result` as written; nil when it is missing or not a string (the reader reported that).
        public var result: Located<String>?
        public var note: String?
    }

    public var file: String
    /// The id of the cycle whose audit folder holds the file.
    public var cycle: String
    public var tester: Located<String>?
    /// In the order the file writes them.
    public var entries: [Entry]
    /// YAML and schema problems met while reading, under the rules that report them
    /// (YAML-SYNTAX, SCHEMA-REQUIRED, SCHEMA-TYPE, SCHEMA-UNKNOWN-KEY).
    public var diagnostics: [Diagnostic]

    /// The workpaper's path in the cycle's audit folder.
    public static func path(cycle: String, layout: ProgramLayout) -> String {
        "\(layout.audits)/\(cycle)/\(fileName)"
    }

    /// Reads the file's bytes; a file that is not UTF-8 is a YAML-SYNTAX problem at its start.
    public static func read(_ data: Data, file: String, cycle: String) -> TestingWorkpaper {
        guard let text = String(data: data, encoding: .utf8) else {
            return TestingWorkpaper(file: file, cycle: cycle, tester: nil, entries: [], diagnostics: [
                Diagnostic(ruleID: MappingReader.syntaxRule, severity: .error, message: "file is not valid UTF-8 text",
                           location: SourceLocation(file: file, line: 1, column: 1)),
            ])
        }
        return read(text, file: file, cycle: cycle)
    }

    public static func read(_ text: String, file: String, cycle: String) -> TestingWorkpaper {
        var diagnostics: [Diagnostic] = []
        var workpaper = TestingWorkpaper(file: file, cycle: cycle, tester: nil, entries: [], diagnostics: [])
        if let node = FrontMatterDocument.compose(text, file: file, lineOffset: 0, diagnostics: &diagnostics),
           let reader = MappingReader(node, file: file, lineOffset: 0, subject: "testing workpaper", diagnostics: &diagnostics) {
            reader.checkKeys(allowed: ["tester", "conclusions"], &diagnostics)
            workpaper.tester = reader.string("tester", required: true, &diagnostics)
            if let controls = reader.mappingReader("conclusions", subject: "conclusions", &diagnostics) {
                for (controlNode, value) in controls.mapping {
                    guard let control = controlNode.string,
                          let samples = MappingReader(value, file: file, lineOffset: 0, subject: "conclusions of \(control)", diagnostics: &diagnostics)
                    else { continue }
                    for (itemNode, conclusionNode) in samples.mapping {
                        guard let item = itemNode.string else { continue }
                        var entry = Entry(control: Located(control, at: reader.location(of: controlNode)),
                                          item: Located(item, at: reader.location(of: itemNode)), result: nil, note: nil)
                        // The entry is kept even when its conclusion is malformed, so lint can still
                        // say whether the control and item exist.
                        if let conclusion = MappingReader(conclusionNode, file: file, lineOffset: 0, subject: "conclusion for \(item)", diagnostics: &diagnostics) {
                            conclusion.checkKeys(allowed: ["result", "note"], &diagnostics)
                            entry.result = conclusion.string("result", required: true, &diagnostics)
                            entry.note = conclusion.string("note", &diagnostics)?.value
                        }
                        workpaper.entries.append(entry)
                    }
                }
            }
        }
        workpaper.diagnostics = diagnostics
        return workpaper
    }

    /// Each `result` that is neither `pass` nor `exception`, with a did-you-mean.
    public var invalidResults: [(message: String, location: SourceLocation)] {
        let allowed = TestingRecord.Result.allCases.map(\.rawValue)
        return entries.compactMap { entry in
            guard let result = entry.result, TestingRecord.Result(rawValue: result.value) == nil else { return nil }
            var message = "result '\(result.value)' for \(entry.item.value) must be \(allowed.joined(separator: " or "))"
            if let suggestion = Suggestion.closest(to: result.value, among: allowed) {
                message += "; did you mean '\(suggestion)'?"
            }
            return (message, result.location)
        }
    }

    /// The tester, when they are not one of `people`: nobody could tell whether they are independent.
    public func unknownTester(people: [String: Person]) -> (message: String, location: SourceLocation)? {
        guard let tester, people[tester.value] == nil else { return nil }
        var message = "tester '\(tester.value)' is not one of the people in evident.yaml"
        if let suggestion = Suggestion.closest(to: tester.value, among: Array(people.keys)) {
            message += "; did you mean '\(suggestion)'?"
        }
        return (message, tester.location)
    }

    /// Everything that keeps the audit from relying on the workpaper, first in the file first:
    /// the reader's errors, results other than pass or exception, a tester who is not one of
    /// `people`. Warnings (an unknown key) do not.
    public func problems(people: [String: Person]) -> [Diagnostic] {
        var problems = diagnostics.filter { $0.severity == .error }
        problems += invalidResults.map { Diagnostic(ruleID: TestingResultRule.description.id, severity: .error, message: $0.message, location: $0.location) }
        if let unknown = unknownTester(people: people) {
            problems.append(Diagnostic(ruleID: TestingTesterRule.description.id, severity: .error, message: unknown.message, location: unknown.location))
        }
        return problems.sorted(by: Diagnostic.ordered)
    }

    /// The conclusions whose result is valid, per control and item.
    public var record: TestingRecord {
        var conclusions: [String: [String: TestingRecord.Conclusion]] = [:]
        for entry in entries {
            guard let result = entry.result.flatMap({ TestingRecord.Result(rawValue: $0.value) }) else { continue }
            conclusions[entry.control.value, default: [:]][entry.item.value] = TestingRecord.Conclusion(result: result, note: entry.note)
        }
        return TestingRecord(tester: tester, conclusions: conclusions)
    }
}
