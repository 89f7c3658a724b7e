/// What the audit concluded about one control over the cycle.
public enum ControlResult: String, CaseIterable, Sendable, Hashable, Codable {
    /// Tested, and no finding of medium severity or above concerns it.
    case effective
    /// Tested, with isolated deviations: none of the markers that make a control ineffective.
    case exceptions
    /// Tested, with a systematic deviation: a missing period, evidence changed after landing, a
    /// recurring deviation, or deviations in more than 5 % of a population of 10 or more.
    case ineffective
    /// An event control whose population in the window is zero: neither effective nor failed.
    case notOccurring = "not-occurring"
    /// Nothing could be tested yet: no period has closed.
    case notTested = "not-tested"
}
