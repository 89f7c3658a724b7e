// The rules the parser enforces while reading; each reports what the parser recorded under its id.

/// Files must hold valid YAML (front matter for controls and policies).
public struct YAMLSyntaxRule: LintRule {
    public static let description = RuleDescription(
        id: "YAML-SYNTAX", name: "YAML syntax", summary: "Front matter and evident.yaml must be valid YAML; controls and policies start with a '---' block.",
        severity: .error,
        triggering: [
            RuleExample(["controls/AC-01.md": "id: AC-01\n"]),
            RuleExample(["controls/AC-01.md": "---\nid: [AC-01\n---\n"]),
        ],
        nonTriggering: [RuleExample()])

    public init() {}
    public func check(_ context: LintContext) -> [Diagnostic] { parserDiagnostics(context) }
}

/// Required keys must be present.
public struct RequiredFieldRule: LintRule {
    public static let description = RuleDescription(
        id: "SCHEMA-REQUIRED", name: "Required fields", summary: "Controls need id, title, criteria, owner and frequency; policies need id, title, owner, version and topic.",
        severity: .error,
        triggering: [
            RuleExample(["controls/AC-02.md": "---\nid: AC-02\ntitle: No owner\ncriteria: [CC6.1]\nfrequency: annual\n---\n"]),
            RuleExample(["policies/POL-X.md": "---\nid: POL-X\ntitle: No version\nowner: alice\ntopic: backup\n---\n"]),
        ],
        nonTriggering: [RuleExample()])

    public init() {}
    public func check(_ context: LintContext) -> [Diagnostic] { parserDiagnostics(context) }
}

/// Values must have the right type and an allowed value.
public struct FieldTypeRule: LintRule {
    public static let description = RuleDescription(
        id: "SCHEMA-TYPE", name: "Field types and values", summary: "Values must have the right type: frequency, risk and status from their lists, dates as YYYY-MM-DD, numbers in range.",
        severity: .error,
        triggering: [
            RuleExample(["controls/AC-02.md": "---\nid: AC-02\ntitle: T\ncriteria: [CC6.1]\nowner: alice\nfrequency: fortnightly\n---\n"]),
            RuleExample(["controls/AC-02.md": "---\nid: AC-02\ntitle: T\ncriteria: [CC6.1]\nowner: alice\nfrequency: annual\ngrace_days: soon\n---\n"]),
            RuleExample(["evidence/AC-01/2026-01-15-review.md.meta.yaml": "covers: {from: 2026-03-31, to: 2026-01-01}\n"]),
        ],
        nonTriggering: [RuleExample()])

    public init() {}
    public func check(_ context: LintContext) -> [Diagnostic] { parserDiagnostics(context) }
}

/// Unknown keys are probably typos.
public struct UnknownKeyRule: LintRule {
    public static let description = RuleDescription(
        id: "SCHEMA-UNKNOWN-KEY", name: "Unknown keys", summary: "Keys Evident does not know are warned about, with a 'did you mean' suggestion.",
        severity: .warning,
        triggering: [RuleExample(["controls/AC-02.md": "---\nid: AC-02\ntitle: T\ncriteria: [CC6.1]\nowner: alice\nfrequency: annual\nfrequncy: annual\n---\n"])],
        nonTriggering: [RuleExample()])

    public init() {}
    public func check(_ context: LintContext) -> [Diagnostic] { parserDiagnostics(context) }
}
