import EvidentBasics

/// How many items of a control's population the tester inspects, and which ones (SPEC §7).
public enum Sampling {
    /// The sample size for a population of `population` items, from the frequency and risk grid
    /// in reference/soc2.md §2; event-driven populations take 10 %, at least 3, at most 30. A
    /// population smaller than the size is tested whole.
    public static func size(frequency: Frequency, risk: RiskLevel, population: Int) -> Int {
        let size: Int
        switch (frequency, risk) {
        case (.annual, _), (.continuous, _): size = 1
        case (.semiannual, .low): size = 1
        case (.semiannual, _): size = 2
        case (.quarterly, .high): size = 3
        case (.quarterly, _): size = 2
        case (.monthly, .low): size = 2
        case (.monthly, .moderate): size = 3
        case (.monthly, .high): size = 4
        case (.weekly, .low): size = 5
        case (.weekly, .moderate): size = 8
        case (.weekly, .high): size = 15
        case (.daily, .low): size = 20
        case (.daily, .moderate): size = 30
        case (.daily, .high): size = 40
        case (.event, _): size = min(30, max(3, (population + 9) / 10))
        }
        return min(size, population)
    }

    /// `count` distinct indices of `0..<population`, in ascending order, chosen by a generator
    /// seeded from the cycle, the audited commit and the control: the same inputs always draw the
    /// same sample, and anyone can redraw it.
    public static func draw(count: Int, from population: Int, cycle: String, commit: String, control: String) -> [Int] {
        guard population > 0, count > 0 else { return [] }
        var generator = SampleGenerator(seed: FNV1a.hash(fields: [cycle, commit, control]))
        var indices = Array(0..<population)
        let wanted = min(count, population)
        for position in 0..<wanted {
            let pick = position + Int(generator.next() % UInt64(population - position))
            indices.swapAt(position, pick)
        }
        return indices.prefix(wanted).sorted()
    }
}

/// SplitMix64: small, fast, and the same on every platform.
struct SampleGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
