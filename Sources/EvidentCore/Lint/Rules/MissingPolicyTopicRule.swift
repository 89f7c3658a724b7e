/// Every policy topic the scope requires needs an active policy.
public struct MissingPolicyTopicRule: LintRule {
    public static let description = RuleDescription(
        id: "POLICY-TOPIC-MISSING", name: "Required policy missing", summary: "Each policy topic the scope requires (the README lists them, plus required_topics) needs an active policy.",
        severity: .error,
        triggering: [RuleExample(removing: ["policies/POL-VENDOR-MANAGEMENT.md"], expecting: [ExampleProgram.categoriesLocation])],
        nonTriggering: [RuleExample()])

    public init() {}

    public func check(_ context: LintContext) -> [Diagnostic] {
        let location = context.program.configuration.categoriesLocation
        return context.program.missingPolicyTopics.map {
            diagnostic("the scope requires a policy with 'topic: \($0)', and there is none", at: location)
        }
    }
}
