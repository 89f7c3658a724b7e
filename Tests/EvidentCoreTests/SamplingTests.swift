import EvidentCore
import Testing

@Suite struct SamplingTests {
    @Test func sizesFollowTheFrequencyAndRiskGrid() {
        #expect(Sampling.size(frequency: .quarterly, risk: .moderate, population: 4) == 2)
        #expect(Sampling.size(frequency: .quarterly, risk: .high, population: 4) == 3)
        #expect(Sampling.size(frequency: .monthly, risk: .high, population: 12) == 4)
        #expect(Sampling.size(frequency: .weekly, risk: .moderate, population: 52) == 8)
        #expect(Sampling.size(frequency: .daily, risk: .high, population: 365) == 40)
        #expect(Sampling.size(frequency: .continuous, risk: .high, population: 1) == 1)
        #expect(Sampling.size(frequency: .annual, risk: .low, population: 1) == 1)
    }

    @Test(arguments: [(0, 0), (2, 2), (5, 3), (29, 3), (31, 4), (120, 12), (1000, 30)])
    func eventPopulationsTakeTenPercentBetweenThreeAndThirty(population: Int, expected: Int) {
        #expect(Sampling.size(frequency: .event, risk: .moderate, population: population) == expected)
    }

    @Test func partialPopulationsAreTestedWhole() {
        #expect(Sampling.size(frequency: .monthly, risk: .high, population: 3) == 3)
    }

    /// 52 weekly occurrences, one per Monday of 2026.
    private var weekly: [Sampling.Item] {
        (0..<52).map { week in
            let day = Day(year: 2026, month: 1, day: 5)!.adding(days: 7 * week)
            return Sampling.Item(path: "evidence/OP-02/\(day)-backup.log", claimed: day, landingCommit: String(repeating: "\(week % 10)", count: 40))
        }
    }

    @Test func drawsDependOnThePopulationAloneAndSpanTheWindow() {
        let first = Sampling.draw(cycle: "2026", control: "OP-02", population: weekly, size: 8)
        #expect(first == Sampling.draw(cycle: "2026", control: "OP-02", population: weekly.reversed(), size: 8), "the order items are read in does not matter")
        #expect(first.items.count == 8 && Set(first.items).count == 8)
        // Stratified: one item from each run of 6 or 7 consecutive weeks.
        let weeks = first.items.map { Day(year: 2026, month: 1, day: 5)!.days(until: $0.claimed) / 7 }
        #expect(weeks == weeks.sorted())
        for (run, week) in weeks.enumerated() {
            let start = run * 6 + min(run, 4)
            #expect((start..<(start + (run < 4 ? 7 : 6))).contains(week), "run \(run) gave week \(week)")
        }
        #expect(Sampling.draw(cycle: "2026", control: "OP-03", population: weekly, size: 8).seed != first.seed)
        var changed = weekly
        changed[3].landingCommit = String(repeating: "f", count: 40)
        #expect(Sampling.draw(cycle: "2026", control: "OP-02", population: changed, size: 8).populationSHA256 != first.populationSHA256)
        #expect(Sampling.draw(cycle: "2026", control: "X", population: Array(weekly.prefix(3)), size: 5).items == Array(weekly.prefix(3)))
        #expect(Sampling.draw(cycle: "2026", control: "X", population: [], size: 3).items.isEmpty)
    }

    @Test func aDeviationInThePreviousCycleTakesTheNextLargerSize() {
        #expect(Sampling.size(frequency: .quarterly, risk: .moderate, population: 4, enlarged: true) == 3)
        #expect(Sampling.size(frequency: .quarterly, risk: .high, population: 4, enlarged: true) == 4)
        #expect(Sampling.size(frequency: .monthly, risk: .moderate, population: 12, enlarged: true) == 4)
        #expect(Sampling.size(frequency: .weekly, risk: .high, population: 52, enlarged: true) == 25)
        #expect(Sampling.size(frequency: .daily, risk: .low, population: 365, enlarged: true) == 30)
        #expect(Sampling.size(frequency: .annual, risk: .low, population: 1, enlarged: true) == 1)
        #expect(Sampling.size(frequency: .event, risk: .low, population: 200, enlarged: true) == 30)
        #expect(Sampling.sizeRule(frequency: .quarterly, risk: .moderate, population: 4, enlarged: true, deviationCycle: "2025")
            == "quarterly, moderate risk: 2; the next larger size, 3, after a deviation in cycle 2025")
        #expect(Sampling.sizeRule(frequency: .monthly, risk: .high, population: 3, enlarged: false, deviationCycle: nil)
            == "monthly, high risk: 4; the whole population of 3")
    }
}
