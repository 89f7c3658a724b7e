/// A testing workpaper the audit cannot rely on is reported, not fatal: the audit goes on as if
/// no conclusion were recorded, so every other finding still reaches the record.
public struct TestingWorkpaperInvalidCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "TEST-WORKPAPER-INVALID",
        summary: "The cycle's testing.yaml is not valid YAML, breaks its schema, has a result other than pass or exception, or names a tester who is not in people; none of its conclusions count.",
        severity: .medium,
        triggering: [
            AuditExample([workpaper: "tester: dave\nconclusions:\n  AC-01:\n    evidence/AC-01/2026-04-10-review.md: {result: passed}\n"],
                         expecting: [ExpectedFinding("2026")]),
            AuditExample([workpaper: "tester: dave\nconclusions: [AC-01\n"], expecting: [ExpectedFinding("2026")]),
            AuditExample([workpaper: "tester: frank\nconclusions: {}\n"], expecting: [ExpectedFinding("2026")]),
        ],
        nonTriggering: [
            AuditExample([workpaper: "tester: dave\nconclusions:\n  AC-01:\n    evidence/AC-01/2026-04-10-review.md: {result: pass}\n"]),
            // An unknown key is a lint warning; the conclusions still count.
            AuditExample([workpaper: "tester: dave\nreviewed: 2026-11-01\nconclusions: {}\n"]),
            AuditExample(),
        ])

    static let workpaper = "audits/2026/testing.yaml"

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        guard let problem = context.testingProblem else { return [] }
        return [context.finding(self, subject: context.cycle.id, owner: nil,
                                message: "\(problem.location): \(problem.message) [\(problem.ruleID)]; the audit counts none of the workpaper's conclusions until it is fixed",
                                evidence: [problem.location.file])]
    }
}
