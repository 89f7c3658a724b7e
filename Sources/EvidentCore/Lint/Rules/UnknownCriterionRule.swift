/// Criteria must be ids of the SOC 2 catalog.
public struct UnknownCriterionRule: LintRule {
    public static let description = RuleDescription(
        id: "CRITERIA-UNKNOWN", name: "Unknown criteria", summary: "Every criterion must be one of the 61 SOC 2 (2017) ids; CC9.9 or PP1.1 are not.",
        severity: .error,
        triggering: [
            RuleExample(["controls/AC-02.md": "---\nid: AC-02\ntitle: T\ncriteria: [↓CC9.9]\nowner: alice\nfrequency: annual\npolicies: []\n---\n",
                         "evidence/AC-02/2026-02-01.md": "x"]),
            RuleExample(["controls/AC-02.md": "---\nid: AC-02\ntitle: T\ncriteria: [↓PP1.1]\nowner: alice\nfrequency: annual\n---\n",
                         "evidence/AC-02/2026-02-01.md": "x"]),
        ],
        nonTriggering: [RuleExample(["controls/AC-02.md": "---\nid: AC-02\ntitle: T\ncriteria: [CC9.2]\nowner: alice\nfrequency: annual\n---\n",
                                     "evidence/AC-02/2026-02-01.md": "x"])])

    public init() {}

    public func check(_ context: LintContext) -> [Diagnostic] {
        context.program.controls.flatMap { control in
            control.criteria.compactMap { criterion in
                guard TrustServicesCriteria.criterion(criterion.value) == nil else { return nil }
                var message = "'\(criterion.value)' is not a SOC 2 criterion"
                if let suggestion = Suggestion.closest(to: criterion.value, among: TrustServicesCriteria.all.map(\.id)) {
                    message += "; did you mean '\(suggestion)'?"
                }
                return diagnostic(message, at: criterion.location)
            }
        }
    }
}
