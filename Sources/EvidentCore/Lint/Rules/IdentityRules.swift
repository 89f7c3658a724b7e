/// A control's or policy's id must match its file name.
public struct IDMatchesFileRule: LintRule {
    public static let description = RuleDescription(
        id: "ID-FILENAME", name: "Id matches file name", summary: "The id in the front matter must equal the file name without '.md'.",
        severity: .error,
        triggering: [RuleExample(["controls/AC-01.md": ExampleProgram.base["controls/AC-01.md"]!.replacingOccurrences(of: "id: AC-01", with: "id: AC-1")])],
        nonTriggering: [RuleExample()])

    public init() {}

    public func check(_ context: LintContext) -> [Diagnostic] {
        let items = context.program.controls.map { ($0.file, $0.id) } + context.program.policies.map { ($0.file, $0.id) }
        return items.compactMap { file, id in
            let stem = String(file.split(separator: "/").last!.dropLast(3))
            guard stem != id.value else { return nil }
            return diagnostic("id '\(id.value)' does not match the file name '\(stem).md'; rename the file or fix the id", at: id.location)
        }
    }
}

/// Ids must be unique across controls and across policies.
public struct DuplicateIDRule: LintRule {
    public static let description = RuleDescription(
        id: "ID-DUPLICATE", name: "Duplicate ids", summary: "No two controls, and no two policies, may share an id.",
        severity: .error,
        triggering: [RuleExample(["controls/AC-01-copy.md": ExampleProgram.base["controls/AC-01.md"]!])],
        nonTriggering: [RuleExample()])

    public init() {}

    public func check(_ context: LintContext) -> [Diagnostic] {
        let groups = [context.program.controls.map { ($0.file, $0.id) }, context.program.policies.map { ($0.file, $0.id) }]
        var diagnostics: [Diagnostic] = []
        for items in groups {
            var first: [String: String] = [:]
            for (file, id) in items.sorted(by: { $0.0 < $1.0 }) {
                if let earlier = first[id.value] {
                    diagnostics.append(diagnostic("id '\(id.value)' is already used by \(earlier)", at: id.location))
                } else {
                    first[id.value] = file
                }
            }
        }
        return diagnostics
    }
}

/// Criteria must be ids of the SOC 2 catalog.
public struct UnknownCriterionRule: LintRule {
    public static let description = RuleDescription(
        id: "CRITERIA-UNKNOWN", name: "Unknown criteria", summary: "Every criterion must be one of the 61 SOC 2 (2017) ids; CC9.9 or PP1.1 are not.",
        severity: .error,
        triggering: [
            RuleExample(["controls/AC-02.md": "---\nid: AC-02\ntitle: T\ncriteria: [CC9.9]\nowner: alice\nfrequency: annual\npolicies: []\n---\n",
                         "evidence/AC-02/2026-02-01.md": "x"]),
            RuleExample(["controls/AC-02.md": "---\nid: AC-02\ntitle: T\ncriteria: [PP1.1]\nowner: alice\nfrequency: annual\n---\n",
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

/// Owners, operators and approvers must be people of evident.yaml.
public struct UnknownPersonRule: LintRule {
    public static let description = RuleDescription(
        id: "PEOPLE-UNKNOWN", name: "Unknown people", summary: "Owners, operators, approvers and evidence performers must be keys of 'people' in evident.yaml.",
        severity: .error,
        triggering: [
            RuleExample(["controls/AC-01.md": ExampleProgram.base["controls/AC-01.md"]!.replacingOccurrences(of: "owner: alice", with: "owner: mallory")]),
            RuleExample(["evidence/AC-01/2026-01-15-review.md.meta.yaml": "performed_by: mallory\n"]),
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
