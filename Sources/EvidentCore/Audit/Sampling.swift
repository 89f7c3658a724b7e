/// How many items of a control's population the tester inspects, and which ones.
///
/// Nobody can steer the draw: it depends on the cycle, the control and the population alone,
/// so a commit that leaves the population unchanged never changes the sample, and anyone can
/// re-derive it from the record with `sha256sum`:
///
/// - `population_sha256` is the SHA-256 of one line per occurrence, `<path>\t<landing commit>\n`,
///   the occurrences sorted by path (bytes); a folder occurrence is named by its folder path;
/// - `seed` is the SHA-256 of the text `<cycle id>|<control id>|<population_sha256>`;
/// - the population, ordered by (claimed date, path), is cut into as many contiguous runs as the
///   sample has items (the first `n mod size` runs one item longer), and from run `i` (counting
///   from 0) the item at `u mod length` is taken, where `u` is the first 8 bytes (big-endian) of
///   the SHA-256 of the text `<seed>|<i>`. The sample spans the window.
public enum Sampling {
    /// One occurrence of a population, as the draw sees it.
    public struct Item: Hashable, Sendable {
        public var path: String
        public var claimed: Day
        public var landingCommit: String

        public init(path: String, claimed: Day, landingCommit: String) {
            self.path = path
            self.claimed = claimed
            self.landingCommit = landingCommit
        }
    }

    /// A drawn sample and what anyone needs to re-derive it.
    public struct Draw: Hashable, Sendable {
        public var populationSHA256: String
        public var seed: String
        /// The sampled items, one per run, in population order.
        public var items: [Item]
    }

    /// The sample size for a population of `population` items, from the frequency and risk grid;
    /// event-driven populations take 10 %, at least 3, at most 30. A population smaller than the
    /// size is tested whole. `enlarged` (a deviation in the previous cycle) takes the next
    /// larger size of the frequency's ladder.
    public static func size(frequency: Frequency, risk: RiskLevel, population: Int, enlarged: Bool = false) -> Int {
        let step = enlarged ? 1 : 0
        let size: Int
        switch frequency {
        case .annual, .continuous: size = [1, 2][step]
        case .semiannual: size = (risk == .low ? [1, 2] : [2, 2])[step]
        case .quarterly, .monthly, .weekly, .daily:
            let ladder: [Int] = switch frequency {
            case .quarterly: [2, 3, 4]
            case .monthly: [2, 3, 4, 5]
            case .weekly: [5, 8, 15, 25]
            default: [20, 30, 40, 60]
            }
            let position: Int = switch (frequency, risk) {
            case (.quarterly, .low), (.quarterly, .moderate): 0
            case (.quarterly, .high): 1
            case (_, .low): 0
            case (_, .moderate): 1
            case (_, .high): 2
            }
            size = ladder[position + step]
        case .event:
            size = enlarged ? min(45, max(5, (population * 15 + 99) / 100)) : min(30, max(3, (population + 9) / 10))
        }
        return min(size, population)
    }

    /// How `size` chose its number, in words, for the record.
    public static func sizeRule(frequency: Frequency, risk: RiskLevel, population: Int, enlarged: Bool, deviationCycle: String?) -> String {
        let base = size(frequency: frequency, risk: risk, population: 1 << 20)
        let chosen = size(frequency: frequency, risk: risk, population: population, enlarged: enlarged)
        var rule = frequency == .event
            ? (enlarged ? "event-driven: 15 % of the population, at least 5, at most 45" : "event-driven: 10 % of the population, at least 3, at most 30")
            : "\(frequency.rawValue), \(risk.rawValue) risk: \(base)"
        if enlarged, frequency != .event {
            rule += "; the next larger size, \(size(frequency: frequency, risk: risk, population: 1 << 20, enlarged: true))"
        }
        if enlarged, let deviationCycle { rule += ", after a deviation in cycle \(deviationCycle)" }
        if chosen == population { rule += "; the whole population of \(population)" }
        return rule
    }

    /// The sample of `size` items drawn from `population` (in any order).
    public static func draw(cycle: String, control: String, population: [Item], size: Int) -> Draw {
        let byPath = population.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        var lines: [UInt8] = []
        for item in byPath {
            lines += Array(item.path.utf8) + [0x09] + Array(item.landingCommit.utf8) + [0x0A]
        }
        let populationSHA256 = SHA256.hex(lines)
        let seed = SHA256.hex(Array("\(cycle)|\(control)|\(populationSHA256)".utf8))
        let ordered = population.sorted { $0.claimed != $1.claimed ? $0.claimed < $1.claimed : $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        let count = min(size, ordered.count)
        var items: [Item] = []
        guard count > 0 else { return Draw(populationSHA256: populationSHA256, seed: seed, items: []) }
        let shortRun = ordered.count / count
        let longRuns = ordered.count % count
        var start = 0
        for run in 0..<count {
            let length = shortRun + (run < longRuns ? 1 : 0)
            let digest = SHA256.digest(Array("\(seed)|\(run)".utf8))
            let u = digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            items.append(ordered[start + Int(u % UInt64(length))])
            start += length
        }
        return Draw(populationSHA256: populationSHA256, seed: seed, items: items)
    }
}
