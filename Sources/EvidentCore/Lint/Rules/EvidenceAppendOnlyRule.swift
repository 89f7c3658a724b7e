/// Evidence is append-only: a commit may add occurrences, never change or remove them.
public struct EvidenceAppendOnlyRule: LintRule {
    public static let description = RuleDescription(
        id: "EVIDENCE-APPEND-ONLY", name: "Evidence changed", summary: "A change may add evidence but must not modify or delete evidence that was already committed.",
        severity: .error,
        triggering: [
            RuleExample(staged: [StagedChange(path: "evidence/AC-01/2026-01-15-review.md", kind: .modified)],
                        expecting: [SourceLocation(file: "evidence/AC-01/2026-01-15-review.md", line: 1, column: 1)]),
            RuleExample(removing: ["evidence/AC-01/2026-01-15-review.md"], staged: [StagedChange(path: "evidence/AC-01/2026-01-15-review.md", kind: .deleted)],
                        expecting: [SourceLocation(file: "evidence/AC-01/2026-01-15-review.md", line: 1, column: 1)]),
        ],
        nonTriggering: [RuleExample(["evidence/AC-01/2026-04-01-review.md": "x"], staged: [StagedChange(path: "evidence/AC-01/2026-04-01-review.md", kind: .added)])])

    public init() {}

    public func check(_ context: LintContext) -> [Diagnostic] {
        let root = context.program.configuration.layout.evidence + "/"
        return (context.stagedChanges ?? []).filter { $0.path.hasPrefix(root) && $0.kind != .added }.map { change in
            let verb = change.kind == .modified ? "modifies" : "deletes"
            return diagnostic("this change \(verb) evidence that was already committed; evidence is append-only, so add a new dated occurrence instead",
                              at: SourceLocation(file: change.path, line: 1, column: 1))
        }
    }
}
