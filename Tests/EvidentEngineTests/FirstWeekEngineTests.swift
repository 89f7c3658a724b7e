import EvidentCore
import EvidentEngine
import Foundation
import GitFixtures
import Testing

/// A program started today, as a new user starts one: `init`, put in the real people, commit,
/// and audit a week later. The audit raises only what a CPA would raise at that point.
@Suite struct FirstWeekEngineTests {
    /// Scaffolds the starter program on `today` (the first cycle as `init` plans it), replaces
    /// the placeholder people, lints clean and commits it on that day.
    private func startProgram(in folder: TemporaryDirectory, today: String, start: String? = nil,
                              categories: [String] = []) throws -> (FixtureRepository, ScaffoldOutcome) {
        var fixture = try FixtureRepository(in: folder.url)
        let plan = CyclePlan(today: Day(today)!, start: start.map { Day($0)! })
        let outcome = try Scaffold.write(ScaffoldRequest(folder: fixture.url.path, categories: categories, organization: "Acme", cycle: plan))
        let repository = try Fixtures.open(fixture)
        let placeholders = try repository.lint(LintRequest(today: Day(today)!))
        #expect(Set(placeholders.map(\.ruleID)) == ["PEOPLE-PLACEHOLDER"] && placeholders.count == StarterProgram.roles.count)
        let yaml = fixture.url.appendingPathComponent("evident.yaml")
        var text = String(decoding: try Data(contentsOf: yaml), as: UTF8.self)
        for role in StarterProgram.roles {
            text = text.replacingOccurrences(of: "\(role.title) \(StarterProgram.placeholderMarker)", with: "\(role.title) of Acme")
                .replacingOccurrences(of: StarterProgram.placeholderEmail(role: role.key), with: "\(role.key)@acme.example")
        }
        try Data(text.utf8).write(to: yaml)
        #expect(try repository.lint(LintRequest(today: Day(today)!)).isEmpty, "with the real people the program lints clean")
        try fixture.commit([:], on: today, message: "Start the SOC 2 program")
        return (fixture, outcome)
    }

    private func findings(_ fixture: FixtureRepository, clock: String) throws -> [String] {
        try Fixtures.open(fixture).audit(AuditRequest(clock: Day(clock)!)).findings.map { "\($0.code) \($0.subject)" }
    }

    /// Started on 1 December, the program's window is next year's; a week later nothing of it
    /// has run yet.
    @Test func aWeekAfterInitTheAuditOnlySaysItIsTooEarly() throws {
        let folder = try TemporaryDirectory()
        let (fixture, outcome) = try startProgram(in: folder, today: "2026-12-01")
        #expect(outcome.cycle == StarterCycle(start: Day("2027-01-01")!, months: 12, fieldwork: Day("2028-01-31")!))

        let expected = [
            // The one thing to say a week in: the window has not started (and is not half over),
            // so there is nothing to test yet. Nothing else is raised, because nothing is due:
            // - every period of every control is pending (none has begun, or its grace days run);
            // - no control is a partial population: all landed before the window starts;
            // - an event control with no occurrence is only reported once the window is over;
            // - the policies are new: their first approval is due review_days after they landed,
            //   by the window's end at the latest, and they changed before the window, not in it;
            // - the interview notes are due by the window's end;
            // - the risk assessment landed this week; the owners are people of evident.yaml; every
            //   criterion is covered and every required policy exists (the starter program).
            "TIMING-EARLY 2027",
        ]
        #expect(try findings(fixture, clock: "2026-12-08") == expected)

        // And nothing is due within the next 30 days: the first deadlines come in January.
        let due = try Fixtures.open(fixture).due(DueRequest(clock: Day("2026-12-08")!, within: 30))
        #expect(due.items.isEmpty, "\(due.items.map { "\($0.subject) \($0.deadline)" })")
        #expect(due.cycles.map(\.id) == ["2027"])
        // Sixty days ahead, the weekly security alert triage's first three weeks are.
        let ahead = try Fixtures.open(fixture).due(DueRequest(clock: Day("2026-12-08")!, within: 60))
        #expect(ahead.items.map { "\($0.subject) \($0.period!) due \($0.deadline)" } == [
            "OP-02 2027-01-01…2027-01-03 due 2027-01-17", "OP-02 2027-01-04…2027-01-10 due 2027-01-24", "OP-02 2027-01-11…2027-01-17 due 2027-01-31",
        ])
    }

    /// Started on 28 December, the window begins four days later; audited on 4 January, its
    /// first periods are running and none is due.
    @Test func fourDaysIntoTheWindowTheAuditOnlySaysItIsTooEarly() throws {
        let folder = try TemporaryDirectory()
        let (fixture, outcome) = try startProgram(in: folder, today: "2026-12-28", categories: ["availability"])
        #expect(outcome.cycle.start == Day("2027-01-01")!)
        // The same list, for the same reasons; the daily backup control (AV-02) landed before
        // the window began, so it is not a partial population either.
        #expect(try findings(fixture, clock: "2027-01-04") == ["TIMING-EARLY 2027"])
    }

    /// A program committed on 5 January into a window that began on the 1st (chosen with
    /// --start): a control that could not run in its first period is a partial population;
    /// one that still can, is not.
    @Test func onlyAControlThatMissedItsFirstPeriodIsAPartialPopulation() throws {
        let folder = try TemporaryDirectory()
        let (fixture, _) = try startProgram(in: folder, today: "2027-01-05", start: "2027-01-01", categories: ["availability"])
        // The daily backups (AV-02) missed 1 to 4 January and the weekly alert triage (OP-02) its
        // first week (1 to 3 January): they started after their first period. Every monthly,
        // quarterly and annual control landed inside its first period and can still be performed
        // for it, so it is tested whole. (The policies, which landed in the window with no
        // approval, are another matter.)
        let partial = try findings(fixture, clock: "2027-01-12").filter { $0.hasPrefix("EVID-PARTIAL-POPULATION") }
        #expect(partial == ["EVID-PARTIAL-POPULATION AV-02", "EVID-PARTIAL-POPULATION OP-02"])
    }

    @Test func theFirstCycleIsPlannedFromTheFlags() throws {
        let folder = try TemporaryDirectory()
        func plan(_ plan: CyclePlan) throws -> StarterCycle { try plan.resolved() }
        let today = Day("2026-12-01")!
        #expect(try plan(CyclePlan(today: today)) == StarterCycle(start: Day("2027-01-01")!))
        #expect(try plan(CyclePlan(today: today, start: Day("2027-03-01")!, months: 6)).end == Day("2027-08-31")!)
        #expect(try plan(CyclePlan(today: today, year: 2026)) == StarterCycle.calendarYear(2026))
        #expect(try plan(CyclePlan(today: today, fieldwork: Day("2028-03-01")!)).fieldwork == Day("2028-03-01")!)

        for (bad, message) in [
            (CyclePlan(today: today, start: Day("2027-01-01")!, year: 2027), "--start and --year both say when the window starts; give one of them"),
            (CyclePlan(today: today, months: 0), "--months must be from 1 to 24, not 0"),
            (CyclePlan(today: today, months: 25), "--months must be from 1 to 24, not 25"),
            (CyclePlan(today: today, fieldwork: Day("2027-12-31")!), "--fieldwork 2027-12-31 is not after the window's end (2027-12-31): fieldwork examines a window that has ended"),
        ] {
            let target = folder.path("bad")
            let error = #expect(throws: EngineError.self) {
                try Scaffold.write(ScaffoldRequest(folder: target.path, categories: [], organization: "X", cycle: bad))
            }
            #expect(error?.status == .usage && error?.message == message)
            #expect(!FileManager.default.fileExists(atPath: target.path), "nothing is written on bad input")
        }
    }
}
