/// The CODEOWNERS section `evident codeowners` writes must match the owners in the program.
public struct CodeOwnersStaleRule: LintRule {
    public static let description = RuleDescription(
        id: "CODEOWNERS-STALE", name: "CODEOWNERS out of date",
        summary: "When CODEOWNERS has an Evident section, it must map every control and policy file to its current owner (`evident codeowners`).",
        severity: .warning,
        triggering: [RuleExample([".github/CODEOWNERS": "* @platform\n↓# BEGIN evident\n/controls/AC-01.md @bob\n# END evident\n"])],
        nonTriggering: [
            RuleExample([".github/CODEOWNERS": "* @platform\n"]),
            RuleExample([".github/CODEOWNERS": "* @platform\n\n" + upToDateSection]),
        ])

    /// The section for the example program, as `evident codeowners` writes it.
    static var upToDateSection: String {
        let program = try? Program.load(from: InMemoryFiles(ExampleProgram.base))
        return program.map { CodeOwners.section(for: $0).text } ?? ""
    }

    public init() {}

    public func check(_ context: LintContext) -> [Diagnostic] {
        guard let file = context.program.codeOwners, let current = CodeOwners.currentSection(in: file.text) else { return [] }
        let expected = CodeOwners.section(for: context.program)
        guard current.text != expected.text else { return [] }
        return [diagnostic("the Evident section of \(file.file) does not match the owners of the controls and policies; run `evident codeowners`",
                           at: SourceLocation(file: file.file, line: current.line, column: 1))]
    }
}
