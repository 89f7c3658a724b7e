/// The risk assessment must be updated within the window (or the last 12 months).
public struct StaleRiskAssessmentCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "RISK-STALE", summary: "No change to the risk assessment landed within the window or the last 12 months.", severity: .medium,
        triggering: [AuditExample(["risk/risk-assessment.md": ""], expecting: [ExpectedFinding("risk")])],
        nonTriggering: [AuditExample()])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        let root = context.program.configuration.layout.risk + "/"
        let since = min(context.window.start, context.clock.adding(days: -365))
        let recent = context.histories.values.filter { $0.path.hasBytePrefix(root) }.flatMap(\.events).filter { $0.landed >= since && $0.landed <= context.clock }
        guard recent.isEmpty else { return [] }
        return [context.finding(self, subject: "risk", owner: nil, message: "no change to \(root) landed since \(since)", evidence: [root])]
    }
}
