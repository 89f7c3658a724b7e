/// A control's or policy's id must match its file name.
public struct IDMatchesFileRule: LintRule {
    public static let description = RuleDescription(
        id: "ID-FILENAME", name: "Id matches file name", summary: "The id in the front matter must equal the file name without '.md'.",
        severity: .error,
        triggering: [RuleExample(["controls/AC-01.md": ExampleProgram.base["controls/AC-01.md"]!.replacingOccurrences(of: "id: AC-01", with: "id: ↓AC-1")])],
        nonTriggering: [RuleExample()])

    public init() {}

    public func check(_ context: LintContext) -> [Diagnostic] {
        let items = context.program.controls.map { ($0.file, $0.id) } + context.program.policies.map { ($0.file, $0.id) }
        return items.compactMap { file, id in
            let stem = String(file.split(separator: "/").last!.dropLast(3))
            guard stem != id.value else { return nil }
            return diagnostic("id '\(id.value)' does not match the file name '\(stem).md'; rename the file or fix the id", at: id.location)
        }
    }
}
