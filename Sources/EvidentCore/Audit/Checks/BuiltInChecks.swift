extension Auditor {
    /// Every check, in the order the findings documentation lists them.
    ///
    /// A check type that is not listed here never runs; `RegistryTests` fails when one is missing.
    public static let checks: [any AuditCheck.Type] = primaryChecks + followUpChecks

    /// Checks of the program and its history. Keep the order: the documentation lists the checks
    /// in it, and findings that `Auditor.run` sorts as equal come out in it.
    static let primaryChecks: [any AuditCheck.Type] = [
        MissingPeriodCheck.self, LateEvidenceCheck.self, PartialPopulationCheck.self, ZeroPopulationCheck.self,
        ModifiedEvidenceCheck.self, DeletedEvidenceCheck.self, ClaimMismatchCheck.self,
        UncoveredCriterionCheck.self, MissingOwnerCheck.self, MissingPolicyCheck.self, PolicyReviewCheck.self,
        PolicyChangeApprovalCheck.self, SelfApprovalCheck.self, UnboundApprovalCheck.self, StaleRiskAssessmentCheck.self, MissingInterviewCheck.self,
        EarlyAuditCheck.self, LateAuditCheck.self, IndependenceCheck.self, TesterIndependenceCheck.self,
        TestingWorkpaperInvalidCheck.self, TesterExceptionCheck.self, IncompleteTestingCheck.self, UnsignedChangeCheck.self, ClockSkewCheck.self, HistoryRewrittenCheck.self,
    ]

    /// Checks about findings themselves (overdue, recurring): they run after the primary checks
    /// and look at their results.
    static let followUpChecks: [any AuditCheck.Type] = [OverdueFindingCheck.self, RecurringFindingCheck.self]
}
