import EvidentCore
import Foundation
import Testing

/// Every text format the program is read from (front matter in controls, policies and risk
/// documents, evident.yaml, evidence sidecars, testing workpapers, CODEOWNERS) reads the same
/// with CR LF line ends and with a UTF-8 byte-order mark as with LF: same model, same
/// diagnostics, at the same line and column.
@Suite struct LineEndingTests {
    enum Variant: String, CaseIterable, Sendable {
        case crlf, byteOrderMark, both

        func apply(_ text: String) -> String {
            let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
            switch self {
            case .crlf: return crlf
            case .byteOrderMark: return "\u{FEFF}" + text
            case .both: return "\u{FEFF}" + crlf
            }
        }
    }

    /// The files of a program that are parsed as text; evidence is hashed, byte for byte, and stays as it is.
    private static func isParsedText(_ path: String) -> Bool {
        if path.hasSuffix(".meta.yaml") { return true }
        if path.hasPrefix("evidence/") { return false }
        return path.hasSuffix(".md") || path.hasSuffix(".yaml") || path.hasSuffix("CODEOWNERS")
    }

    private static func converted(_ files: [String: String], _ variant: Variant) -> [String: String] {
        Dictionary(uniqueKeysWithValues: files.map { ($0.key, isParsedText($0.key) ? variant.apply($0.value) : $0.value) })
    }

    private static func lint(_ files: [String: String], example: RuleExample, variant: Variant?) throws -> [Diagnostic] {
        let files = variant.map { converted(files, $0) } ?? files
        let program = try Program.load(from: InMemoryFiles(files, kinds: example.kinds))
        var previous: [String: Policy] = [:]
        for (file, text) in example.before {
            previous[file] = Policy.parse(variant?.apply(text) ?? text, file: file)
        }
        return Linter().run(LintContext(program: program, policyHistory: example.policyHistory, stagedChanges: example.staged,
                                        previousPolicies: previous, today: example.today))
    }

    /// Every lint rule's examples, triggering or not, give the same diagnostics in every variant.
    @Test(arguments: Variant.allCases)
    func everyRuleExampleLintsTheSame(variant: Variant) throws {
        for rule in Linter.rules {
            for example in rule.description.triggering + rule.description.nonTriggering {
                let files = ExampleProgram.files(for: example)
                let expected = try Self.lint(files, example: example, variant: nil)
                let found = try Self.lint(files, example: example, variant: variant)
                #expect(found == expected, "\(rule.description.id): \(Set(found).symmetricDifference(expected).map { "\($0.location) \($0.message)" })")
            }
        }
    }

    @Test(arguments: Variant.allCases)
    func frontMatterKeepsLocationsAndBody(variant: Variant) throws {
        let control = "---\nid: AC-05\ntitle: Review\ncriteria: [CC6.2, CC6.3]\nowner: alice\nfrequency: quarterly\nrisk: high\ngrace_days: 10\n---\nBody\nsecond line\n"
        let program = try Program.load(from: InMemoryFiles(["controls/AC-05.md": variant.apply(control)]))
        #expect(program.diagnostics.filter { $0.ruleID == "YAML-SYNTAX" }.isEmpty, "\(program.diagnostics)")
        let parsed = try #require(program.controls.first)
        #expect(parsed.id.value == "AC-05" && parsed.id.location == SourceLocation(file: "controls/AC-05.md", line: 2, column: 5))
        #expect(parsed.criteria[1].location == SourceLocation(file: "controls/AC-05.md", line: 4, column: 19))
        #expect(parsed.title == "Review", "no CR is left at the end of a value")
        #expect(parsed.body == "Body\nsecond line\n", "the body is read with LF line ends")
    }

    @Test(arguments: Variant.allCases)
    func configurationProblemsPointAtTheSamePlaces(variant: Variant) throws {
        let yaml = "organization: X\ncategories: [security, privcy]\npeople:\n  alice: {name: Alice, emial: a@example.com}\nroot: [a]\n"
        let plain = try Program.load(from: InMemoryFiles(["evident.yaml": yaml])).diagnostics
        let found = try Program.load(from: InMemoryFiles(["evident.yaml": variant.apply(yaml)])).diagnostics
        #expect(plain.map { "\($0.location.line):\($0.location.column) \($0.ruleID)" } == ["2:24 SCHEMA-TYPE", "5:7 SCHEMA-TYPE", "4:24 SCHEMA-UNKNOWN-KEY"])
        #expect(found == plain)
    }

    /// evident.yaml as the layout reads it, from the working tree or from a commit (where it is
    /// decoded as it is, byte-order mark included).
    @Test(arguments: Variant.allCases)
    func theLayoutReadsTheSame(variant: Variant) throws {
        let yaml = "mainline: trunk\nroot: compliance\npaths:\n  evidence: proof\n"
        let layout = try ProgramLayout.parse(variant.apply(yaml))
        #expect(try layout == ProgramLayout.parse(yaml))
        #expect(layout.mainline == "trunk" && layout.evidence == "compliance/proof")
        let error = try #require(throws: InputError.self) { try ProgramLayout.parse(variant.apply("root: compliance\npaths:\n  evidence: [x]\n")) }
        #expect(error.location == SourceLocation(file: "evident.yaml", line: 3, column: 13))
    }

    @Test(arguments: Variant.allCases)
    func sidecarsAndWorkpapersReadTheSame(variant: Variant) throws {
        let files = [
            "evidence/AC-01/2026-03-31-review.csv": "a",
            "evidence/AC-01/2026-03-31-review.csv.meta.yaml": variant.apply("performed_by: bob\ncovers: {from: 2026-01-01, to: 2026-03-31}\nsource: query\n"),
        ]
        let program = try Program.load(from: InMemoryFiles(files))
        let details = try #require(program.evidence.first?.details)
        #expect(details.performedBy?.value == "bob" && details.performedBy?.location.line == 1 && details.performedBy?.location.column == 15)
        #expect(details.source == "query")
        #expect(program.diagnostics.isEmpty, "\(program.diagnostics)")

        let workpaper = TestingWorkpaper.read(Data(variant.apply("tester: eve\nconclusions:\n  AC-01:\n    2026-Q1: {result: pass}\n").utf8),
                                              file: "audits/2026/testing.yaml", cycle: "2026")
        #expect(workpaper.diagnostics.isEmpty, "\(workpaper.diagnostics)")
        #expect(workpaper.tester?.value == "eve")
        #expect(workpaper.entries.map { "\($0.item.value)@\($0.item.location.line):\($0.item.location.column)" } == ["2026-Q1@4:5"])
    }

    @Test(arguments: Variant.allCases)
    func codeOwnersFindsItsSectionAndKeepsTheFilesLineEnds(variant: Variant) throws {
        let program = try Program.load(from: InMemoryFiles(ExampleProgram.base))
        let section = CodeOwners.section(for: program)
        let existing = variant.apply(section.text + "* @platform\n")
        let current = try #require(CodeOwners.currentSection(in: existing))
        #expect(current.text == section.text && current.line == 1)
        let updated = CodeOwners.updating(existing, with: section)
        #expect(updated == existing, "an up-to-date section is left as it is, mark and line ends included")
    }

    @Test func sourceTextSplitsAtLFAndCRLFOnly() {
        #expect(SourceText.lines("a\r\nb\nc\rd\r\n") == ["a", "b", "c\rd", ""])
        #expect(SourceText.lines("\u{FEFF}x") == ["\u{FEFF}x"], "lines keep a mark; withoutByteOrderMark drops it")
        #expect(SourceText.withoutByteOrderMark("\u{FEFF}\u{FEFF}x") == "\u{FEFF}x", "only one leading mark is dropped")
        #expect(SourceText.normalized("\u{FEFF}a\r\n\r\nb\r") == "a\n\nb\r")
        #expect(SourceText.normalized(Data([0xEF, 0xBB, 0xBF, 0x61, 0x0D, 0x0A, 0x0D, 0xFF, 0x0D, 0x0A])) == Data([0x61, 0x0A, 0x0D, 0xFF, 0x0A]))
        #expect(SourceText.normalized(Data()) == Data())
    }
}
