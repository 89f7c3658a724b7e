import EvidentCore
import EvidentReporting
import GitFixtures
import Testing

/// `evident lint`'s text output when there are many diagnostics: a summary by rule, then the
/// diagnostics grouped by rule or file and capped, each still on its own line.
@Suite struct DiagnosticGroupingTests {
    static func diagnostic(_ rule: String, _ file: String, line: Int = 1, severity: Severity = .error, message: String = "wrong") -> Diagnostic {
        Diagnostic(ruleID: rule, severity: severity, message: message, location: SourceLocation(file: file, line: line, column: 2))
    }

    /// 12 SCHEMA-TYPE errors in 12 files, 9 REF-MISMATCH warnings in 3 files.
    static let many = (0..<12).map { diagnostic("SCHEMA-TYPE", "controls/C-\($0 < 10 ? "0" : "")\($0).md") }
        + (0..<9).map { diagnostic("REF-MISMATCH", "policies/P-\($0 % 3).md", line: $0 + 1, severity: .warning) }

    @Test func upToTheThresholdTheListIsPlain() throws {
        let few = Array(Self.many.prefix(TextDiagnosticReporter.groupingThreshold))
        let text = try TextDiagnosticReporter().string(DiagnosticReport(few, rules: []))
        let lines = text.split(separator: "\n")
        #expect(lines.count == few.count + 1)
        #expect(lines.first == "controls/C-00.md:1:2: error: wrong [SCHEMA-TYPE]")
        #expect(lines.last == "12 errors, 8 warnings")
    }

    @Test func manyGetASummaryAndAreGroupedByRule() throws {
        let text = try TextDiagnosticReporter().string(DiagnosticReport(Self.many, rules: []))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(lines.prefix(4)) == [
            "21 problems in 15 files: 12 errors, 9 warnings",
            "  SCHEMA-TYPE   12 errors in 12 files",
            "  REF-MISMATCH  9 warnings in 3 files",
            "",
        ], "\(text)")
        #expect(lines[4] == "SCHEMA-TYPE (12 errors):")
        #expect(lines[5] == "controls/C-00.md:1:2: error: wrong [SCHEMA-TYPE]")
        #expect(lines[15] == "… and 2 more — run `evident lint --all` to list them")
        #expect(lines[16] == "REF-MISMATCH (9 warnings):")
        #expect(lines.suffix(3) == ["", "12 errors, 9 warnings", ""])
    }

    @Test func byFileInPathOrder() throws {
        let text = try TextDiagnosticReporter(grouping: .file, limits: .unlimited).string(DiagnosticReport(Self.many, rules: []))
        let headings = text.split(separator: "\n").filter { $0.hasSuffix("):") }
        #expect(headings.first == "controls/C-00.md (1 error):")
        #expect(headings.last == "policies/P-2.md (3 warnings):")
        #expect(headings.count == 15)
        #expect(!text.contains("… and"), "--all lists every diagnostic")
    }

    @Test func theListingStaysWithinItsLineBudget() throws {
        let spread = (0..<200).map { Self.diagnostic("SCHEMA-TYPE", "controls/C-\($0).md") }
        let text = try TextDiagnosticReporter(grouping: .file).string(DiagnosticReport(spread, rules: []))
        let grouped = text.split(separator: "\n", omittingEmptySubsequences: false).drop { !$0.isEmpty }.dropFirst().prefix { !$0.isEmpty }
        #expect(grouped.count <= TextDiagnosticReporter.screenLimits.lines!, "\(text)")
        #expect(grouped.last?.hasPrefix("… and ") == true && grouped.last?.hasSuffix(" more files — run `evident lint --all` to list them") == true, "\(text)")
    }

    /// Warnings in thirty files fill the line budget; an error in a file whose path sorts last is
    /// still listed: by file too, the files with errors come first.
    @Test func theLineBudgetNeverCutsAnErrorForWarnings() throws {
        let warnings = (10..<40).map { Self.diagnostic("REF-MISMATCH", "controls/C-\($0).md", severity: .warning) }
        let error = Self.diagnostic("SCHEMA-TYPE", "risks/register.yaml", message: "the one error")
        let text = try TextDiagnosticReporter(grouping: .file).string(DiagnosticReport(warnings + [error], rules: []))
        #expect(text.contains("risks/register.yaml:1:2: error: the one error [SCHEMA-TYPE]"), "\(text)")
    }

    /// Hostile paths, rules and messages in the headings, the summary and the diagnostics.
    @Test(arguments: HostileText.samples, DiagnosticGrouping.allCases)
    func theGroupedLayoutIsSafe(value: String, grouping: DiagnosticGrouping) throws {
        func report(_ value: String) -> DiagnosticReport {
            DiagnosticReport((0..<25).map { Self.diagnostic(value, value + "\($0 % 2)", line: $0 + 1, message: value) }, rules: [])
        }
        let renderer = TextDiagnosticReporter(grouping: grouping)
        let text = try renderer.string(report(value))
        #expect(OutputSafety.problems(in: text) == [], "\(text)")
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count
                == (try renderer.string(report("x"))).split(separator: "\n", omittingEmptySubsequences: false).count, "as many lines as with a benign value")
    }
}
