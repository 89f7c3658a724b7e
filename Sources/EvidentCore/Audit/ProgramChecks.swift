// Checks of the program's scope, ownership, policies, risk assessment and the audit itself (SPEC §9).

/// Every in-scope criterion needs an active control.
public struct UncoveredCriterionCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "SCOPE-UNCOVERED-CRITERION", summary: "An in-scope criterion has no active control.", severity: .high,
        triggering: [AuditExample(["evident.yaml": ExampleProgram.base["evident.yaml"]!.replacingOccurrences(of: "[security]", with: "[security, confidentiality]")])],
        nonTriggering: [AuditExample()])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        let covered = Set(context.program.controls.filter(\.isActive).flatMap { $0.criteria.map(\.value) })
        return TrustServicesCriteria.inScope(context.program.configuration.categories).filter { !covered.contains($0.id) }.map {
            context.finding(self, subject: $0.id, owner: nil, message: "criterion \($0.id) is in scope but no active control covers it",
                            evidence: [ProgramLayout.fileName])
        }
    }
}

/// Every control and policy needs an owner who is one of the people.
public struct MissingOwnerCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "CTRL-NO-OWNER", summary: "A control or policy has no owner, or one who is not in people.", severity: .medium,
        triggering: [AuditExample(["controls/AC-01.md": ExampleProgram.base["controls/AC-01.md"]!.replacingOccurrences(of: "owner: alice", with: "owner: nobody")])],
        nonTriggering: [AuditExample()])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        let people = context.program.configuration.people
        let items = context.program.controls.filter(\.isActive).map { ($0.id.value, $0.owner?.value, $0.file) }
            + context.program.policies.filter(\.isActive).map { ($0.id.value, $0.owner?.value, $0.file) }
        return items.compactMap { id, owner, file in
            guard owner.map({ people[$0] == nil }) ?? true else { return nil }
            return context.finding(self, subject: id, owner: nil,
                                   message: owner.map { "\(id)'s owner '\($0)' is not one of the people" } ?? "\(id) has no owner", evidence: [file])
        }
    }
}

/// Every policy topic the scope requires needs an active policy.
public struct MissingPolicyCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "POL-MISSING", summary: "A policy the scope requires does not exist.", severity: .high,
        triggering: [AuditExample(["evident.yaml": ExampleProgram.base["evident.yaml"]! + "required_topics: [backup]\n"])],
        nonTriggering: [AuditExample()])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        let topics = Set(context.program.policies.filter(\.isActive).compactMap(\.topic?.value))
        return context.program.configuration.requiredTopics.filter { !topics.contains($0) }.map {
            context.finding(self, subject: "topic:\($0)", owner: nil, message: "the scope requires a policy on \($0), and there is none",
                            evidence: [ProgramLayout.fileName])
        }
    }
}

/// Policies must have been approved, provably, within review_days before the window's end.
public struct PolicyReviewCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "POL-REVIEW-OVERDUE", summary: "A policy has no proven approval within review_days before the window's end.", severity: .high,
        triggering: [AuditExample(policyRevisions: ["policies/POL-ACCESS-CONTROL.md": ExampleProgram.revisions(topic: "access-control", landed: Day(year: 2025, month: 2, day: 1)!)])],
        nonTriggering: [AuditExample()])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        context.program.policies.filter(\.isActive).compactMap { policy in
            let proof = context.policyProofs[policy.file] ?? PolicyProof(firstLanded: nil, approvals: [])
            let limit = policy.reviewDays?.value ?? Policy.defaultReviewDays
            let earliest = context.cycle.end.adding(days: -limit)
            if let last = proof.approvals.map(\.day).max(), last >= earliest { return nil }
            let last = proof.approvals.map(\.day).max().map { "last proven approval \($0)" } ?? "no proven approval"
            return context.finding(self, subject: policy.id.value, owner: policy.owner?.value,
                                   message: "\(policy.id.value): \(last); review_days is \(limit), so one must land on or after \(earliest)",
                                   evidence: [policy.file] + (proof.approvals.last.map { [$0.commit] } ?? []))
        }
    }
}

/// A change to a policy's text needs an approval of the new version from someone else.
public struct PolicyChangeApprovalCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "POL-CHANGE-UNAPPROVED", summary: "A policy text change in the window has no proven approval of its version.", severity: .high,
        triggering: [AuditExample(policyRevisions: ["policies/POL-ACCESS-CONTROL.md": ExampleProgram.revisions(topic: "access-control", landed: Day(year: 2026, month: 1, day: 10)!)
            + [ExampleProgram.revision(topic: "access-control", version: "1.1", approvals: [("dave", "1.0")], body: "New text.", on: Day(year: 2026, month: 5, day: 1)!)]])],
        nonTriggering: [AuditExample(policyRevisions: ["policies/POL-ACCESS-CONTROL.md": ExampleProgram.revisions(topic: "access-control", landed: Day(year: 2026, month: 1, day: 10)!)
            + [ExampleProgram.revision(topic: "access-control", version: "1.1", approvals: [("dave", "1.0")], body: "New text.", on: Day(year: 2026, month: 5, day: 1)!),
               ExampleProgram.revision(topic: "access-control", version: "1.1", approvals: [("dave", "1.0"), ("dave", "1.1")], body: "New text.", on: Day(year: 2026, month: 5, day: 3)!)]])])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        context.program.policies.flatMap { policy in
            (context.policyChanges[policy.file]?.unapproved ?? []).map { change in
                context.finding(self, subject: policy.id.value, owner: policy.owner?.value,
                                message: "\(policy.id.value) version \(change.version ?? "?") changed on \(change.day) (\(change.commit.prefix(10))) and no approval of that version by someone other than its author has landed",
                                evidence: [policy.file, change.commit])
            }
        }
    }
}

/// The approver of a policy change must not be its author.
public struct SelfApprovalCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "POL-SELF-APPROVED", summary: "A policy change was approved by the person who wrote it.", severity: .medium,
        triggering: [AuditExample(policyRevisions: ["policies/POL-ACCESS-CONTROL.md": ExampleProgram.revisions(topic: "access-control", landed: Day(year: 2026, month: 1, day: 10)!)
            + [ExampleProgram.revision(topic: "access-control", version: "1.1", approvals: [("dave", "1.0"), ("alice", "1.1")], body: "New text.", on: Day(year: 2026, month: 5, day: 1)!)]])],
        nonTriggering: [AuditExample()])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        context.program.policies.flatMap { policy in
            (context.policyChanges[policy.file]?.selfApproved ?? []).map { change in
                context.finding(self, subject: policy.id.value, owner: policy.owner?.value,
                                message: "\(policy.id.value) version \(change.version ?? "?") was approved only by its author, \(change.author)",
                                evidence: [policy.file, change.commit])
            }
        }
    }
}

/// The risk assessment must be updated within the window (or the last 12 months).
public struct StaleRiskAssessmentCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "RISK-STALE", summary: "No change to the risk assessment landed within the window or the last 12 months.", severity: .medium,
        triggering: [AuditExample(["risk/risk-assessment.md": ""])],
        nonTriggering: [AuditExample()])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        let root = context.program.configuration.layout.risk + "/"
        let since = min(context.window.start, context.clock.adding(days: -365))
        let recent = context.histories.values.filter { $0.path.hasPrefix(root) }.flatMap(\.events).filter { $0.landed >= since && $0.landed <= context.clock }
        guard recent.isEmpty else { return [] }
        return [context.finding(self, subject: "risk", owner: nil, message: "no change to \(root) landed since \(since)", evidence: [root])]
    }
}

/// Every control owner needs an interview note in the cycle's audit folder.
public struct MissingInterviewCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "INTERVIEW-MISSING", summary: "A control owner has no interview note landed in the cycle.", severity: .low,
        triggering: [AuditExample(["audits/2026/interviews/alice.md": ""])],
        nonTriggering: [AuditExample()])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        let owners = Set(context.program.controls.filter(\.isActive).compactMap(\.owner?.value)).sorted()
        return owners.compactMap { owner in
            let path = "\(context.program.configuration.layout.audits)/\(context.cycle.id)/interviews/\(owner).md"
            let landed = context.histories[path]?.events.contains { $0.change == .added && $0.landed <= context.clock } == true
            guard !landed else { return nil }
            return context.finding(self, subject: owner, owner: owner, message: "no interview note \(path) has landed for control owner \(owner)", evidence: [path])
        }
    }
}

/// The audit runs too early when fewer than half the window's periods can have closed.
public struct EarlyAuditCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "TIMING-EARLY", summary: "The audit ran before half the window had passed.", severity: .low,
        triggering: [AuditExample(clock: Day(year: 2026, month: 4, day: 1)!)],
        nonTriggering: [AuditExample()])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        let middle = context.window.start.adding(days: context.window.start.days(until: context.window.end) / 2)
        guard context.clock < middle else { return [] }
        return [context.finding(self, subject: context.cycle.id, owner: nil,
                                message: "the audit ran on \(context.clock), before half the window (\(middle)): most periods cannot be tested yet",
                                evidence: [ProgramLayout.fileName])]
    }
}

/// The audit runs too late when fewer than 14 days remain to fix what it finds before fieldwork.
public struct LateAuditCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "TIMING-LATE", summary: "The audit ran fewer than 14 days before fieldwork.", severity: .low,
        triggering: [AuditExample(clock: Day(year: 2027, month: 1, day: 20)!)],
        nonTriggering: [AuditExample()])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        guard let fieldwork = context.cycle.fieldwork, context.clock.days(until: fieldwork) < 14 else { return [] }
        return [context.finding(self, subject: context.cycle.id, owner: nil,
                                message: "the audit ran on \(context.clock), less than 14 days before fieldwork on \(fieldwork): too late to remediate",
                                evidence: [ProgramLayout.fileName])]
    }
}

/// The internal auditor must be independent of the firm that attests.
public struct IndependenceCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "INDEP-CONFLICT", summary: "The internal auditor works for the external audit firm.", severity: .high,
        triggering: [AuditExample(["evident.yaml": ExampleProgram.base["evident.yaml"]! + "auditors:\n  external: {firm: Example CPA}\n  internal: {name: Eve, firm: Example CPA}\n"])],
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
