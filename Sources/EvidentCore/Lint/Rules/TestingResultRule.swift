/// A conclusion is `pass` or `exception`; anything else would make the audit ignore the whole
/// workpaper, so lint says so first.
public struct TestingResultRule: LintRule {
    public static let description = RuleDescription(
        id: "TESTING-RESULT", name: "Result of a tester's conclusion",
        summary: "Each conclusion's result in testing.yaml must be pass or exception.",
        severity: .error,
        triggering: [
            RuleExample(["audits/2026/testing.yaml": "tester: dave\nconclusions:\n  AC-01:\n    evidence/AC-01/2026-01-15-review.md: {result: ↓passed}\n"]),
            RuleExample(["audits/2026/testing.yaml": "tester: dave\nconclusions:\n  AC-01:\n    evidence/AC-01/2026-01-15-review.md:\n      result: ↓failed\n      note: No sign-off\n"]),
        ],
        nonTriggering: [
            RuleExample(["audits/2026/testing.yaml": "tester: dave\nconclusions:\n  AC-01:\n    evidence/AC-01/2026-01-15-review.md: {result: exception, note: No sign-off}\n"]),
            RuleExample(["audits/2026/testing.yaml": "tester: dave\nconclusions:\n  AC-01:\n    evidence/AC-01/2026-01-15-review.md: {result: pass}\n"]),
        ])

    public init() {}

    public func check(_ context: LintContext) -> [Diagnostic] {
        context.program.testingWorkpapers.flatMap { $0.invalidResults.map { diagnostic($0.message, at: $0.location) } }
    }
}
