/// Required keys must be present.
/// The parser enforces it while reading (it has the nodes and their marks); the rule reports what it recorded.
public struct RequiredFieldRule: LintRule {
    public static let description = RuleDescription(
        id: "SCHEMA-REQUIRED", name: "Required fields", summary: "Controls need id, title, criteria, owner and frequency; policies need id, title, owner, version and topic.",
        severity: .error,
        triggering: [
            RuleExample(["controls/AC-02.md": "---\n↓id: AC-02\ntitle: No owner\ncriteria: [CC6.1]\nfrequency: annual\n---\n"]),
            RuleExample(["policies/POL-X.md": "---\n↓id: POL-X\ntitle: No version\nowner: alice\ntopic: backup\n---\n"]),
        ],
        nonTriggering: [RuleExample()])

    public init() {}
    public func check(_ context: LintContext) -> [Diagnostic] { parserDiagnostics(context) }
}
