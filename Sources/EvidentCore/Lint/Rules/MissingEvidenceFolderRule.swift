/// Every active control needs somewhere for its evidence.
public struct MissingEvidenceFolderRule: LintRule {
    public static let description = RuleDescription(
        id: "EVIDENCE-FOLDER-MISSING", name: "No evidence folder", summary: "An active control should have its evidence folder (a .gitkeep is enough until the first occurrence lands).",
        severity: .warning,
        // The base control sets no 'evidence' key, so the diagnostic points at the start of its front matter.
        triggering: [RuleExample(removing: ["evidence/AC-01/2026-01-15-review.md"], expecting: [SourceLocation(file: "controls/AC-01.md", line: 2, column: 1)])],
        nonTriggering: [
            RuleExample(),
            RuleExample(["evidence/AC-01/2026-04-02-review/export.csv": "a,b\n"], removing: ["evidence/AC-01/2026-01-15-review.md"]),
            RuleExample(["evidence/AC-01/.gitkeep": ""], removing: ["evidence/AC-01/2026-01-15-review.md"]),
        ])

    public init() {}

    public func check(_ context: LintContext) -> [Diagnostic] {
        let folders = Set(context.program.evidence.map(\.folder)).union(context.program.evidenceFolders)
        return context.program.controls.filter { $0.isActive && !folders.contains($0.evidence.value) }.map {
            diagnostic("control \($0.id.value) has no evidence folder: create \($0.evidence.value)/ (a .gitkeep until the first occurrence lands)", at: $0.evidence.location)
        }
    }
}
