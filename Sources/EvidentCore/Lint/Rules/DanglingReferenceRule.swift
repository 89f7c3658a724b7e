/// Policies and controls may only name each other when the other exists.
public struct DanglingReferenceRule: LintRule {
    public static let description = RuleDescription(
        id: "REF-DANGLING", name: "Dangling references", summary: "A policy's 'controls' and a control's 'policies' must name existing controls and policies.",
        severity: .error,
        triggering: [RuleExample(["policies/POL-BACKUP.md": "---\nid: POL-BACKUP\ntitle: Backup\nowner: alice\nversion: \"1.0\"\ntopic: backup\ncontrols: [↓BC-09]\n---\n"])],
        nonTriggering: [RuleExample()])

    public init() {}

    public func check(_ context: LintContext) -> [Diagnostic] {
        let program = context.program
        let controlIDs = Set(program.controls.map(\.id.value))
        let policyIDs = Set(program.policies.map(\.id.value))
        let fromPolicies = program.policies.flatMap { policy in
            policy.controls.filter { !controlIDs.contains($0.value) }.map {
                diagnostic("policy \(policy.id.value) names control '\($0.value)', which does not exist", at: $0.location)
            }
        }
        let fromControls = program.controls.flatMap { control in
            control.policies.filter { !policyIDs.contains($0.value) }.map {
                diagnostic("control \(control.id.value) names policy '\($0.value)', which does not exist", at: $0.location)
            }
        }
        return fromPolicies + fromControls
    }
}
