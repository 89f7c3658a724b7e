import EvidentCore
import EvidentReporting
import Foundation
import GitFixtures
import Testing

@Suite struct DiagnosticReporterTests {
    /// Diagnostics from a program that breaks several rules, some in awkward file names.
    private func diagnostics() throws -> [Diagnostic] {
        var example = RuleExample([
            "controls/AC 02 é.md": "---\nid: AC-02\ntitle: T\ncriteria: [CC9.9]\nowner: mallory\nfrequency: annual\nfrequncy: x\n---\n",
            "evidence/AC-01/march.md": "x",
        ])
        example.staged = [StagedChange(path: "evidence/AC-01/2026-01-15-review.md", kind: .modified)]
        let found = Linter().run(try ExampleProgram.context(for: example))
        #expect(Set(found.map(\.severity)) == [.error, .warning])
        return found
    }

    private var rules: [RuleDescription] { Linter.rules.map { $0.description } }

    /// The lint JSON document, as integrations read it.
    private struct LintJSON: Decodable {
        struct Entry: Decodable, Equatable {
            var rule: String
            var severity: String
            var message: String
            var file: String
            var line: Int
            var column: Int
        }

        var diagnostics: [Entry]
        var errors: Int
        var warnings: Int
    }

    /// The members of a SARIF 2.1.0 log that code scanning reads.
    private struct SARIFLog: Decodable {
        struct Run: Decodable {
            struct Tool: Decodable {
                struct Driver: Decodable {
                    struct Rule: Decodable { var id: String }
                    var name: String
                    var rules: [Rule]
                }

                var driver: Driver
            }

            struct Result: Decodable {
                struct Location: Decodable {
                    struct Physical: Decodable {
                        struct Artifact: Decodable { var uri: String }
                        struct Region: Decodable {
                            var startLine: Int
                            var startColumn: Int
                        }

                        var artifactLocation: Artifact
                        var region: Region
                    }

                    var physicalLocation: Physical
                }

                var ruleId: String
                var ruleIndex: Int
                var level: String
                var locations: [Location]
            }

            var tool: Tool
            var results: [Result]
        }

        var version: String
        var runs: [Run]
    }

    @Test func textNamesFileLineColumnSeverityAndRule() throws {
        let text = try TextDiagnosticReporter().string(DiagnosticReport(try diagnostics(), rules: rules))
        #expect(text.contains("controls/AC 02 é.md:4:12: error: 'CC9.9' is not a SOC 2 criterion; did you mean 'CC9.1'? [CRITERIA-UNKNOWN]\n"))
        #expect(text.contains("controls/AC 02 é.md:7:1: warning: unknown key 'frequncy' in control; did you mean 'frequency'? [SCHEMA-UNKNOWN-KEY]\n"))
        #expect(text.hasSuffix("warnings\n") || text.hasSuffix("warning\n"))
    }

    @Test func githubAnnotationsEscapeProperties() throws {
        let diagnostic = Diagnostic(ruleID: "R", severity: .warning, message: "50% done\nnext",
                                    location: SourceLocation(file: "a,b:c.md", line: 3, column: 2))
        let output = try GitHubActionsDiagnosticReporter().string(DiagnosticReport([diagnostic], rules: []))
        // A line break in a message is content, shown as `\n` like everywhere else in text: it
        // cannot make a second line of the annotation.
        #expect(output == "::warning file=a%2Cb%3Ac.md,line=3,col=2,title=R::50%25 done\\nnext\n")
    }

    @Test func jsonListsEveryDiagnostic() throws {
        let found = try diagnostics()
        let data = Data(try JSONDiagnosticReporter().string(DiagnosticReport(found, rules: rules)).utf8)
        let document = try JSONDecoder().decode(LintJSON.self, from: data)
        #expect(document.diagnostics.count == found.count)
        #expect(document.errors == found.filter { $0.severity == .error }.count)
        #expect(document.warnings == found.filter { $0.severity == .warning }.count)
        #expect(document.diagnostics.contains { $0.rule == "EVIDENCE-APPEND-ONLY" && $0.file == "evidence/AC-01/2026-01-15-review.md" })
        #expect(document.diagnostics == found.map { LintJSON.Entry(rule: $0.ruleID, severity: $0.severity.rawValue, message: $0.message, file: $0.location.file,
                                                       line: $0.location.line, column: $0.location.column) }, "every diagnostic, in order")
    }

    @Test func sarifIsValidAgainstTheOfficialSchema() throws {
        let sarif = try SARIFDiagnosticReporter().string(DiagnosticReport(try diagnostics(), rules: rules))
        #expect(try validateSARIF(sarif) == nil)
        let log = try JSONDecoder().decode(SARIFLog.self, from: Data(sarif.utf8))
        #expect(log.version == "2.1.0")
        let run = try #require(log.runs.first)
        #expect(run.tool.driver.name == "Evident")
        #expect(run.tool.driver.rules.map(\.id) == rules.map(\.id), "every rule is described")
        let found = try diagnostics()
        #expect(run.results.map(\.ruleId) == found.map(\.ruleID))
        #expect(run.results.allSatisfy { run.tool.driver.rules[$0.ruleIndex].id == $0.ruleId }, "ruleIndex points at the result's rule")
        let location = try #require(run.results.first?.locations.first?.physicalLocation)
        #expect(location.artifactLocation.uri == "controls/AC%2002%20%C3%A9.md")
        #expect(run.results.first.map { $0.level == "error" || $0.level == "warning" } == true)
    }

    @Test func schemaValidationCatchesInvalidSARIF() throws {
        // The validator itself must be able to fail: a log with a wrong version and a result without a message.
        let invalid = #"{"version": "2.0.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"ruleId": "R"}]}]}"#
        #expect(try validateSARIF(invalid) != nil)
    }

    /// Validates with Python's jsonschema against the SARIF 2.1.0 schema kept with the tests;
    /// returns the validator's complaint, or nil when valid.
    private func validateSARIF(_ text: String) throws -> String? {
        let folder = try TemporaryDirectory()
        let file = folder.path("log.sarif")
        try Data(text.utf8).write(to: file)
        let schema = try #require(Bundle.module.url(forResource: "sarif-schema-2.1.0", withExtension: "json", subdirectory: "Resources"))
        let script = "import json, sys, jsonschema; jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))"
        let result = try Process.capture(executable: "/usr/bin/env", arguments: ["python3", "-c", script, file.path, schema.path], in: folder.url)
        return result.status == 0 ? nil : String(decoding: result.standardError, as: UTF8.self)
    }
}

@Suite struct RuleDocumentationTests {
    /// The README's rule table is generated from the rules; this fails when it drifts.
    @Test func readmeListsTheRulesAsGenerated() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let begin = "<!-- rules:begin (generated by `evident lint --list-rules --format markdown`) -->\n"
        let end = "<!-- rules:end -->"
        let start = try #require(text.range(of: begin))
        let stop = try #require(text.range(of: end, range: start.upperBound..<text.endIndex))
        #expect(String(text[start.upperBound..<stop.lowerBound]) == (try RuleDocumentation.render(format: .markdown)))
    }
}
