import EvidentCore
import Foundation
import Testing

/// A YAML error is one line that says what is wrong, at the file, line and column of the
/// mistake; it never carries the document (Yams' own descriptions quote all of it).
@Suite struct YAMLErrorTests {
    /// A secret in the document that no message may repeat.
    static let secret = "do-not-echo-this-value"

    /// The YAML-SYNTAX diagnostics of `file` in a program that has only it (and, for a
    /// sidecar, the evidence it describes).
    private func syntaxErrors(_ file: String, _ text: String) throws -> [Diagnostic] {
        var files = [file: text]
        if file.hasSuffix(".meta.yaml") { files[String(file.dropLast(".meta.yaml".count))] = "evidence" }
        let program = try Program.load(from: InMemoryFiles(files))
        return program.diagnostics.filter { $0.ruleID == "YAML-SYNTAX" }
    }

    private func expectOneLine(_ diagnostic: Diagnostic) {
        #expect(!diagnostic.message.contains("\n") && !diagnostic.message.contains("\r"), "\(diagnostic.message)")
        #expect(!diagnostic.message.contains(Self.secret), "\(diagnostic.message)")
        #expect(diagnostic.message.count < 200, "\(diagnostic.message)")
    }

    struct DuplicateCase: Sendable, CustomTestStringConvertible {
        var name: String
        var yaml: String
        /// Line and column in the YAML text of the repeated key, and of its first setting.
        var repeated: (Int, Int)
        var first: (Int, Int)
        var testDescription: String { name }
    }

    static let duplicates: [DuplicateCase] = [
        DuplicateCase(name: "top level", yaml: "id: AC-01\ntitle: \(secret)\nid: AC-02\n", repeated: (3, 1), first: (1, 1)),
        DuplicateCase(name: "after a comment and a block scalar",
                      yaml: "id: AC-01\nbody: |\n  id: not a key\n# id: commented\n\nid: AC-02\n", repeated: (6, 1), first: (1, 1)),
        DuplicateCase(name: "nested", yaml: "people:\n  alice: {name: A}\n  bob: {name: B}\n  alice: {name: \(secret)}\nother: 1\n",
                      repeated: (4, 3), first: (2, 3)),
        DuplicateCase(name: "in a list item", yaml: "cycles:\n  - id: \"2026\"\n    start: 2026-01-01\n    id: \"2027\"\n  - id: \"2028\"\n",
                      repeated: (4, 5), first: (2, 5)),
        DuplicateCase(name: "quoted", yaml: "'id': AC-01\ntitle: x\n\"id\": AC-02\n", repeated: (3, 1), first: (1, 1)),
        DuplicateCase(name: "three times", yaml: "id: a\nid: b\nid: c\n", repeated: (2, 1), first: (1, 1)),
        DuplicateCase(name: "flow", yaml: "alice: {name: A, email: 'x, name: y', name: \(secret)}\n", repeated: (1, 39), first: (1, 9)),
        DuplicateCase(name: "flow over lines", yaml: "alice: {name: A,\n  role: [a, b],\n  name: B}\n", repeated: (3, 3), first: (1, 9)),
    ]

    @Test(arguments: duplicates)
    func duplicateKeysPointAtTheRepeat(_ duplicate: DuplicateCase) throws {
        // In front matter, where the YAML starts on line 2 ...
        let errors = try syntaxErrors("controls/AC-01.md", "---\n\(duplicate.yaml)---\nBody\n")
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.location == SourceLocation(file: "controls/AC-01.md", line: duplicate.repeated.0 + 1, column: duplicate.repeated.1))
        #expect(error.message.contains("duplicate key"), "\(error.message)")
        #expect(error.message.hasSuffix("it is already set at line \(duplicate.first.0 + 1), column \(duplicate.first.1)"), "\(error.message)")
        expectOneLine(error)
        // ... and in a whole YAML file, where it starts on line 1.
        let sidecar = try #require(try syntaxErrors("evidence/AC-01/2026-01-01.csv.meta.yaml", duplicate.yaml).first)
        #expect(sidecar.location.line == duplicate.repeated.0 && sidecar.location.column == duplicate.repeated.1)
        #expect(sidecar.message.hasSuffix("it is already set at line \(duplicate.first.0), column \(duplicate.first.1)"))
    }

    /// A key that cannot be matched to its text (here an alias) is still reported, where it was first set.
    @Test func anUnmatchableDuplicateIsReportedWhereItWasFirstSet() throws {
        let error = try #require(try syntaxErrors("controls/AC-01.md", "---\nid: &x AC-01\n? *x\n: 1\n'AC-01': 2\n---\n").first)
        #expect(error.message.contains("duplicate key 'AC-01'"), "\(error.message)")
        #expect(error.location.line >= 2)
        expectOneLine(error)
    }

    @Test func evidentYAMLDuplicatesAreOneLineToo() throws {
        let yaml = "organization: \(Self.secret)\ncategories: [security]\norganization: Y\n"
        let error = try #require(try syntaxErrors("evident.yaml", yaml).first)
        #expect(error.location == SourceLocation(file: "evident.yaml", line: 3, column: 1))
        expectOneLine(error)
        let layout = try #require(throws: InputError.self) { try ProgramLayout.parse("mainline: \(Self.secret)\nroot: .\nmainline: main\n") }
        #expect(layout.location == SourceLocation(file: "evident.yaml", line: 3, column: 1))
        #expect(!layout.message.contains(Self.secret) && !layout.message.contains("\n"), "\(layout.message)")
    }

    @Test func anUndefinedAliasPointsAtTheAlias() throws {
        let error = try #require(try syntaxErrors("controls/AC-01.md", "---\nid: AC-01\ntitle: \(Self.secret)\nowner: *nobody\n---\n").first)
        #expect(error.location == SourceLocation(file: "controls/AC-01.md", line: 4, column: 8))
        #expect(error.message.contains("alias"), "\(error.message)")
        expectOneLine(error)
    }

    /// What libyaml was reading when it failed is named with its own line, counted in the file.
    @Test func theContextOfAnErrorIsLocatedInTheFile() throws {
        let error = try #require(try syntaxErrors("controls/AC-01.md", "---\nid: AC-01\ntitle: [\(Self.secret)\n---\n").first)
        #expect(error.location == SourceLocation(file: "controls/AC-01.md", line: 4, column: 1))
        #expect(error.message == "invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 3, column 8)")
    }

    /// Scanner, parser and reader errors: one line each, at the mistake.
    @Test(arguments: [
        ("id: AC-01\ntitle: [\(secret)\n", 3, 1),
        ("id: AC-01\n\ttitle: \(secret)\n", 2, 1),
        ("id: AC-01\ntitle: \"\(secret)\u{7}\"\n", 2, 31),
        ("id: AC-01\n  title: \(secret)\n", 2, 8),
    ])
    func syntaxErrorsAreOneLine(yaml: String, line: Int, column: Int) throws {
        let error = try #require(try syntaxErrors("evidence/AC-01/2026-01-01.csv.meta.yaml", yaml).first)
        #expect(error.message.hasPrefix("invalid YAML: "), "\(error.message)")
        #expect(error.location.line == line && error.location.column == column, "\(error.location) \(error.message)")
        expectOneLine(error)
    }
}
