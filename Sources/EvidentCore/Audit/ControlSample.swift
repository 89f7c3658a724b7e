/// One control's sample for the cycle: drawn into the audit's context before the checks run, so
/// the checks on the tester's conclusions and the record see the same items.
public struct ControlSample: Hashable, Sendable {
    /// How many occurrences the sample is drawn from.
    public var population: Int
    /// The SHA-256 of the population's `<path>\t<landing commit>\n` lines, sorted by path.
    public var populationSHA256: String
    /// The SHA-256 of `<cycle>|<control>|<population_sha256>`, from which the items are drawn.
    public var seed: String
    public var size: Int
    /// How the size was chosen (frequency and risk, a larger size after a deviation).
    public var sizeRule: String
    /// The paths the tester inspects, in population order (by claimed date, then path).
    public var items: [String]
}

extension AuditContext {
    /// The controls the record lists: those with a population in the window, and active ones.
    public var recordedControls: [Control] {
        program.controls.filter { populations[$0.id.value] != nil || $0.isActive }.sorted { $0.id.value < $1.id.value }
    }

    /// The sample of every recorded control, by control id.
    static func drawSamples(program: Program, cycle: AuditCycle, populations: [String: Population],
                            previous: EarlierRecord?) -> [String: ControlSample] {
        // A control that had a deviation in the previous cycle takes the next larger sample.
        var previousDeviations: [String: String] = [:]
        if let previous = previous?.record {
            for control in previous.controls where control.result.hadDeviation { previousDeviations[control.id] = previous.cycle.id }
        }
        var samples: [String: ControlSample] = [:]
        for control in program.controls where populations[control.id.value] != nil || control.isActive {
            let population = populations[control.id.value]
            let items: [ProvenOccurrence]
            // The population: an event control's occurrences, else the occurrences that filled a
            // tested period (a missing period's backfills are not operation to test). Told apart by
            // their exact paths, so two names that look alike are two items.
            if let population, population.frequency == .event {
                items = population.occurrences.filter { $0.landed != nil }
            } else {
                var seen: Set<ExactPath> = []
                items = (population?.tested ?? []).filter { $0.state != .missing }.flatMap(\.occurrences).filter { seen.insert($0.exactPath).inserted }
            }
            let frequency = control.frequency?.value ?? .event
            let risk = control.risk?.value ?? .moderate
            let deviationCycle = previousDeviations[control.id.value]
            let size = Sampling.size(frequency: frequency, risk: risk, population: items.count, enlarged: deviationCycle != nil)
            let drawn = Sampling.draw(cycle: cycle.id, control: control.id.value, population: items.map {
                Sampling.Item(path: $0.path, claimed: $0.claimed, landingCommit: $0.landingCommit ?? "")
            }, size: size)
            samples[control.id.value] = ControlSample(
                population: items.count, populationSHA256: drawn.populationSHA256, seed: drawn.seed, size: size,
                sizeRule: Sampling.sizeRule(frequency: frequency, risk: risk, population: items.count,
                                            enlarged: deviationCycle != nil, deviationCycle: deviationCycle),
                items: drawn.items.map(\.path))
        }
        return samples
    }
}
