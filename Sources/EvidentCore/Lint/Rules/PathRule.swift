/// The folders and files evident.yaml and front matter name are read, listed and written, so
/// they must stay inside the repository.
/// The parser enforces it while reading (it has the nodes and their marks); the rule reports what it recorded.
public struct PathRule: LintRule {
    public static let description = RuleDescription(
        id: "PATH-INVALID", name: "Paths outside the repository",
        summary: "root, paths.*, a control's evidence and trust.allowed_signers must be relative paths inside the repository: no '..', no '.git', no leading '/', no control characters.",
        severity: .error,
        triggering: [
            RuleExample(["evident.yaml": ExampleProgram.base["evident.yaml"]! + "paths:\n  evidence: ↓../../../../etc\n"]),
            RuleExample(["evident.yaml": ExampleProgram.base["evident.yaml"]! + "root: ↓/srv/compliance\n"]),
            RuleExample(["controls/AC-01.md": ExampleProgram.base["controls/AC-01.md"]!.replacingOccurrences(of: "risk: moderate", with: "risk: moderate\nevidence: ↓evidence/../../x")]),
            RuleExample(["evident.yaml": ExampleProgram.base["evident.yaml"]! + "trust:\n  allowed_signers: ↓.git/allowed_signers\n"]),
        ],
        nonTriggering: [
            RuleExample(),
            RuleExample(["evident.yaml": ExampleProgram.base["evident.yaml"]! + "root: ./\ntrust:\n  allowed_signers: .evident/allowed_signers\n"]),
        ])

    public init() {}
    public func check(_ context: LintContext) -> [Diagnostic] { parserDiagnostics(context) }
}
