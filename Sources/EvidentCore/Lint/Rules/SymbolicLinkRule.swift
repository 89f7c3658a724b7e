/// A symbolic link is never followed: what it points at is not in the history that proves the
/// program, and in a working tree it may lie outside the repository.
/// The reader records it while reading (it is where the link is met); the rule reports what it recorded.
public struct SymbolicLinkRule: LintRule {
    public static let description = RuleDescription(
        id: "PATH-SYMLINK", name: "Symbolic links in the program",
        summary: "evident.yaml, CODEOWNERS and everything in the controls, policies, risk and audits folders (and the folders on the way) must be files and folders, not symbolic links: Evident never follows a link.",
        severity: .error,
        triggering: [
            // The texts stand for what the links point at.
            RuleExample(["evident.yaml": "↓/proc/self/environ"], kinds: ["evident.yaml": .symlink]),
            RuleExample([".github/CODEOWNERS": "↓../../outside/CODEOWNERS"], kinds: [".github/CODEOWNERS": .symlink]),
            RuleExample(["controls/AC-02.md": "↓/etc/passwd"], kinds: ["controls/AC-02.md": .symlink]),
            // The program root is a link: it is reported once, however many folders lie below it.
            RuleExample(["evident.yaml": ExampleProgram.base["evident.yaml"]! + "root: compliance\n", "compliance": "↓/srv/elsewhere"],
                        kinds: ["compliance": .symlink]),
        ],
        nonTriggering: [
            RuleExample(),
            // A link under the evidence folder is evidence that is not a file: EVIDENCE-NOT-A-FILE reports it.
            RuleExample(["evidence/AC-01/2026-04-10-review.md": "../../controls/AC-01.md"], kinds: ["evidence/AC-01/2026-04-10-review.md": .symlink]),
        ])

    public init() {}
    public func check(_ context: LintContext) -> [Diagnostic] { parserDiagnostics(context) }
}
