/// Files must hold valid YAML (front matter for controls and policies).
/// The parser enforces it while reading (it has the nodes and their marks); the rule reports what it recorded.
public struct YAMLSyntaxRule: LintRule {
    public static let description = RuleDescription(
        id: "YAML-SYNTAX", name: "YAML syntax", summary: "Front matter and evident.yaml must be valid YAML; controls and policies start with a '---' block.",
        severity: .error,
        triggering: [
            RuleExample(["controls/AC-01.md": "↓id: AC-01\n"]),
            RuleExample(["controls/AC-01.md": "---\nid: [AC-01\n↓---\n"]),
        ],
        nonTriggering: [RuleExample()])

    public init() {}
    public func check(_ context: LintContext) -> [Diagnostic] { parserDiagnostics(context) }
}
