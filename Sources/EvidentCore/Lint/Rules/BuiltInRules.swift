extension Linter {
    /// Every rule, in the order `--list-rules` and the README list them.
    ///
    /// A rule type that is not listed here never runs; `RegistryTests` fails when one is missing.
    public static let rules: [any LintRule.Type] = [
        YAMLSyntaxRule.self, RequiredFieldRule.self, FieldTypeRule.self, UnknownKeyRule.self,
        PathRule.self, SymbolicLinkRule.self, NameRule.self, CycleWindowRule.self,
        IDMatchesFileRule.self, DuplicateIDRule.self, UnknownCriterionRule.self, UnknownPersonRule.self, PlaceholderPeopleRule.self,
        DanglingReferenceRule.self, ReferenceMismatchRule.self, UncoveredCriterionRule.self, MissingPolicyTopicRule.self,
        MissingEvidenceFolderRule.self, EvidenceNameDateRule.self, EvidenceUnknownControlRule.self, EvidenceNotAFileRule.self,
        RetiredControlReferencedRule.self, PolicyReviewOverdueRule.self, PolicyChangeUnapprovedRule.self, PolicySelfApprovedRule.self,
        PolicyApprovalUnboundRule.self, EvidenceAppendOnlyRule.self,
        PolicyChangeUnversionedRule.self, CodeOwnersStaleRule.self, TestingTesterRule.self, TestingResultRule.self, TestingItemRule.self,
    ]
}
