/// Policies and controls may only name each other when the other exists.
public struct DanglingReferenceRule: LintRule {
    public static let description = RuleDescription(
        id: "REF-DANGLING", name: "Dangling references", summary: "A policy's 'controls' and a control's 'policies' must name existing controls and policies.",
        severity: .error,
        triggering: [RuleExample(["policies/POL-BACKUP.md": "---\nid: POL-BACKUP\ntitle: Backup\nowner: alice\nversion: \"1.0\"\ntopic: backup\ncontrols: [BC-09]\n---\n"])],
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

/// A policy that lists a control should be listed by it, and the other way round.
public struct ReferenceMismatchRule: LintRule {
    public static let description = RuleDescription(
        id: "REF-MISMATCH", name: "One-sided references", summary: "When a policy lists a control, the control should list the policy, and the other way round.",
        severity: .warning,
        triggering: [RuleExample(["controls/AC-01.md": ExampleProgram.base["controls/AC-01.md"]!
                                    .replacingOccurrences(of: "policies: [POL-INFORMATION-SECURITY, ", with: "policies: [")])],
        nonTriggering: [RuleExample()])

    public init() {}

    public func check(_ context: LintContext) -> [Diagnostic] {
        let program = context.program
        var diagnostics: [Diagnostic] = []
        for policy in program.policies {
            for reference in policy.controls {
                guard let control = program.control(reference.value), !control.policies.contains(where: { $0.value == policy.id.value }) else { continue }
                diagnostics.append(diagnostic("policy \(policy.id.value) lists control \(control.id.value), but the control does not list the policy", at: reference.location))
            }
        }
        for control in program.controls {
            for reference in control.policies {
                guard let policy = program.policy(reference.value), !policy.controls.contains(where: { $0.value == control.id.value }) else { continue }
                diagnostics.append(diagnostic("control \(control.id.value) lists policy \(policy.id.value), but the policy does not list the control", at: reference.location))
            }
        }
        return diagnostics
    }
}

/// A retired control should not still be named by an active policy.
public struct RetiredControlReferencedRule: LintRule {
    public static let description = RuleDescription(
        id: "RETIRED-REFERENCED", name: "Retired control still referenced", summary: "An active policy should not name a retired control.",
        severity: .warning,
        triggering: [RuleExample([
            "controls/AC-02.md": "---\nid: AC-02\ntitle: Old\ncriteria: [CC6.1]\nowner: alice\nfrequency: annual\npolicies: [POL-BACKUPS]\nstatus: retired\nretired_on: 2026-03-01\n---\n",
            "policies/POL-BACKUPS.md": "---\nid: POL-BACKUPS\ntitle: Backups\nowner: alice\nversion: \"1.0\"\ntopic: backup\ncontrols: [AC-02]\n---\n",
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
