/// A policy whose text changes must get a new version and an approval entry for it:
/// otherwise the change lands unapproved and the audit raises it later.
public struct PolicyChangeUnversionedRule: LintRule {
    static let file = "policies/POL-ACCESS-CONTROL.md"
    /// The example policy; `marked` puts the position marker on its version, where the diagnostic points.
    static func policy(version: String, approvals: [String], body: String, marked: Bool = false) -> String {
        let text = ExampleProgram.policy("access-control", version: version, approvals: approvals, body: body)
        return marked ? text.replacingOccurrences(of: "\nversion: ", with: "\nversion: \(RuleExample.marker)") : text
    }

    public static let description = RuleDescription(
        id: "POLICY-CHANGE-UNVERSIONED", name: "Policy text changed without a new version",
        summary: "A change to a policy's text must bump its version and add an approval entry for the new version.",
        severity: .warning,
        triggering: [
            RuleExample([file: policy(version: "1.0", approvals: ["1.0"], body: "New text.", marked: true)],
                        before: [file: policy(version: "1.0", approvals: ["1.0"], body: "Policy text.")]),
            RuleExample([file: policy(version: "1.1", approvals: ["1.0"], body: "New text.", marked: true)],
                        before: [file: policy(version: "1.0", approvals: ["1.0"], body: "Policy text.")]),
        ],
        nonTriggering: [
            RuleExample([file: policy(version: "1.1", approvals: ["1.0", "1.1"], body: "New text.")],
                        before: [file: policy(version: "1.0", approvals: ["1.0"], body: "Policy text.")]),
            RuleExample(before: [file: policy(version: "0.9", approvals: [], body: "Policy text.")]),
        ])

    public init() {}

    public func check(_ context: LintContext) -> [Diagnostic] {
        context.program.policies.compactMap { policy in
            guard let previous = context.previousPolicies[policy.file], previous.body != policy.body else { return nil }
            let location = policy.version?.location ?? SourceLocation(file: policy.file, line: 1, column: 1)
            let version = policy.version?.value
            if version == previous.version?.value {
                return diagnostic("the policy text changed but its version stays \(version.map { "'\($0)'" } ?? "unset"); bump the version and add an approval entry for it",
                                  at: location)
            }
            let approvedBefore = Set(previous.approvals.compactMap(\.version))
            guard !policy.approvals.contains(where: { $0.version == version && !approvedBefore.contains(version ?? "") }) else { return nil }
            return diagnostic("the policy text changed to version \(version.map { "'\($0)'" } ?? "unset") but no approval entry for that version was added",
                              at: location)
        }
    }
}
