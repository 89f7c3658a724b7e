/// Owners, operators and approvers must be people of evident.yaml.
public struct UnknownPersonRule: LintRule {
    public static let description = RuleDescription(
        id: "PEOPLE-UNKNOWN", name: "Unknown people", summary: "Owners, operators, approvers and evidence performers must be keys of 'people' in evident.yaml.",
        severity: .error,
        triggering: [
            RuleExample(["controls/AC-01.md": ExampleProgram.base["controls/AC-01.md"]!.replacingOccurrences(of: "owner: alice", with: "owner: ↓mallory")]),
            RuleExample(["evidence/AC-01/2026-01-15-review.md.meta.yaml": "performed_by: ↓mallory\n"]),
        ],
        nonTriggering: [RuleExample(["evidence/AC-01/2026-01-15-review.md.meta.yaml": "performed_by: bob\nsource: IdP export\n"])])

    public init() {}

    public func check(_ context: LintContext) -> [Diagnostic] {
        let people = context.program.configuration.people
        var references: [(role: String, name: Located<String>)] = []
        for control in context.program.controls {
            if let owner = control.owner { references.append(("owner", owner)) }
            if let operator_ = control.operator_ { references.append(("operator", operator_)) }
        }
        for policy in context.program.policies {
            if let owner = policy.owner { references.append(("owner", owner)) }
            references += policy.approvals.map { ("approver", $0.by) }
        }
        references += context.program.evidence.compactMap { $0.details?.performedBy }.map { ("performer", $0) }
        return references.compactMap { role, name in
            guard people[name.value] == nil else { return nil }
            var message = "\(role) '\(name.value)' is not one of the people in evident.yaml"
            if let suggestion = Suggestion.closest(to: name.value, among: Array(people.keys)) {
                message += "; did you mean '\(suggestion)'?"
            }
            return diagnostic(message, at: name.location)
        }
    }
}
