/// What the audit concluded about one control over the cycle.
public enum ControlResult: String, CaseIterable, Sendable, Hashable, Codable {
    /// Tested, and no finding of medium severity or above concerns it.
    case effective
    /// Tested, with at least one finding of medium severity or above.
    case exceptions
    /// Nothing could be tested: no population, or an empty one.
    case notTested = "not-tested"
}
