import EvidentCore
import Testing

/// Each conclusion rule, and the order in which they decide.
@Suite struct ControlConclusionTests {
    private func population(_ frequency: Frequency, occurrences: Int, clock: Day = Day("2026-12-31")!, missingQ2: Bool = false) -> Population {
        let window = DayRange(start: Day("2026-01-01")!, end: Day("2026-12-31")!)
        let days = (0..<occurrences).map { index in
            frequency == .quarterly ? Day(year: 2026, month: 1 + 3 * index, day: 5)! : Day(year: 2026, month: 1 + index, day: 20)!
        }
            .filter { !(missingQ2 && $0 >= Day("2026-04-01")! && $0 <= Day("2026-06-30")!) }
        let proven = days.map { ProvenOccurrence(path: "evidence/X/\($0).md", claimed: $0, landingCommit: "c", landed: $0) }
        return Population.build(frequency: frequency, graceDays: 14, window: window, clock: clock, occurrences: proven)
    }

    private func finding(_ code: String, severity: FindingSeverity = .medium, item: String) -> Finding {
        Finding(code: code, severity: severity, subject: "X", owner: nil, due: Day("2027-01-18")!, status: .open, message: code, evidence: [item])
    }

    @Test func eachRuleDecides() {
        let quarterly = population(.quarterly, occurrences: 4)
        #expect(ControlConclusion.conclude(frequency: .quarterly, population: quarterly, populationSize: 4, findings: []).result == .effective)
        #expect(ControlConclusion.conclude(frequency: .quarterly, population: quarterly, populationSize: 4,
                                           findings: [finding("EVID-LATE", item: "a")]).result == .exceptions)
        #expect(ControlConclusion.conclude(frequency: .quarterly, population: population(.quarterly, occurrences: 4, missingQ2: true), populationSize: 3,
                                           findings: []).result == .ineffective)
        #expect(ControlConclusion.conclude(frequency: .quarterly, population: quarterly, populationSize: 4,
                                           findings: [finding("EVID-DELETED", severity: .high, item: "a")]).result == .ineffective)
        #expect(ControlConclusion.conclude(frequency: .quarterly, population: quarterly, populationSize: 4,
                                           findings: [finding("FIND-RECURRING", item: "a")]).result == .ineffective)
        #expect(ControlConclusion.conclude(frequency: .event, population: population(.event, occurrences: 0), populationSize: 0, findings: []).result == .notOccurring)
        // No event yet, with the window still open: not tested, not "not occurring".
        let events = population(.event, occurrences: 0, clock: Day("2026-03-01")!)
        let open = ControlConclusion.conclude(frequency: .event, population: events, populationSize: 0, findings: [], clock: Day("2026-03-01")!)
        #expect(open.result == .notTested && open.rule.contains("window runs to 2026-12-31"), "\(open)")
        #expect(ControlConclusion.conclude(frequency: .event, population: events, populationSize: 0, findings: [], clock: Day("2026-12-31")!).result == .notTested)
        #expect(ControlConclusion.conclude(frequency: .event, population: events, populationSize: 0, findings: [], clock: Day("2027-01-01")!).result == .notOccurring)
        let early = ControlConclusion.conclude(frequency: .quarterly, population: population(.quarterly, occurrences: 0, clock: Day("2026-02-01")!),
                                               populationSize: 0, findings: [])
        #expect(early.result == .notTested, "\(early)")
        #expect(ControlConclusion.conclude(frequency: nil, population: nil, populationSize: 0, findings: []).result == .notTested)
    }

    /// Two deviating items in forty (5 %) are isolated; three (more than 5 %) are systematic.
    /// Below ten items, deviations stay isolated.
    @Test func moreThanFivePercentOfTenOrMoreIsSystematic() {
        let monthly = population(.monthly, occurrences: 12)
        let late = (0..<3).map { finding("EVID-LATE", item: "item \($0)") }
        let two = ControlConclusion.conclude(frequency: .monthly, population: monthly, populationSize: 40, findings: Array(late.prefix(2)))
        #expect(two.result == .exceptions && two.rule == "2 isolated deviations (late, claim mismatch or tester exception), none systematic", "\(two)")
        let three = ControlConclusion.conclude(frequency: .monthly, population: monthly, populationSize: 40, findings: late)
        #expect(three.result == .ineffective && three.rule == "3 of 40 items deviate, more than 5 % of a population of 10 or more", "\(three)")
        #expect(ControlConclusion.conclude(frequency: .monthly, population: monthly, populationSize: 9, findings: late).result == .exceptions)
    }
}
