import EvidentCore
import Testing

/// Periods and populations, the first part of the internal audit.
@Suite struct PopulationTests {
    private func day(_ text: String) -> Day { Day(text)! }
    private func range(_ start: String, _ end: String) -> DayRange { DayRange(start: day(start), end: day(end)) }
    private let year2026 = DayRange(start: Day("2026-01-01")!, end: Day("2026-12-31")!)

    @Test func periodsAreCalendarAlignedAndClipped() {
        let window = range("2026-02-15", "2026-08-10")
        #expect(Frequency.quarterly.periods(in: window) == [range("2026-02-15", "2026-03-31"), range("2026-04-01", "2026-06-30"), range("2026-07-01", "2026-08-10")])
        #expect(Frequency.semiannual.periods(in: window) == [range("2026-02-15", "2026-06-30"), range("2026-07-01", "2026-08-10")])
        #expect(Frequency.monthly.periods(in: window).count == 7)
        #expect(Frequency.monthly.periods(in: window).first == range("2026-02-15", "2026-02-28"))
        #expect(Frequency.annual.periods(in: window) == [window])
        #expect(Frequency.continuous.periods(in: window) == [window])
        #expect(Frequency.event.periods(in: window).isEmpty)
        #expect(Frequency.daily.periods(in: range("2026-12-30", "2027-01-02")).count == 4)
        #expect(Frequency.monthly.periods(in: range("2026-11-01", "2027-04-30")).map(\.start.description)
            == ["2026-11-01", "2026-12-01", "2027-01-01", "2027-02-01", "2027-03-01", "2027-04-01"])
    }

    @Test func weeksAreISOWeeksStartingMonday() {
        // 2026-01-01 is a Thursday: the first period runs to Sunday 2026-01-04.
        let weeks = Frequency.weekly.periods(in: year2026)
        #expect(weeks.first == range("2026-01-01", "2026-01-04"))
        #expect(weeks[1] == range("2026-01-05", "2026-01-11"))
        #expect(weeks.last == range("2026-12-28", "2026-12-31"))
        #expect(weeks.count == 53)
    }

    private func occurrence(_ claimed: String, landed: String?, covers: DayRange? = nil) -> ProvenOccurrence {
        ProvenOccurrence(path: "evidence/AC-05/\(claimed).csv", claimed: day(claimed), covers: covers,
                         landingCommit: landed.map { _ in "c" }, landed: landed.map(day))
    }

    @Test func quarterlyControlOnTimeLateMissingAndPending() {
        let population = Population.build(
            frequency: .quarterly, graceDays: 14, window: year2026, clock: day("2026-12-20"),
            occurrences: [
                occurrence("2026-03-31", landed: "2026-04-10"),   // on time: within 14 days
                occurrence("2026-06-30", landed: "2026-07-20"),   // late: 20 days after
                occurrence("2026-12-15", landed: "2026-12-16"),   // Q4 closes after the clock, filled anyway
            ])
        #expect(population.periods.map(\.state) == [.onTime, .late, .missing, .onTime])
        let pending = Population.build(frequency: .quarterly, graceDays: 14, window: year2026, clock: day("2026-12-20"), occurrences: [])
        #expect(pending.periods.map(\.state) == [.missing, .missing, .missing, .pending])
        #expect(pending.tested.count == 3)
    }

    @Test func coversFillsEveryPeriodItSpans() {
        let export = occurrence("2026-03-31", landed: "2026-04-02", covers: range("2026-01-01", "2026-03-31"))
        let population = Population.build(frequency: .monthly, graceDays: 5, window: range("2026-01-01", "2026-03-31"), clock: day("2026-05-01"),
                                          occurrences: [export])
        // January's evidence landed after February's end plus grace days: a backfill, so January
        // stays missing and says when it was backfilled; February's is late, March's on time.
        #expect(population.periods.map(\.state) == [.missing, .late, .onTime])
        #expect(population.periods.map(\.backfilled) == [day("2026-04-02"), nil, nil])
        #expect(population.periods[0].occurrences == [export])
    }

    @Test func unlandedEvidenceProvesNothing() {
        let population = Population.build(frequency: .annual, graceDays: 14, window: year2026, clock: day("2027-02-01"),
                                          occurrences: [occurrence("2026-05-01", landed: nil)])
        #expect(population.periods.map(\.state) == [.missing])
    }

    @Test func lateStartIsAPartialPopulation() {
        let population = Population.build(frequency: .quarterly, graceDays: 14, window: year2026, clock: day("2027-01-31"),
                                          occurrences: [occurrence("2026-09-30", landed: "2026-10-01"), occurrence("2026-12-31", landed: "2027-01-02")])
        #expect(population.isPartial)
        #expect(population.periods.map(\.state) == [.notStarted, .notStarted, .onTime, .onTime])
        let added = Population.build(frequency: .quarterly, graceDays: 14, window: year2026, clock: day("2027-01-31"),
                                     occurrences: [], controlAdded: day("2026-05-10"))
        #expect(added.periods.map(\.state) == [.notStarted, .missing, .missing, .missing])
    }

    /// A program committed on 5 January, in a window that began on the 1st: its monthly and
    /// quarterly controls can still be performed for their first period and are tested whole;
    /// a daily control had four days without it, which are not started.
    @Test func aControlAddedInItsFirstPeriodIsTestedWhole() {
        let added = day("2026-01-05")
        for frequency in [Frequency.monthly, .quarterly, .semiannual, .annual] {
            let population = Population.build(frequency: frequency, graceDays: 14, window: year2026, clock: day("2026-01-12"),
                                              occurrences: [], controlAdded: added)
            #expect(!population.isPartial, "\(frequency)")
            #expect(population.periods.allSatisfy { $0.state == .pending }, "\(frequency)")
        }
        let daily = Population.build(frequency: .daily, graceDays: 0, window: year2026, clock: day("2026-01-12"),
                                     occurrences: [], controlAdded: added)
        #expect(daily.startedOn == added)
        #expect(daily.periods.prefix(5).map(\.state) == [.notStarted, .notStarted, .notStarted, .notStarted, .missing])
        // 2026-01-01 is a Thursday: the first week ends on Sunday the 4th, before the control landed.
        let weekly = Population.build(frequency: .weekly, graceDays: 14, window: year2026, clock: day("2026-01-12"),
                                      occurrences: [], controlAdded: added)
        #expect(weekly.startedOn == added && weekly.periods.first?.state == .notStarted)
        // Landed on the last day of the first month: still tested whole.
        let lastDay = Population.build(frequency: .monthly, graceDays: 14, window: year2026, clock: day("2026-02-20"),
                                       occurrences: [], controlAdded: day("2026-01-31"))
        #expect(!lastDay.isPartial && lastDay.periods.first?.state == .missing)
    }

    @Test func retiredControlIsTestedUpToRetirement() {
        let population = Population.build(frequency: .quarterly, graceDays: 14, window: year2026, clock: day("2027-01-31"),
                                          occurrences: [occurrence("2026-03-31", landed: "2026-04-01")], retiredOn: day("2026-05-15"))
        #expect(population.window == range("2026-01-01", "2026-05-15"))
        #expect(population.periods.map(\.state) == [.onTime, .missing])
    }

    @Test func eventControlReportsItsPopulation() {
        let population = Population.build(frequency: .event, graceDays: 14, window: year2026, clock: day("2027-01-31"),
                                          occurrences: [occurrence("2025-12-31", landed: "2026-01-01"), occurrence("2026-03-02", landed: "2026-03-02")])
        #expect(population.periods.isEmpty)
        #expect(population.occurrences.map(\.claimed) == [day("2026-03-02")])
    }
}

@Suite struct EvidenceProofTests {
    private func event(_ change: PathHistory.Change, _ commit: String, _ day: String) -> PathHistory.Event {
        PathHistory.Event(change: change, commit: commit, landed: Day(day)!, author: "alice")
    }

    @Test func occurrencesLandWithTheirFirstFileAndKeepTheirChanges() throws {
        let program = try Program.load(from: InMemoryFiles([
            "evidence/AC-05/2026-03-31-review/users.csv": "a",
            "evidence/AC-05/2026-03-31-review/signoff.md": "b",
            "evidence/AC-05/2026-06-30.csv": "c",
            "evidence/AC-05/notes.md": "undated",
        ]))
        let histories: PathHistories = [
            "evidence/AC-05/2026-03-31-review/users.csv": PathHistory(path: "", events: [event(.added, "c2", "2026-04-03"), event(.modified, "c4", "2026-05-01")]),
            "evidence/AC-05/2026-03-31-review/signoff.md": PathHistory(path: "", events: [event(.added, "c1", "2026-04-02")]),
            "evidence/AC-05/2026-06-30.csv": PathHistory(path: "", events: [event(.added, "c3", "2026-06-01"), event(.deleted, "c5", "2026-07-01")]),
        ]
        let proofs = EvidenceProof.prove(program.evidence, histories: histories)
        #expect(proofs.count == 2, "undated names are not occurrences the audit can place")
        #expect(proofs[0].occurrence.landingCommit == "c1" && proofs[0].occurrence.landed == Day("2026-04-02"))
        #expect(proofs[0].claimToLanding == 2)
        #expect(proofs[0].modifications.map(\.commit) == ["c4"])
        #expect(proofs[1].deletion?.commit == "c5")
        #expect(proofs[1].claimToLanding == -29, "claimed a month after it landed")
    }
}
