/// Runs every audit check and orders the findings by audit impact.
public struct Auditor: Sendable {
    /// Checks about findings themselves (overdue, recurring), which look at the others' results.
    static let followUpChecks: [any AuditCheck.Type] = [OverdueFindingCheck.self, RecurringFindingCheck.self]

    public static let checks: [any AuditCheck.Type] = primaryChecks + followUpChecks

    /// The primary checks' findings: computed once by `run`, or now when a check runs alone.
    static func primaryFindings(_ context: AuditContext) -> [Finding] {
        context.primaryFindings ?? primaryChecks.flatMap { $0.init().findings(context) }
    }

    static let primaryChecks: [any AuditCheck.Type] = [
        MissingPeriodCheck.self, LateEvidenceCheck.self, PartialPopulationCheck.self, ZeroPopulationCheck.self,
        ModifiedEvidenceCheck.self, DeletedEvidenceCheck.self, ClaimMismatchCheck.self,
        UncoveredCriterionCheck.self, MissingOwnerCheck.self, MissingPolicyCheck.self, PolicyReviewCheck.self,
        PolicyChangeApprovalCheck.self, SelfApprovalCheck.self, StaleRiskAssessmentCheck.self, MissingInterviewCheck.self,
        EarlyAuditCheck.self, LateAuditCheck.self, IndependenceCheck.self, TesterIndependenceCheck.self, UnsignedChangeCheck.self, ClockSkewCheck.self, HistoryRewrittenCheck.self,
    ]

    public init() {}

    public func run(_ context: AuditContext) -> [Finding] {
        var context = context
        let primary = Self.primaryChecks.flatMap { $0.init().findings(context) }
        context.primaryFindings = primary
        return (primary + Self.followUpChecks.flatMap { $0.init().findings(context) }).sorted {
            ($1.severity, $0.code, $0.subject, $0.period?.start.description ?? "", $0.message)
                < ($0.severity, $1.code, $1.subject, $1.period?.start.description ?? "", $1.message)
        }
    }
}
