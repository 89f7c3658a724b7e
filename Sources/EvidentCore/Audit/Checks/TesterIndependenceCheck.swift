/// The tester of a cycle must not operate a control they tested.
public struct TesterIndependenceCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "INDEP-CONFLICT", summary: "The tester of a control's sample is its operator.", severity: .high,
        triggering: [AuditExample(testing: TestingRecord(tester: Located("bob", at: SourceLocation(file: "audits/2026/testing.yaml", line: 1, column: 9)),
                                                         conclusions: ["AC-01": ["evidence/AC-01/2026-04-10-review.md": .init(result: .pass, note: nil)]]),
                                  expecting: [ExpectedFinding("AC-01")])],
        nonTriggering: [AuditExample(testing: TestingRecord(tester: Located("dave", at: SourceLocation(file: "audits/2026/testing.yaml", line: 1, column: 9)),
                                                            conclusions: ["AC-01": ["evidence/AC-01/2026-04-10-review.md": .init(result: .pass, note: nil)]]))])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        guard let testing = context.testing, let tester = testing.tester?.value else { return [] }
        return testing.conclusions.keys.sorted().compactMap { id in
            guard let control = context.program.control(id), control.operator_?.value == tester else { return nil }
            return context.finding(self, subject: id, owner: control.owner?.value,
                                   message: "\(tester) tested \(id), which they operate: the tester must be someone else",
                                   evidence: [testing.tester!.location.file])
        }
    }
}
