import EvidentCore
import EvidentGit
import EvidentReporting
import Foundation
import GitFixtures
import Testing

/// Every renderer, fed documents whose every value from a repository is hostile: text and
/// Markdown stay free of control characters and workflow commands, Markdown tables keep their
/// columns, and HTML has exactly the elements and attributes a benign document has.
@Suite struct HostileContentRenderingTests {
    // MARK: Lint diagnostics

    private func diagnostics(_ value: String) -> DiagnosticReport {
        DiagnosticReport([
            Diagnostic(ruleID: "EVIDENCE-NAME-DATE", severity: .error, message: "evidence '\(value)' must start with the date it claims",
                       location: SourceLocation(file: "evidence/AC-01/\(value).md", line: 1, column: 1)),
            Diagnostic(ruleID: "SCHEMA-UNKNOWN-KEY", severity: .warning, message: value, location: SourceLocation(file: value, line: 2, column: 3)),
        ], rules: [])
    }

    @Test(arguments: HostileText.samples)
    func lintTextIsSafe(value: String) throws {
        let text = try TextDiagnosticReporter().string(diagnostics(value))
        #expect(OutputSafety.problems(in: text) == [])
        #expect(text.split(separator: "\n").count == 3, "a line per diagnostic, then the count")
    }

    @Test(arguments: HostileText.samples)
    func lintMarkdownIsSafe(value: String) throws {
        let markdown = try MarkdownDiagnosticReporter().string(diagnostics(value))
        #expect(OutputSafety.problems(in: markdown, markdownTables: true) == [])
        #expect(markdown.split(separator: "\n").count == 4, "the header, its rule, a row per diagnostic")
    }

    @Test(arguments: HostileText.samples)
    func lintAnnotationsAreOnePerDiagnostic(value: String) throws {
        let annotations = try GitHubActionsDiagnosticReporter().string(diagnostics(value))
        #expect(OutputSafety.problems(in: annotations, annotations: true) == [])
        let lines = annotations.split(separator: "\n")
        #expect(lines.count == 2 && lines.allSatisfy { $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") })
    }

    // MARK: The audit record

    /// A record as a committed record.json could hold it, with `value` in every string that
    /// comes from the repository.
    private func record(_ value: String) throws -> AuditRecord {
        let v = String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
        let occurrence = #"{"path": \#(v), "claimed": "2026-03-30", "landed": \#(v), "commit": "0123456789abcdef0123456789abcdef01234567"}"#
        let json = """
        {
          "statement": "s", "tool": \(v), "organization": \(v), "system": \(v),
          "cycle": {"id": \(v), "type": 2, "start": \(v), "end": \(v), "fieldwork": \(v)},
          "audited_commit": \(v), "clock": \(v), "categories": [\(v)],
          "criteria": [{"id": \(v), "title": \(v), "controls": [\(v), \(v)]}],
          "controls": [
            {"id": \(v), "title": \(v), "owner": \(v), "frequency": "quarterly", "risk": "high",
             "status": "active", "result": "exceptions", "conclusion": \(v), "window": \(v), "startedOn": \(v),
             "periods": [{"start": \(v), "end": \(v), "state": "missing", "occurrences": [\(occurrence)], "backfilled": \(v)}],
             "occurrences": [\(occurrence)],
             "sample": {"population": 1, "population_sha256": \(v), "seed": \(v), "size": 1, "size_rule": \(v), "items": [\(v)], "conclusions": {\(v): \(v)}}}
          ],
          "policies": [{"id": \(v), "version": \(v), "owner": \(v), "approvals": [{"by": \(v), "version": \(v), "commit": \(v), "landed": \(v), "binding": "author", "binding_commit": \(v)}]}],
          "findings": [{"id": \(v), "code": \(v), "severity": "high", "subject": \(v), "owner": \(v), "due": \(v),
                        "status": "open", "message": \(v), "evidence": [\(v)], "period": \(v)}],
          "follow_up": [{"id": \(v), "code": \(v), "subject": \(v), "status": "remediated"}],
          "tester": \(v), "previous": \(v),
          "unsampled_conclusions": [{"control": \(v), "item": \(v), "conclusion": \(v)}], "format_version": 4,
          "due_within": 30,
          "due": [\(due("evidence", "overdue", v)), \(due("evidence", "upcoming", v)), \(due("policy-review", "upcoming", v)), \(due("interview", "overdue", v))],
          "interviews": [{"owner": \(v), "name": \(v), "note": \(v), "landed": \(v), "commit": \(v)}]
        }
        """
        return try JSONDecoder().decode(AuditRecord.self, from: Data(json.utf8))
    }

    /// An entry of the record's due list with `v` (JSON) in every string but its deadline, which
    /// must read as a day for the entry to be listed.
    private func due(_ kind: String, _ status: String, _ v: String) -> String {
        #"{"kind": "\#(kind)", "status": "\#(status)", "owner": \#(v), "subject": \#(v), "period": \#(v), "deadline": "2026-10-14", "counts_until": \#(v), "path": \#(v)}"#
    }

    @Test(arguments: HostileText.samples)
    func recordSummaryIsSafe(value: String) throws {
        let text = try RecordSummaryRenderer().string(record(value))
        #expect(OutputSafety.problems(in: text) == [])
    }

    @Test(arguments: HostileText.samples)
    func recordMarkdownIsSafe(value: String) throws {
        let markdown = try RecordMarkdownRenderer().string(record(value))
        #expect(OutputSafety.problems(in: markdown, markdownTables: true) == [])
        #expect(markdown.split(separator: "\n", omittingEmptySubsequences: false).count
                == (try RecordMarkdownRenderer().string(record("x"))).split(separator: "\n", omittingEmptySubsequences: false).count,
                "as many lines as with a benign value")
    }

    @Test(arguments: HostileText.samples)
    func reportHTMLHasOnlyEvidentsMarkup(value: String) throws {
        let benign = try RecordHTMLRenderer().string(record("x"))
        #expect(benign.contains("<table class=\"due\">") && benign.contains("<h2 id=\"interviews\">Interviews</h2>\n<p>1 of 1"),
                "the due list and the interviews are on the page")
        let hostile = try HTMLStructure.of(RecordHTMLRenderer().string(record(value)))
        #expect(hostile == (try HTMLStructure.of(benign)))
    }

    /// A browser obeys a right-to-left override in a title or a file name to the end of the cell,
    /// so Evident's own words and dates after it would read reversed: report.html writes bidi
    /// formatting and control characters visibly, as record.md does.
    @Test(arguments: HostileText.samples)
    func reportHTMLHasNoRawControlOrBidiCharacters(value: String) throws {
        let html = try RecordHTMLRenderer().string(record(value))
        #expect(OutputSafety.problems(in: html, allowsTab: true).filter { $0.hasPrefix("raw ") } == [])
    }

    @Test func aRightToLeftOverrideInATitleIsWrittenAsItsBytes() throws {
        var record = try record("x")
        record.controls[0].title = "Backups \u{202E}evil"
        let html = try RecordHTMLRenderer().string(record)
        #expect(html.contains("<strong>Backups \\342\\200\\256evil</strong>"))
    }

    /// A browser shows a line break in a `title` as a new line of the tooltip: an evidence file
    /// named with one could add a line that reads as the period's state. The break is written
    /// as `\n`, so the tooltip is the one line Evident wrote.
    @Test func aLineBreakInAFileNameCannotAddALineToATooltip() throws {
        var record = try record("x")
        record.controls[0].periods[0].occurrences[0].path = "evidence/AC-01/2026-03-30-x\n2026-01-01…2026-03-31: on time.md"
        let html = try RecordHTMLRenderer().string(record)
        let titles = html.components(separatedBy: "title=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(!titles.isEmpty && titles.allSatisfy { !$0.contains("\n") }, "\(titles)")
        #expect(html.contains("2026-03-30-x\\n2026-01-01…2026-03-31: on time.md claimed"))
    }

    /// The attack the issue reported: a quote followed by a combining accent is one Character,
    /// which a Character-wise escaper let through, closing the `title` attribute.
    @Test func quoteWithCombiningMarkStaysInsideItsAttribute() throws {
        var record = try record("x")
        let attack = "\"\u{301} onmouseover=alert(1) x=\""
        (record.controls[0].periods[0].start, record.controls[0].periods[0].end) = (attack, attack)
        let html = try RecordHTMLRenderer().string(record)
        #expect(html.contains("title=\"&quot;\u{301} onmouseover=alert(1) x=&quot;: missing"))
        #expect(try HTMLStructure.of(html) == (try HTMLStructure.of(RecordHTMLRenderer().string(self.record("x")))))
    }

    // MARK: The change review and the renewal diff

    private func review(_ value: String) throws -> ChangeReview {
        let v = String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
        let json = """
        {"base": \(v), "head": \(v), "merge_base": \(v),
         "items": [{"kind": "control", "id": \(v), "file": \(v), "change": "changed", "title": \(v), "owner": \(v),
                    "fields": [{"field": \(v), "before": \(v), "after": \(v)}], "text_changed": true}],
         "evidence_added": [\(v)], "evidence_changed": [\(v)],
         "approvers": [{"owner": \(v), "handle": \(v), "items": [\(v)]}],
         "diagnostics": [{"rule": \(v), "severity": "error", "message": \(v), "file": \(v), "line": 1, "column": 1}]}
        """
        return try JSONDecoder().decode(ChangeReview.self, from: Data(json.utf8))
    }

    @Test(arguments: HostileText.samples)
    func changeReviewTextAndMarkdownAreSafe(value: String) throws {
        let review = try review(value)
        #expect(OutputSafety.problems(in: try ChangeReviewFormat.text.renderer.string(review)) == [])
        #expect(OutputSafety.problems(in: try ChangeReviewFormat.markdown.renderer.string(review), markdownTables: true) == [])
    }

    private func renewal(_ value: String) throws -> RenewalDiff {
        let v = String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
        let entry = #"{"id": \#(v), "title": \#(v), "owner": \#(v)}"#
        let lines = try ["@@", "- " + value, "+ " + value, "  " + value].map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        let change = #"{"id": \#(v), "title": \#(v), "fields": [{"field": \#(v), "before": \#(v), "after": \#(v)}], "text": [\#(lines.joined(separator: ", "))], "approvals": [\#(v)], "approved": false}"#
        let population = #"{"due": 1, "on_time": 1, "late": 0, "missing": 0, "pending": 0, "occurrences": 1, "result": "effective", "summary": \#(v)}"#
        let group = #"{"code": \#(v), "subject": \#(v), "owner": \#(v), "severity": "high", "before": 1, "after": 1, "message": \#(v), "pending": [\#(v)]}"#
        let side = #"{"cycle": \#(v), "start": \#(v), "end": \#(v), "commit": \#(v), "recorded": true, "clock": \#(v)}"#
        let json = """
        {"from": \(side), "to": \(side),
         "controls": {"added": [\(entry)], "removed": [\(entry)], "retired": [\(entry)], "changed": [\(change)]},
         "criteria": {"gained": [\(v)], "lost": [\(v)], "uncovered": [\(v)]},
         "owners": [{"kind": \(v), "id": \(v), "before": \(v), "after": \(v)}],
         "policies": {"added": [\(entry)], "removed": [\(entry)], "changed": [\(change)]},
         "populations": [{"control": \(v), "before": \(population), "after": \(population), "changed": true}],
         "findings": {"new": [\(group)], "resolved": [\(group)], "recurring": [\(group)], "pending": [\(group)]},
         "pending": [{"cycle": \(v), "control": \(v), "periods": [\(v)]}]}
        """
        return try JSONDecoder().decode(RenewalDiff.self, from: Data(json.utf8))
    }

    @Test(arguments: HostileText.samples)
    func renewalDiffIsSafeInEveryLayout(value: String) throws {
        let diff = try renewal(value)
        #expect(OutputSafety.problems(in: try RenewalDiffFormat.text.renderer.string(diff)) == [])
        #expect(OutputSafety.problems(in: try RenewalDiffFormat.markdown.renderer.string(diff), markdownTables: true) == [])
        let html = try HTMLStructure.of(RenewalDiffFormat.html.renderer.string(diff))
        #expect(html == (try HTMLStructure.of(RenewalDiffFormat.html.renderer.string(renewal("x")))))
    }

    /// A diff line that is context (`  `) and then `::`: indenting does not help, since the
    /// runner trims leading white space before it looks for a command.
    @Test func contextLineOfADiffCannotStartACommand() throws {
        var diff = try renewal("x")
        diff.controls.changed[0].text = ["@@", "  ::error::x", "+ ::error::y", "- ```", "+ ~~~~"]
        let text = try RenewalDiffFormat.text.renderer.string(diff)
        #expect(OutputSafety.problems(in: text) == [])
        let markdown = try RenewalDiffFormat.markdown.renderer.string(diff)
        #expect(OutputSafety.problems(in: markdown) == [])
        #expect(markdown.contains("````diff\n@@\n \\072:error::x\n+::error::y\n-```\n+~~~~\n````\n"), "a fence the lines cannot close")
    }

    // MARK: Verify and history

    @Test(arguments: HostileText.samples)
    func verificationIsSafe(value: String) throws {
        var report = VerificationReport(problems: [value, "audits/\(value)/record.json: \(value)"], checked: 1, records: 1, revision: value, tip: value)
        report.notes = [value]
        #expect(OutputSafety.problems(in: try VerificationRenderer().string(report)) == [])
        report.problems = []
        #expect(OutputSafety.problems(in: try VerificationRenderer().string(report)) == [])
    }

    @Test(arguments: HostileText.samples)
    func historyIsSafe(value: String) throws {
        let author = Signature(name: value, email: value, time: 1_769_938_200, offsetMinutes: 0)
        let commit = CommitInfo(id: ObjectID(hex: String(repeating: "ab", count: 20))!, author: author, committer: author, trailers: [], isSigned: false)
        let history = MainlineHistory(head: commit.id, reference: "refs/heads/main", roots: [try HistoryRoot("controls")],
                                      files: [FileHistory(path: GitPath("controls/\(value).md"), events: [FileEvent(status: .added, commit: commit)])])
        let text = String(decoding: HistoryTextRenderer.renderBytes(history), as: UTF8.self)
        #expect(OutputSafety.problems(in: text) == [])
        #expect(text.split(separator: "\n").count == 2)
    }
}

/// The elements and attribute names of an HTML page as Python's `html.parser` reads it, in
/// order: two pages with the same structure differ only in text and attribute values.
enum HTMLStructure {
    static func of(_ html: String) throws -> [String] {
        let folder = try TemporaryDirectory()
        let file = folder.path("page.html")
        try Data(html.utf8).write(to: file)
        let script = """
            import sys
            from html.parser import HTMLParser
            class P(HTMLParser):
                def handle_starttag(self, tag, attrs): print("<" + tag + " " + " ".join(name for name, _ in attrs))
                def handle_endtag(self, tag): print("</" + tag)
            P(convert_charrefs=True).feed(open(sys.argv[1], encoding="utf-8").read())
            """
        let result = try Process.capture(executable: "/usr/bin/env", arguments: ["python3", "-c", script, file.path], in: folder.url)
        guard result.status == 0 else { throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: String(decoding: result.standardError, as: UTF8.self)]) }
        return String(decoding: result.standardOutput, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
