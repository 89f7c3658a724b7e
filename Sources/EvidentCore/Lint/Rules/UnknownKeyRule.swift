/// Unknown keys are probably typos.
/// The parser enforces it while reading (it has the nodes and their marks); the rule reports what it recorded.
public struct UnknownKeyRule: LintRule {
    public static let description = RuleDescription(
        id: "SCHEMA-UNKNOWN-KEY", name: "Unknown keys", summary: "Keys Evident does not know are warned about, with a 'did you mean' suggestion.",
        severity: .warning,
        triggering: [RuleExample(["controls/AC-02.md": "---\nid: AC-02\ntitle: T\ncriteria: [CC6.1]\nowner: alice\nfrequency: annual\n↓frequncy: annual\n---\n"])],
        nonTriggering: [RuleExample()])

    public init() {}
    public func check(_ context: LintContext) -> [Diagnostic] { parserDiagnostics(context) }
}
