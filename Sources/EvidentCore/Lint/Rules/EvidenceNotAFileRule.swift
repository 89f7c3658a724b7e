/// Evidence is the content the history proves: a symbolic link or a submodule has none.
public struct EvidenceNotAFileRule: LintRule {
    public static let description = RuleDescription(
        id: "EVIDENCE-NOT-A-FILE", name: "Evidence that is not a file",
        summary: "Nothing under the evidence folder may be a symbolic link or a submodule: the audit neither counts nor follows them.",
        severity: .error,
        triggering: [
            // The texts stand for what the link and the submodule point at.
            RuleExample(["evidence/AC-01/2026-04-10-review.md": "↓../../controls/AC-01.md"], kinds: ["evidence/AC-01/2026-04-10-review.md": .symlink]),
            RuleExample(["evidence/AC-01/2026-06-30-export/users.csv": "↓/etc/passwd", "evidence/AC-01/2026-06-30-export/signoff.md": "Signed."],
                        kinds: ["evidence/AC-01/2026-06-30-export/users.csv": .symlink]),
            RuleExample(["evidence/AC-01/2026-05-02-scans": "↓0123456789abcdef0123456789abcdef01234567"], kinds: ["evidence/AC-01/2026-05-02-scans": .submodule]),
        ],
        nonTriggering: [
            RuleExample(["evidence/AC-01/2026-04-10-review.md": "Reviewed."]),
            // A link elsewhere is no evidence, and not this rule's business.
            RuleExample(["risk/register.md": "risk-assessment.md"], kinds: ["risk/register.md": .symlink]),
        ])

    public init() {}

    public func check(_ context: LintContext) -> [Diagnostic] {
        context.program.evidenceNonFiles.map { entry in
            let what = entry.kind == .submodule ? "a submodule" : "a symbolic link"
            return diagnostic("\(entry.path) is \(what), not a file: evidence must be committed as files, since the audit neither counts nor follows links and submodules",
                              at: SourceLocation(file: entry.path.description, line: 1, column: 1))
        }
    }
}
