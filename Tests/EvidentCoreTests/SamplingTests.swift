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

    @Test func drawsAreDeterministicDistinctAndSeeded() {
        let first = Sampling.draw(count: 8, from: 52, cycle: "2026", commit: String(repeating: "a", count: 40), control: "OP-02")
        let again = Sampling.draw(count: 8, from: 52, cycle: "2026", commit: String(repeating: "a", count: 40), control: "OP-02")
        let otherCommit = Sampling.draw(count: 8, from: 52, cycle: "2026", commit: String(repeating: "b", count: 40), control: "OP-02")
        let otherControl = Sampling.draw(count: 8, from: 52, cycle: "2026", commit: String(repeating: "a", count: 40), control: "OP-03")
        #expect(first == again)
        #expect(first.count == 8 && Set(first).count == 8 && first == first.sorted())
        #expect(first.allSatisfy { (0..<52).contains($0) })
        #expect(first != otherCommit || first != otherControl)
        #expect(Sampling.draw(count: 5, from: 3, cycle: "2026", commit: "c", control: "X") == [0, 1, 2])
        #expect(Sampling.draw(count: 3, from: 0, cycle: "2026", commit: "c", control: "X").isEmpty)
    }
}
