/// Ids must be unique across controls and across policies.
public struct DuplicateIDRule: LintRule {
    public static let description = RuleDescription(
        id: "ID-DUPLICATE", name: "Duplicate ids", summary: "No two controls, and no two policies, may share an id.",
        severity: .error,
        // The copy sorts first, so the base file's id is the duplicate.
        triggering: [RuleExample(["controls/AC-01-copy.md": ExampleProgram.base["controls/AC-01.md"]!],
                                 expecting: [SourceLocation(file: "controls/AC-01.md", line: 2, column: 5)])],
        nonTriggering: [RuleExample()])

    public init() {}

    public func check(_ context: LintContext) -> [Diagnostic] {
        let groups = [context.program.controls.map { ($0.file, $0.id) }, context.program.policies.map { ($0.file, $0.id) }]
        var diagnostics: [Diagnostic] = []
        for items in groups {
            var first: [String: String] = [:]
            for (file, id) in items.sorted(by: { $0.0 < $1.0 }) {
                if let earlier = first[id.value] {
                    diagnostics.append(diagnostic("id '\(id.value)' is already used by \(earlier)", at: id.location))
                } else {
                    first[id.value] = file
                }
            }
        }
        return diagnostics
    }
}
