/// The internal auditor must be independent of the firm that attests.
public struct IndependenceCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "INDEP-CONFLICT", summary: "The internal auditor works for the external audit firm.", severity: .high,
        triggering: [AuditExample(["evident.yaml": ExampleProgram.base["evident.yaml"]! + "auditors:\n  external: {firm: Example CPA}\n  internal: {name: Eve, firm: Example CPA}\n"],
                                  expecting: [ExpectedFinding("2026")])],
        nonTriggering: [AuditExample(["evident.yaml": ExampleProgram.base["evident.yaml"]! + "auditors:\n  external: {firm: Example CPA}\n  internal: {name: Eve, firm: Example Corp}\n"])])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        let configuration = context.program.configuration
        guard let external = configuration.externalAuditorFirm, let internalFirm = configuration.internalAuditorFirm,
              external.lowercased() == internalFirm.lowercased() else { return [] }
        return [context.finding(self, subject: context.cycle.id, owner: nil,
                                message: "the internal auditor (\(configuration.internalAuditor ?? "unnamed")) is from \(internalFirm), the firm that will attest; a firm may not audit work it performed",
                                evidence: [ProgramLayout.fileName])]
    }
}
