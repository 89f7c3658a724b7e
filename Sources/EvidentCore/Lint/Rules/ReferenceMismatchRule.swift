/// A policy that lists a control should be listed by it, and the other way round.
public struct ReferenceMismatchRule: LintRule {
    public static let description = RuleDescription(
        id: "REF-MISMATCH", name: "One-sided references", summary: "When a policy lists a control, the control should list the policy, and the other way round.",
        severity: .warning,
        // The control stops listing the policy; the untouched policy still lists the control, and is where the diagnostic points.
        triggering: [RuleExample(["controls/AC-01.md": ExampleProgram.base["controls/AC-01.md"]!
                                    .replacingOccurrences(of: "policies: [POL-INFORMATION-SECURITY, ", with: "policies: [")],
                                 expecting: [SourceLocation(file: "policies/POL-INFORMATION-SECURITY.md", line: 8, column: 12)])],
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
