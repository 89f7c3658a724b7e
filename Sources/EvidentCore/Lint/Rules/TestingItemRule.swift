/// A conclusion on a control or an item the program does not have is probably a typo: it
/// counts for no sample.
public struct TestingItemRule: LintRule {
    public static let description = RuleDescription(
        id: "TESTING-ITEM", name: "Subject of a tester's conclusion",
        summary: "Each conclusion in testing.yaml must name a control of the program and one of that control's evidence occurrences.",
        severity: .warning,
        triggering: [
            RuleExample(["audits/2026/testing.yaml": "tester: dave\nconclusions:\n  ↓AC-10:\n    evidence/AC-10/2026-01-15-review.md: {result: pass}\n"]),
            RuleExample(["audits/2026/testing.yaml": "tester: dave\nconclusions:\n  AC-01:\n    ↓evidence/AC-01/2026-01-16-review.md: {result: pass}\n"]),
            RuleExample([
                "controls/AC-02.md": "---\nid: AC-02\ntitle: T\ncriteria: [CC6.1]\nowner: alice\nfrequency: annual\n---\n",
                "evidence/AC-02/2026-02-01-review.md": "Reviewed.\n",
                "audits/2026/testing.yaml": "tester: dave\nconclusions:\n  AC-01:\n    ↓evidence/AC-02/2026-02-01-review.md: {result: pass}\n",
            ]),
        ],
        nonTriggering: [RuleExample(["audits/2026/testing.yaml": "tester: dave\nconclusions:\n  AC-01:\n    evidence/AC-01/2026-01-15-review.md: {result: pass}\n"])])

    public init() {}

    public func check(_ context: LintContext) -> [Diagnostic] {
        let program = context.program
        let folderOfOccurrence = Dictionary(program.evidence.map { ($0.path, $0.folder) }) { first, _ in first }
        let controlOfFolder = Dictionary(program.controls.map { ($0.evidence.value, $0.id.value) }) { first, _ in first }
        return program.testingWorkpapers.flatMap { workpaper in
            var reportedControls: Set<String> = []
            return workpaper.entries.compactMap { entry -> Diagnostic? in
                guard let control = program.control(entry.control.value) else {
                    // Once per control: its items cannot be checked against a control that does not exist.
                    guard reportedControls.insert(entry.control.value).inserted else { return nil }
                    var message = "conclusions name control '\(entry.control.value)', which the program does not have"
                    if let suggestion = Suggestion.closest(to: entry.control.value, among: program.controls.map(\.id.value)) {
                        message += "; did you mean '\(suggestion)'?"
                    }
                    return diagnostic(message, at: entry.control.location)
                }
                guard let folder = folderOfOccurrence[entry.item.value] else {
                    return diagnostic("no evidence occurrence '\(entry.item.value)' exists: the conclusion counts for no sample of \(control.id.value)",
                                      at: entry.item.location)
                }
                guard folder == control.evidence.value else {
                    let owner = controlOfFolder[folder].map { "evidence of \($0)" } ?? "in \(folder)"
                    return diagnostic("'\(entry.item.value)' is \(owner), not of \(control.id.value): the conclusion counts for no sample of \(control.id.value)",
                                      at: entry.item.location)
                }
                return nil
            }
        }
    }
}
