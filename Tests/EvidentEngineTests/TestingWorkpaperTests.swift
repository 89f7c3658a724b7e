import EvidentCore
import EvidentEngine
import EvidentReporting
import Foundation
import GitFixtures
import Testing

/// The tester's workpaper, `audits/<cycle>/testing.yaml`, through lint and the audit: each
/// planted problem raises exactly its diagnostic or finding, and its fixed twin raises nothing.
@Suite struct TestingWorkpaperTests {
    static let workpaper = "audits/2026/testing.yaml"
    static let today = Day(year: 2026, month: 12, day: 31)!

    /// The example program (AC-01 quarterly, operated by bob) with evidence for every quarter of
    /// 2026 landed on time, and the AC-01 sample an audit draws from it.
    private func program(in folder: TemporaryDirectory) throws -> (fixture: FixtureRepository, sampled: [String], unsampled: [String]) {
        var fixture = try FixtureRepository(in: folder.url)
        var files = ExampleProgram.base.mapValues { Optional($0) }
        files["risk/risk-assessment.md"] = "---\nkind: risk-assessment\n---\nRegister.\n"
        try fixture.commit(files, on: "2026-01-16", message: "Program")
        try fixture.commit(["evidence/AC-01/2026-04-10-review.md": "Q2"], on: "2026-04-11")
        try fixture.commit(["evidence/AC-01/2026-07-08-review.md": "Q3"], on: "2026-07-09")
        try fixture.commit(["evidence/AC-01/2026-10-05-review.md": "Q4", "audits/2026/interviews/alice.md": "Notes"], on: "2026-10-06")
        // At the clock of the workpaper commits below: the sample they conclude on.
        let record = try repository(fixture).audit(AuditRequest(cycle: "2026", clock: Day(year: 2026, month: 12, day: 20)!)).record
        let sample = try #require(record.controls.first { $0.id == "AC-01" }?.sample)
        let population = record.controls.first { $0.id == "AC-01" }!.periods.flatMap(\.occurrences).map(\.path)
        #expect(sample.items.count == 2 && population.count == 4)
        return (fixture, sample.items, population.filter { !sample.items.contains($0) })
    }

    private func repository(_ fixture: FixtureRepository) throws -> ComplianceRepository {
        try ComplianceRepository(discoveringFrom: fixture.url.path)
    }

    /// The workpaper text: a tester and AC-01's conclusions as `path: {…}` lines.
    private func workpaper(tester: String = "dave", _ conclusions: [(String, String)], control: String = "AC-01") -> String {
        "tester: \(tester)\nconclusions:\n  \(control):\n" + conclusions.map { "    \($0.0): {\($0.1)}\n" }.joined()
    }

    private func testingFindings(_ run: AuditRun) -> [AuditRecord.Finding] {
        run.record.findings.filter { $0.code.hasPrefix("TEST-") || $0.code == "INDEP-CONFLICT" }
    }

    private func testingDiagnostics(_ fixture: FixtureRepository) throws -> [Diagnostic] {
        try repository(fixture).lint(LintRequest(readsHistory: false, today: Self.today)).filter { $0.location.file == Self.workpaper }
    }

    @Test func anExceptionOnASampledItemIsAFindingListingItsItemAndNote() throws {
        let folder = try TemporaryDirectory()
        var (fixture, sampled, _) = try program(in: folder)
        try fixture.commit([Self.workpaper: workpaper([(sampled[0], "result: exception, note: No reviewer sign-off"), (sampled[1], "result: pass")])],
                           on: "2026-12-20")
        #expect(try testingDiagnostics(fixture).isEmpty)
        let run = try repository(fixture).audit(AuditRequest(cycle: "2026"))
        let findings = testingFindings(run)
        #expect(findings.map(\.code) == ["TEST-EXCEPTION"])
        let exception = try #require(findings.first)
        #expect(exception.subject == "AC-01" && exception.severity == .medium && exception.owner == "alice")
        #expect(exception.evidence == [sampled[0]])
        #expect(exception.message.contains("\(sampled[0]) (No reviewer sign-off)"), "\(exception.message)")
        let control = try #require(run.record.controls.first { $0.id == "AC-01" })
        #expect(control.result == .exceptions, "a tester's exception is a deviation of the control")
        #expect(control.sample.conclusions == [sampled[0]: "exception: No reviewer sign-off", sampled[1]: "pass"])
        #expect(run.record.tester == "dave")

        try fixture.commit([Self.workpaper: workpaper([(sampled[0], "result: pass"), (sampled[1], "result: pass")])], on: "2026-12-21")
        let fixed = try repository(fixture).audit(AuditRequest(cycle: "2026"))
        #expect(testingFindings(fixed).isEmpty, "\(testingFindings(fixed).map(\.message))")
        #expect(fixed.record.controls.first { $0.id == "AC-01" }?.result == .effective)
    }

    @Test func aSampledItemWithoutAConclusionIsIncomplete() throws {
        let folder = try TemporaryDirectory()
        var (fixture, sampled, _) = try program(in: folder)
        try fixture.commit([Self.workpaper: workpaper([(sampled[0], "result: pass")])], on: "2026-12-20")
        let findings = testingFindings(try repository(fixture).audit(AuditRequest(cycle: "2026")))
        #expect(findings.map(\.code) == ["TEST-INCOMPLETE"])
        let incomplete = try #require(findings.first)
        #expect(incomplete.subject == "AC-01" && incomplete.severity == .low && incomplete.owner == "dave")
        #expect(incomplete.evidence == [sampled[1]])

        try fixture.commit([Self.workpaper: workpaper([(sampled[0], "result: pass"), (sampled[1], "result: pass")])], on: "2026-12-21")
        #expect(testingFindings(try repository(fixture).audit(AuditRequest(cycle: "2026"))).isEmpty)
    }

    /// Without a workpaper nothing is incomplete: the cycle has not started testing.
    @Test func noWorkpaperRaisesNothing() throws {
        let folder = try TemporaryDirectory()
        let (fixture, _, _) = try program(in: folder)
        let run = try repository(fixture).audit(AuditRequest(cycle: "2026"))
        #expect(testingFindings(run).isEmpty)
        #expect(run.record.tester == nil && run.record.unsampledConclusions == nil)
        #expect(run.record.controls.allSatisfy { $0.sample.conclusions.isEmpty })
    }

    @Test func anInvalidResultIsALintErrorWhereItIsAndTheAuditStillRuns() throws {
        let folder = try TemporaryDirectory()
        var (fixture, sampled, _) = try program(in: folder)
        let bad = try fixture.commit([Self.workpaper: workpaper([(sampled[0], "result: pass"), (sampled[1], "result: passed")])], on: "2026-12-20")
        // Line 5 is the second conclusion; `{result: ` puts the value 4 + path + 2 + 9 columns in.
        let column = 4 + sampled[1].count + 2 + "{result: ".count + 1
        let diagnostics = try testingDiagnostics(fixture)
        #expect(diagnostics.map(\.ruleID) == ["TESTING-RESULT"])
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location == EvidentCore.SourceLocation(file: Self.workpaper, line: 5, column: column))
        #expect(diagnostic.message.contains("did you mean 'pass'?"), "\(diagnostic.message)")

        let expectedMessage = "\(Self.workpaper):5:\(column): "
        for request in [AuditRequest(cycle: "2026"), AuditRequest(cycle: "2026", asOf: bad)] {
            let run = try repository(fixture).audit(request)
            let findings = testingFindings(run)
            #expect(findings.map(\.code) == ["TEST-WORKPAPER-INVALID"], "no conclusion counts, so none is incomplete either")
            let invalid = try #require(findings.first)
            #expect(invalid.subject == "2026" && invalid.severity == .medium && invalid.evidence == [Self.workpaper])
            #expect(invalid.message.hasPrefix(expectedMessage) && invalid.message.contains("[TESTING-RESULT]"), "\(invalid.message)")
            #expect(run.record.tester == nil && run.record.controls.allSatisfy { $0.sample.conclusions.isEmpty })
            #expect(run.record.controls.first { $0.id == "AC-01" }?.result == .effective, "the rest of the audit ran as usual")
        }

        try fixture.commit([Self.workpaper: workpaper([(sampled[0], "result: pass"), (sampled[1], "result: pass")])], on: "2026-12-21")
        #expect(try testingDiagnostics(fixture).isEmpty)
        #expect(testingFindings(try repository(fixture).audit(AuditRequest(cycle: "2026"))).isEmpty)
        // The past commit still audits as it was.
        #expect(testingFindings(try repository(fixture).audit(AuditRequest(cycle: "2026", asOf: bad))).map(\.code) == ["TEST-WORKPAPER-INVALID"])
    }

    @Test func aYAMLErrorInTheWorkpaperIsAFindingNotAFailedAudit() throws {
        let folder = try TemporaryDirectory()
        var (fixture, _, _) = try program(in: folder)
        try fixture.commit([Self.workpaper: "tester: dave\nconclusions: [AC-01\n"], on: "2026-12-20")
        let diagnostics = try testingDiagnostics(fixture)
        #expect(diagnostics.map(\.ruleID) == ["YAML-SYNTAX"])
        let findings = testingFindings(try repository(fixture).audit(AuditRequest(cycle: "2026")))
        #expect(findings.map(\.code) == ["TEST-WORKPAPER-INVALID"])
        #expect(findings.first?.message.hasPrefix("\(diagnostics[0].location): ") == true, "\(findings.map(\.message))")
    }

    @Test func aTesterWhoIsNotInPeopleIsALintErrorAndTheirConclusionsDoNotCount() throws {
        let folder = try TemporaryDirectory()
        var (fixture, sampled, _) = try program(in: folder)
        try fixture.commit([Self.workpaper: workpaper(tester: "frank", sampled.map { ($0, "result: pass") })], on: "2026-12-20")
        let diagnostics = try testingDiagnostics(fixture)
        #expect(diagnostics.map(\.ruleID) == ["TESTING-TESTER"])
        #expect(diagnostics.first?.location == EvidentCore.SourceLocation(file: Self.workpaper, line: 1, column: 9))
        let findings = testingFindings(try repository(fixture).audit(AuditRequest(cycle: "2026")))
        #expect(findings.map(\.code) == ["TEST-WORKPAPER-INVALID"])
        #expect(findings.first?.message.hasPrefix("\(Self.workpaper):1:9: tester 'frank' is not one of the people") == true, "\(findings.map(\.message))")

        try fixture.commit([Self.workpaper: workpaper(tester: "dave", sampled.map { ($0, "result: pass") })], on: "2026-12-21")
        #expect(try testingDiagnostics(fixture).isEmpty)
        #expect(testingFindings(try repository(fixture).audit(AuditRequest(cycle: "2026"))).isEmpty)
    }

    /// The operator testing their own control: lint's TESTING-TESTER and the audit's INDEP-CONFLICT.
    @Test func theOperatorCannotTestTheirControl() throws {
        let folder = try TemporaryDirectory()
        var (fixture, sampled, _) = try program(in: folder)
        try fixture.commit([Self.workpaper: workpaper(tester: "bob", sampled.map { ($0, "result: pass") })], on: "2026-12-20")
        let diagnostics = try testingDiagnostics(fixture)
        #expect(diagnostics.map(\.ruleID) == ["TESTING-TESTER"])
        #expect(diagnostics.first?.location == EvidentCore.SourceLocation(file: Self.workpaper, line: 3, column: 3))
        let findings = testingFindings(try repository(fixture).audit(AuditRequest(cycle: "2026")))
        #expect(findings.map { "\($0.code) \($0.subject)" } == ["INDEP-CONFLICT AC-01"])
    }

    @Test func conclusionsOutsideTheSampleAreListedInTheRecord() throws {
        let folder = try TemporaryDirectory()
        var (fixture, sampled, unsampled) = try program(in: folder)
        let text = workpaper((sampled + [unsampled[0]]).map { ($0, $0 == unsampled[0] ? "result: exception, note: Late" : "result: pass") })
            + "  AC-99:\n    evidence/AC-99/2026-02-01-review.md: {result: pass}\n"
        try fixture.commit([Self.workpaper: text], on: "2026-12-20")
        let warnings = try testingDiagnostics(fixture)
        #expect(warnings.map(\.ruleID) == ["TESTING-ITEM"] && warnings.allSatisfy { $0.severity == .warning }, "AC-99 does not exist")
        #expect(warnings.first?.location == EvidentCore.SourceLocation(file: Self.workpaper, line: 7, column: 3))

        let run = try repository(fixture).audit(AuditRequest(cycle: "2026"))
        #expect(testingFindings(run).isEmpty, "an exception outside the sample is listed, not raised: \(testingFindings(run).map(\.message))")
        #expect(run.record.unsampledConclusions == [
            AuditRecord.UnsampledConclusion(control: "AC-01", item: unsampled[0], conclusion: "exception: Late"),
            AuditRecord.UnsampledConclusion(control: "AC-99", item: "evidence/AC-99/2026-02-01-review.md", conclusion: "pass"),
        ])
        #expect(run.record.controls.first { $0.id == "AC-01" }?.sample.conclusions == Dictionary(uniqueKeysWithValues: sampled.map { ($0, "pass") }))
        let json = try RecordFormat.json.renderer.string(run.record)
        #expect(json.contains(#""unsampled_conclusions" : ["#))
        #expect(try AuditRecord.read(Data(json.utf8), file: "record.json").unsampledConclusions == run.record.unsampledConclusions)
        let markdown = try RecordFormat.markdown.renderer.string(run.record)
        #expect(markdown.contains("### Conclusions outside the samples"))
        #expect(markdown.contains("| `AC-01` | `\(unsampled[0])` | exception: Late |"), "\(markdown)")
        #expect(markdown.contains("| `AC-99` | `evidence/AC-99/2026-02-01-review.md` | pass |"))
        #expect(markdown.contains("| Tester | dave |"))

        // The twin concludes on the sample alone: nothing outside it, and the record says nothing of it.
        try fixture.commit([Self.workpaper: workpaper(sampled.map { ($0, "result: pass") })], on: "2026-12-21")
        let fixed = try repository(fixture).audit(AuditRequest(cycle: "2026"))
        #expect(fixed.record.unsampledConclusions == nil)
        #expect(try testingDiagnostics(fixture).isEmpty)
        #expect(!(try RecordFormat.json.renderer.string(fixed.record)).contains("unsampled_conclusions"))
        #expect(!(try RecordFormat.markdown.renderer.string(fixed.record)).contains("Conclusions outside the samples"))
    }
}
