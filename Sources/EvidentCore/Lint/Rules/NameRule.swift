/// Ids become folder and file names, and GitHub handles and addresses become CODEOWNERS
/// owners, so each keeps to a form that cannot name another folder or add a line.
/// The parser enforces it while reading (it has the nodes and their marks); the rule reports what it recorded.
public struct NameRule: LintRule {
    static let base = ExampleProgram.base["evident.yaml"]!

    public static let description = RuleDescription(
        id: "NAME-INVALID", name: "Ids, people keys and GitHub handles",
        summary: "Control, policy and cycle ids and people keys are a letter or digit then letters, digits, '.', '_' or '-' (at most 64); GitHub handles are a user or org/team as GitHub allows.",
        severity: .error,
        triggering: [
            RuleExample(["evident.yaml": base.replacingOccurrences(of: "{id: \"2026\"", with: "{id: ↓\"../../../outside/pwn\"")]),
            RuleExample(["evident.yaml": base.replacingOccurrences(of: "github: alice", with: "github: ↓\"good\\n* @attacker\"")]),
            RuleExample(["evident.yaml": base.replacingOccurrences(of: "  dave: {", with: "  ↓dave smith: {")]),
            RuleExample(["controls/AC-01.md": ExampleProgram.base["controls/AC-01.md"]!.replacingOccurrences(of: "id: AC-01", with: "id: ↓AC/01")]),
        ],
        nonTriggering: [
            RuleExample(),
            RuleExample(["evident.yaml": base.replacingOccurrences(of: "github: alice", with: "github: \"@example-corp/security_team\"")
                .replacingOccurrences(of: "{id: \"2026\"", with: "{id: 2026-h1.v2")]),
        ])

    public init() {}
    public func check(_ context: LintContext) -> [Diagnostic] { parserDiagnostics(context) }
}
