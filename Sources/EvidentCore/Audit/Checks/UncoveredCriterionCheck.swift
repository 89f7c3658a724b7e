/// Every in-scope criterion needs an active control.
public struct UncoveredCriterionCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "SCOPE-UNCOVERED-CRITERION", summary: "An in-scope criterion has no active control.", severity: .high,
        triggering: [AuditExample(["evident.yaml": ExampleProgram.base["evident.yaml"]!.replacingOccurrences(of: "[security]", with: "[security, confidentiality]")],
                                  expecting: [ExpectedFinding("C1.1"), ExpectedFinding("C1.2")])],
        nonTriggering: [AuditExample()])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        context.program.uncoveredCriteria.map {
            context.finding(self, subject: $0.id, owner: nil, message: "criterion \($0.id) is in scope but no active control covers it",
                            evidence: [ProgramLayout.fileName])
        }
    }
}
