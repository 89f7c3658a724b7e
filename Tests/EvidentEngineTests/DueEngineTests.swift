import EvidentCore
import EvidentEngine
import Foundation
import GitFixtures
import Testing

/// `ComplianceRepository.due(_:)`: what is due, proven from the mainline history.
@Suite struct DueEngineTests {
    /// The example program through 2026 without AC-01's second-quarter evidence (see
    /// `Fixtures.yearOfEvidence`): the policies were approved on 10 January.
    private func program(in folder: TemporaryDirectory) throws -> FixtureRepository {
        try Fixtures.yearOfEvidence(in: folder, q2: nil)
    }

    @Test func aMissedQuarterIsOverdueUntilALateOccurrenceNoLongerCounts() throws {
        let folder = try TemporaryDirectory()
        let fixture = try program(in: folder)
        // As the repository stood on 9 July, when Q3's evidence landed; a clock in August.
        let july = try Git.text(["rev-list", "-1", "--before=2026-07-10", "HEAD"], in: fixture.url)
        let august = try Fixtures.open(fixture).due(DueRequest(asOf: july, clock: Day("2026-08-01")!, within: 30))
        #expect(august.commit == july)
        #expect(august.items.map { "\($0.status.rawValue) \($0.subject) \($0.period.map(\.description) ?? "-") \($0.deadline) \($0.countsUntil.map(\.description) ?? "-")" }
            == ["overdue AC-01 2026-04-01…2026-06-30 2026-07-14 2026-10-14"])
        #expect(august.items[0].owner == "alice" && august.items[0].path == "evidence/AC-01/" && august.items[0].cycle == "2026")

        // At the tip, in December: Q2 is past counting (a finding now), Q3 and Q4 landed on time,
        // and the policies approved on 10 January fall due on the 10th.
        let december = try Fixtures.open(fixture).due(DueRequest(clock: Day("2026-12-20")!))
        #expect(december.items.allSatisfy { $0.kind == .policyReview && $0.status == .upcoming && $0.deadline == Day("2027-01-10")! })
        #expect(december.items.count == ExampleProgram.topics.count)
    }

    /// At one clock, the policies `due` calls overdue are those lint raises POLICY-REVIEW-OVERDUE for.
    @Test func overdueReviewsAreTheOnesLintRaises() throws {
        let folder = try TemporaryDirectory()
        let fixture = try program(in: folder)
        let repository = try Fixtures.open(fixture)
        for clock in ["2026-12-20", "2027-01-10", "2027-01-11"] {
            let overdue = try repository.due(DueRequest(clock: Day(clock)!)).overdue.filter { $0.kind == .policyReview }.map(\.path)
            let lint = try repository.lint(LintRequest(today: Day(clock)!)).filter { $0.ruleID == "POLICY-REVIEW-OVERDUE" }.map(\.location.file)
            #expect(overdue.sorted() == lint.sorted(), "\(clock)")
        }
        #expect(try repository.due(DueRequest(clock: Day("2027-01-11")!)).overdue.count == ExampleProgram.topics.count)
    }

    @Test func theHorizonMustBeAYearAtMost() throws {
        let folder = try TemporaryDirectory()
        let repository = try Fixtures.open(try program(in: folder))
        for within in [-1, 367] {
            let error = #expect(throws: EngineError.self) { try repository.due(DueRequest(clock: Day("2026-12-20")!, within: within)) }
            #expect(error?.status == .usage && error?.message == "--within takes 0 to 366 days, not \(within)")
        }
        #expect(try repository.due(DueRequest(clock: Day("2026-12-20")!, within: 366)).within == 366)
    }
}

/// Every command that reads a program, in a repository without evident.yaml: one usage error
/// that says to run `evident init`, instead of a diagnostic for each rule an empty program breaks.
@Suite struct ProgramPresenceTests {
    private func repositoryWithoutProgram(in folder: TemporaryDirectory) throws -> FixtureRepository {
        var fixture = try FixtureRepository(in: folder.url)
        try fixture.commit(["README.md": "Our product.\n"], on: "2026-03-02")
        return fixture
    }

    @Test func everyCommandThatReadsTheProgramSaysToRunInit() throws {
        let folder = try TemporaryDirectory()
        let fixture = try repositoryWithoutProgram(in: folder)
        let repository = try Fixtures.open(fixture)
        let today = Day("2026-03-10")!
        let uses: [(String, () throws -> Void)] = [
            ("lint", { _ = try repository.lint(LintRequest(today: today)) }),
            ("lint --staged", { _ = try repository.lint(LintRequest(staged: true, today: today)) }),
            ("audit", { _ = try repository.audit(AuditRequest()) }),
            ("due", { _ = try repository.due(DueRequest(clock: today)) }),
            ("diff", { _ = try repository.renewalDiff(RenewalRequest(earlier: "2025", later: "2026")) }),
            ("pr", { _ = try repository.review(base: "HEAD", head: "HEAD", today: today) }),
            ("export oscal --components", { _ = try repository.componentDefinition(ref: nil) }),
            ("codeowners", { _ = try repository.codeOwners(check: true) }),
        ]
        for (command, use) in uses {
            let error = #expect(throws: EngineError.self, "\(command)") { try use() }
            #expect(error?.status == .usage, "\(command)")
            #expect(error?.message.contains("no Evident program") == true && error?.message.contains("run `evident init`") == true,
                    "\(command): \(error?.message ?? "")")
        }
    }

    /// With evident.yaml written but not yet staged or committed, the message says that instead.
    @Test func aProgramNotYetCommittedIsNamedAsSuch() throws {
        let folder = try TemporaryDirectory()
        let fixture = try repositoryWithoutProgram(in: folder)
        _ = try Scaffold.write(ScaffoldRequest(folder: fixture.url.path, categories: [], organization: "Acme", year: 2026))
        let repository = try Fixtures.open(fixture)
        let audit = #expect(throws: EngineError.self) { try repository.audit(AuditRequest()) }
        #expect(audit?.status == .usage && audit?.message.hasPrefix("evident.yaml is not committed on main (commit ") == true, "\(audit?.message ?? "")")
        let staged = #expect(throws: EngineError.self) { try repository.lint(LintRequest(staged: true, today: Day("2026-03-10")!)) }
        #expect(staged?.message == "evident.yaml is not staged: `git add evident.yaml` (the staged program is what the next commit will contain)")
        // The working tree has it: lint reads it.
        #expect(try repository.lint(LintRequest(today: Day("2026-03-10")!)).allSatisfy { $0.ruleID == "PEOPLE-PLACEHOLDER" })
    }
}
