extension AuditContext {
    /// The committed record of the cycle that ended last before this one starts, if any.
    public var previousCycleRecord: EarlierRecord? {
        earlierRecords.filter { $0.record.cycle.id != cycle.id && $0.record.cycle.end < cycle.start.description }
            .max { $0.record.cycle.end < $1.record.cycle.end }
    }
}

extension ControlResult {
    /// Whether the control deviated: its next cycle's sample takes the next larger size.
    public var hadDeviation: Bool {
        switch self {
        case .exceptions, .ineffective: true
        case .effective, .notTested, .notOccurring: false
        }
    }
}
