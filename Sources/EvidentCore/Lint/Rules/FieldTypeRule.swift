/// Values must have the right type and an allowed value.
/// The parser enforces it while reading (it has the nodes and their marks); the rule reports what it recorded.
public struct FieldTypeRule: LintRule {
    public static let description = RuleDescription(
        id: "SCHEMA-TYPE", name: "Field types and values", summary: "Values must have the right type: frequency, risk and status from their lists, dates as YYYY-MM-DD, numbers in range.",
        severity: .error,
        triggering: [
            RuleExample(["controls/AC-02.md": "---\nid: AC-02\ntitle: T\ncriteria: [CC6.1]\nowner: alice\nfrequency: ↓fortnightly\n---\n"]),
            RuleExample(["controls/AC-02.md": "---\nid: AC-02\ntitle: T\ncriteria: [CC6.1]\nowner: alice\nfrequency: annual\ngrace_days: ↓soon\n---\n"]),
            RuleExample(["evidence/AC-01/2026-01-15-review.md.meta.yaml": "covers: {from: 2026-03-31, to: ↓2026-01-01}\n"]),
        ],
        nonTriggering: [RuleExample()])

    public init() {}
    public func check(_ context: LintContext) -> [Diagnostic] { parserDiagnostics(context) }
}
