/// The tester of a cycle's samples must be someone the program knows, and independent of the
/// controls they conclude on.
public struct TestingTesterRule: LintRule {
    public static let description = RuleDescription(
        id: "TESTING-TESTER", name: "Tester of a testing workpaper",
        summary: "The tester in testing.yaml must be a key of 'people' and must not be the operator of a control they conclude on.",
        severity: .error,
        triggering: [
            RuleExample(["audits/2026/testing.yaml": "tester: ↓frank\nconclusions:\n  AC-01:\n    evidence/AC-01/2026-01-15-review.md: {result: pass}\n"]),
            RuleExample(["audits/2026/testing.yaml": "tester: bob\nconclusions:\n  ↓AC-01:\n    evidence/AC-01/2026-01-15-review.md: {result: pass}\n"]),
        ],
        nonTriggering: [
            RuleExample(["audits/2026/testing.yaml": "tester: dave\nconclusions:\n  AC-01:\n    evidence/AC-01/2026-01-15-review.md: {result: pass}\n"]),
            // bob operates AC-01, but concludes on nothing yet.
            RuleExample(["audits/2026/testing.yaml": "tester: bob\nconclusions: {}\n"]),
        ])

    public init() {}

    public func check(_ context: LintContext) -> [Diagnostic] {
        let program = context.program
        return program.testingWorkpapers.flatMap { workpaper -> [Diagnostic] in
            guard let tester = workpaper.tester else { return [] }
            if let unknown = workpaper.unknownTester(people: program.configuration.people) {
                return [diagnostic(unknown.message, at: unknown.location)]
            }
            // One diagnostic per control, at its first key: the conflict is the control's, not each item's.
            var seen: Set<String> = []
            return workpaper.entries.compactMap { entry in
                guard seen.insert(entry.control.value).inserted, let control = program.control(entry.control.value),
                      control.operator_?.value == tester.value else { return nil }
                return diagnostic("\(tester.value) operates \(control.id.value) and concludes on its sample: the tester must be someone else",
                                  at: entry.control.location)
            }
        }
    }
}
