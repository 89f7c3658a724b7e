/// A retired control should not still be named by an active policy.
public struct RetiredControlReferencedRule: LintRule {
    public static let description = RuleDescription(
        id: "RETIRED-REFERENCED", name: "Retired control still referenced", summary: "An active policy should not name a retired control.",
        severity: .warning,
        triggering: [RuleExample([
            "controls/AC-02.md": "---\nid: AC-02\ntitle: Old\ncriteria: [CC6.1]\nowner: alice\nfrequency: annual\npolicies: [POL-BACKUPS]\nstatus: retired\nretired_on: 2026-03-01\n---\n",
            "policies/POL-BACKUPS.md": "---\nid: POL-BACKUPS\ntitle: Backups\nowner: alice\nversion: \"1.0\"\ntopic: backup\ncontrols: [↓AC-02]\n---\n",
        ])],
        nonTriggering: [RuleExample([
            "controls/AC-02.md": "---\nid: AC-02\ntitle: Old\ncriteria: [CC6.1]\nowner: alice\nfrequency: annual\nstatus: retired\nretired_on: 2026-03-01\n---\n",
        ])])

    public init() {}

    public func check(_ context: LintContext) -> [Diagnostic] {
        context.program.policies.filter(\.isActive).flatMap { policy in
            policy.controls.compactMap { reference in
                guard let control = context.program.control(reference.value), control.status == .retired else { return nil }
                let since = control.retiredOn.map { " since \($0)" } ?? ""
                return diagnostic("policy \(policy.id.value) still names control \(control.id.value), retired\(since)", at: reference.location)
            }
        }
    }
}
