/// Every policy topic the scope requires needs an active policy.
public struct MissingPolicyCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "POL-MISSING", summary: "A policy the scope requires does not exist.", severity: .high,
        triggering: [AuditExample(["evident.yaml": ExampleProgram.base["evident.yaml"]! + "required_topics: [backup]\n"],
                                  expecting: [ExpectedFinding("topic:backup")])],
        nonTriggering: [AuditExample()])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        context.program.missingPolicyTopics.map {
            context.finding(self, subject: "topic:\($0)", owner: nil, message: "the scope requires a policy on \($0), and there is none",
                            evidence: [ProgramLayout.fileName])
        }
    }
}
