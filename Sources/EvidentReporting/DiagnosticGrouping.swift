import EvidentCore

/// How `evident lint` groups a long list of diagnostics in its text output (`--group-by`).
public enum DiagnosticGrouping: String, CaseIterable, Sendable {
    /// By rule: the rules with errors first, then the rule with most diagnostics.
    case rule
    /// By file: the files with errors first, then in path order.
    case file

    /// The diagnostics in groups, in the order they are printed, each group's in
    /// `Diagnostic.ordered` order; `name` is the group's rule id or path.
    func groups(of diagnostics: [Diagnostic]) -> [(name: String, diagnostics: [Diagnostic])] {
        var grouped: [String: [Diagnostic]] = [:]
        for diagnostic in diagnostics {
            grouped[self == .rule ? diagnostic.ruleID : diagnostic.location.file, default: []].append(diagnostic)
        }
        let groups = grouped.map { (name: $0.key, diagnostics: $0.value.sorted(by: Diagnostic.ordered)) }
        // The groups with errors first, whichever the grouping, so that a listing cut at its line
        // budget never leaves out an error to list warnings.
        return groups.sorted { lhs, rhs in
            let (left, right) = (lhs.diagnostics.map(\.severity).max()!, rhs.diagnostics.map(\.severity).max()!)
            if left != right { return left > right }
            if self == .rule && lhs.diagnostics.count != rhs.diagnostics.count { return lhs.diagnostics.count > rhs.diagnostics.count }
            return lhs.name.utf8.lexicographicallyPrecedes(rhs.name.utf8)
        }
    }
}
