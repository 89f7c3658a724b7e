/// The audit walks a cycle's window day by day; a window of centuries is a typo, or an attempt
/// to make the audit run for hours and write gigabytes.
/// The parser enforces it while reading (it has the nodes and their marks); the rule reports what it recorded.
public struct CycleWindowRule: LintRule {
    static let base = ExampleProgram.base["evident.yaml"]!

    public static let description = RuleDescription(
        id: "CYCLE-WINDOW", name: "Audit window length",
        summary: "A cycle's window (start to end) is at most five years; a longer one is left out of the program.",
        severity: .error,
        triggering: [
            RuleExample(["evident.yaml": base.replacingOccurrences(of: "start: 2026-01-01, end: 2026-12-31", with: "start: 0000-01-01, end: ↓9999-12-31")]),
            RuleExample(["evident.yaml": base.replacingOccurrences(of: "start: 2026-01-01, end: 2026-12-31", with: "start: 2026-01-01, end: ↓2031-01-01")]),
        ],
        nonTriggering: [
            RuleExample(),
            RuleExample(["evident.yaml": base.replacingOccurrences(of: "start: 2026-01-01, end: 2026-12-31", with: "start: 2026-01-01, end: 2030-12-31")]),
        ])

    public init() {}
    public func check(_ context: LintContext) -> [Diagnostic] { parserDiagnostics(context) }
}
