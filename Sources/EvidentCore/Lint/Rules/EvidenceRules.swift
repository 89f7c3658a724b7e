/// Every active control needs somewhere for its evidence.
public struct MissingEvidenceFolderRule: LintRule {
    public static let description = RuleDescription(
        id: "EVIDENCE-FOLDER-MISSING", name: "No evidence folder", summary: "An active control should have its evidence folder (a .gitkeep is enough until the first occurrence lands).",
        severity: .warning,
        triggering: [RuleExample(removing: ["evidence/AC-01/2026-01-15-review.md"])],
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

/// Occurrence names start with the date they claim.
public struct EvidenceNameDateRule: LintRule {
    public static let description = RuleDescription(
        id: "EVIDENCE-NAME-DATE", name: "Evidence name without a date", summary: "Each evidence file or folder is named YYYY-MM-DD[-slug], with a real date.",
        severity: .error,
        triggering: [
            RuleExample(["evidence/AC-01/review-march.md": "x"]),
            RuleExample(["evidence/AC-01/2026-02-30-review.md": "x"]),
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

/// Evidence folders belong to controls.
public struct EvidenceUnknownControlRule: LintRule {
    public static let description = RuleDescription(
        id: "EVIDENCE-UNKNOWN-CONTROL", name: "Evidence for an unknown control", summary: "Every folder under the evidence folder must be the evidence folder of a control.",
        severity: .error,
        triggering: [RuleExample(["evidence/AC-99/2026-02-01.md": "x"])],
        nonTriggering: [RuleExample(["evidence/README.md": "About evidence.\n"])])

    public init() {}

    public func check(_ context: LintContext) -> [Diagnostic] {
        let known = Set(context.program.controls.map(\.evidence.value))
        return context.program.evidenceFolders.filter { !known.contains($0) }.map { folder in
            let name = folder.split(separator: "/").last.map(String.init) ?? folder
            var message = "evidence folder '\(folder)' belongs to no control"
            if let suggestion = Suggestion.closest(to: name, among: context.program.controls.map(\.id.value)) {
                message += "; did you mean '\(suggestion)'?"
            }
            let first = context.program.evidence.first { $0.folder == folder }?.files.first ?? folder
            return diagnostic(message, at: SourceLocation(file: first, line: 1, column: 1))
        }
    }
}

/// Evidence is append-only: a commit may add occurrences, never change or remove them.
public struct EvidenceAppendOnlyRule: LintRule {
    public static let description = RuleDescription(
        id: "EVIDENCE-APPEND-ONLY", name: "Evidence changed", summary: "A change may add evidence but must not modify or delete evidence that was already committed.",
        severity: .error,
        triggering: [
            RuleExample(staged: [StagedChange(path: "evidence/AC-01/2026-01-15-review.md", kind: .modified)]),
            RuleExample(removing: ["evidence/AC-01/2026-01-15-review.md"], staged: [StagedChange(path: "evidence/AC-01/2026-01-15-review.md", kind: .deleted)]),
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
