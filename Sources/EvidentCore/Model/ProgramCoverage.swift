/// What the program covers: written once, because lint, the audit, the renewal diff and the
/// record must agree on it.
extension Program {
    /// Criterion ids named by at least one active control. A retired control covers nothing,
    /// even while its file stays in the repository for the record.
    public var coveredCriteria: Set<String> {
        Set(controls.filter(\.isActive).flatMap { $0.criteria.map(\.value) })
    }

    /// The in-scope criteria, in catalog order, that no active control covers.
    public var uncoveredCriteria: [Criterion] {
        let covered = coveredCriteria
        return TrustServicesCriteria.inScope(configuration.categories).filter { !covered.contains($0.id) }
    }

    /// The ids of the active controls that cover `criterion`, sorted.
    public func activeControlIDs(covering criterion: String) -> [String] {
        controls.filter { $0.isActive && $0.criteria.contains { $0.value == criterion } }.map(\.id.value).sorted()
    }

    /// The policy topics the scope requires, in `requiredTopics` order, that no active policy has.
    public var missingPolicyTopics: [String] {
        let topics = Set(policies.filter(\.isActive).compactMap(\.topic?.value))
        return configuration.requiredTopics.filter { !topics.contains($0) }
    }
}
