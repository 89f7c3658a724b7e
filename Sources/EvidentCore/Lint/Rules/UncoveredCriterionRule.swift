/// Every in-scope criterion needs an active control.
public struct UncoveredCriterionRule: LintRule {
    public static let description = RuleDescription(
        id: "SCOPE-UNCOVERED", name: "Uncovered criteria", summary: "Every criterion of the in-scope categories must be covered by at least one active control.",
        severity: .error,
        triggering: [
            RuleExample(["evident.yaml": ExampleProgram.base["evident.yaml"]!.replacingOccurrences(of: "categories: [security]", with: "↓categories: [security, availability]")]),
            RuleExample(["controls/AC-01.md": ExampleProgram.base["controls/AC-01.md"]!.replacingOccurrences(of: "CC9.2", with: "CC9.1")],
                        expecting: [ExampleProgram.categoriesLocation]),
        ],
        nonTriggering: [RuleExample()])

    public init() {}

    public func check(_ context: LintContext) -> [Diagnostic] {
        let location = context.program.configuration.categoriesLocation
        return context.program.uncoveredCriteria.map {
            diagnostic("criterion \($0.id) (\($0.title.lowercased())) is in scope but no active control covers it", at: location)
        }
    }
}
