/// Occurrence names start with the date they claim.
public struct EvidenceNameDateRule: LintRule {
    public static let description = RuleDescription(
        id: "EVIDENCE-NAME-DATE", name: "Evidence name without a date", summary: "Each evidence file or folder is named YYYY-MM-DD[-slug], with a real date.",
        severity: .error,
        triggering: [
            RuleExample(["evidence/AC-01/review-march.md": "↓x"]),
            RuleExample(["evidence/AC-01/2026-02-30-review.md": "↓x"]),
        ],
        nonTriggering: [RuleExample(["evidence/AC-01/2026-02-28-review.md": "x", "evidence/AC-01/2026-03-31/export.csv": "x",
                                     "evidence/AC-01/2026-02-28-review.md.meta.yaml": "performed_by: bob\n"])])

    public init() {}

    public func check(_ context: LintContext) -> [Diagnostic] {
        let known = Set(context.program.controls.map(\.evidence.value))
        return context.program.evidence.filter { $0.claimedDate == nil && known.contains($0.folder) }.map {
            diagnostic("evidence '\($0.name)' must start with the date it claims, as YYYY-MM-DD", at: SourceLocation(file: $0.path, line: 1, column: 1))
        }
    }
}
