/// Evidence folders belong to controls.
public struct EvidenceUnknownControlRule: LintRule {
    public static let description = RuleDescription(
        id: "EVIDENCE-UNKNOWN-CONTROL", name: "Evidence for an unknown control", summary: "Every folder under the evidence folder must be the evidence folder of a control.",
        severity: .error,
        triggering: [RuleExample(["evidence/AC-99/2026-02-01.md": "↓x"])],
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
            let first = context.program.evidence.first { $0.folder == folder }?.files.first?.description ?? folder
            return diagnostic(message, at: SourceLocation(file: first, line: 1, column: 1))
        }
    }
}
