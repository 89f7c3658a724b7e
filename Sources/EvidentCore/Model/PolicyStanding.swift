/// Where a policy stands against the review and approval rules on one day, judged from its
/// mainline revisions. `evident lint` (on the day it runs) and `evident audit` (at its clock)
/// both report from this one judgement, so at the same day they name the same policies:
///
/// - **review overdue**: no approval the history binds to its approver landed within
///   `review_days` before the day (a policy never approved: within `review_days` after it first
///   landed). Not raised when one of the approval findings below is: approving the text that
///   lacks an approval is the review.
/// - **change unapproved**: a change of the text, version, title or topic that landed in the
///   window has no bound approval of its version, in its own commit or a later one. A version
///   whose approval was claimed in a commit the approver did not make is the unbound claim's
///   finding, not this one's.
/// - **self-approved**: such a change whose every bound approval is by its author.
/// - **approval unbound**: an approval claimed in the window (an entry or an `Approved-by:`
///   trailer) that the history does not bind to the approver (see `ApprovalProof`).
public struct PolicyStanding: Hashable, Sendable {
    /// A change to a policy that needs an approval of its version.
    public struct Change: Hashable, Sendable {
        public var version: String?
        public var day: Day
        public var commit: String
        /// The people key (or the name) of the change's author.
        public var author: String
        /// Whether the change is the policy's first landing on the mainline.
        public var isFirstLanding: Bool

        /// How the change reads in a sentence: "landed" or "changed".
        public var verb: String { isFirstLanding ? "landed" : "changed" }
    }

    /// Why a policy's review is overdue.
    public struct OverdueReview: Hashable, Sendable {
        /// The last bound approval by the day judged; nil when it was never approved.
        public var lastApproval: ProvenApproval?
        /// When it first landed on the mainline.
        public var firstLanded: Day
        public var reviewDays: Int
        /// The last day the review could land on time.
        public var due: Day
    }

    /// What the history proves about the policy file.
    public var proof: PolicyProof
    /// The last day a review can land on time: `review_days` after the last bound approval up
    /// to the day judged, or after the policy first landed when there is none; nil when it has
    /// not landed.
    public var reviewDue: Day?
    /// Set when the review is overdue on the day judged and no approval finding covers it.
    public var overdueReview: OverdueReview?
    /// Changes in the window that no one approved.
    public var unapproved: [Change]
    /// Changes in the window approved only by their authors.
    public var selfApproved: [Change]
    /// Approvals claimed in the window that the history does not bind.
    public var unbound: [UnboundApproval]

    /// Judges `policy` (as the program has it now) from its revisions, oldest first.
    /// - Parameters:
    ///   - window: the cycle whose changes and claims are judged; nil judges the review alone.
    ///   - day: the day the review is measured against.
    public static func judge(_ policy: Policy, revisions: [PolicyRevision], people: [String: Person], requireSigned: Bool,
                             window: DayRange?, on day: Day) -> PolicyStanding {
        let parsed = ApprovalProof.parse(revisions)
        let proof = ApprovalProof.proof(of: revisions, parsed: parsed, people: people, requireSigned: requireSigned)
        return judge(policy, revisions: revisions, parsed: parsed, proof: proof, people: people, window: window, on: day)
    }

    /// The last day a review can land on time, counting the approvals up to `day` (all when
    /// nil): `review_days` after the last one, or after the policy first landed.
    public static func reviewDue(of policy: Policy, proof: PolicyProof, upTo day: Day?) -> Day? {
        let reviewDays = policy.reviewDays?.value ?? Policy.defaultReviewDays
        return (lastApproval(in: proof, upTo: day)?.day ?? proof.firstLanded).map { $0.adding(days: reviewDays) }
    }

    private static func lastApproval(in proof: PolicyProof, upTo day: Day?) -> ProvenApproval? {
        proof.approvals.filter { day == nil || $0.day <= day! }.max { $0.day < $1.day }
    }

    static func judge(_ policy: Policy, revisions: [PolicyRevision], parsed: [Policy?], proof: PolicyProof, people: [String: Person],
                      window: DayRange?, on day: Day) -> PolicyStanding {
        let changes = window.map { changesNeedingApproval(revisions, parsed: parsed, proof: proof, window: $0, people: people) }
            ?? (unapproved: [], selfApproved: [])
        let unbound = window.map { window in proof.unbound.filter { window.contains($0.day) } } ?? []
        // A version whose approval was claimed but not bound is the claim's finding.
        let claimed = Set(unbound.map(\.version))
        let unapproved = changes.unapproved.filter { !claimed.contains($0.version) }

        let reviewDays = policy.reviewDays?.value ?? Policy.defaultReviewDays
        let lastApproval = lastApproval(in: proof, upTo: day)
        let reviewDue = reviewDue(of: policy, proof: proof, upTo: day)
        var overdueReview: OverdueReview?
        if policy.isActive, let reviewDue, let firstLanded = proof.firstLanded, day > reviewDue,
           changes.unapproved.isEmpty, unbound.isEmpty {
            overdueReview = OverdueReview(lastApproval: lastApproval, firstLanded: firstLanded, reviewDays: reviewDays, due: reviewDue)
        }
        return PolicyStanding(proof: proof, reviewDue: reviewDue, overdueReview: overdueReview, unapproved: unapproved,
                              selfApproved: changes.selfApproved, unbound: unbound)
    }

    /// The text changes in `window` and whether someone other than their author approved the
    /// changed version: an approval counts from the commit that carries it, in the same commit
    /// as the change or later. Each change is one of approved, self-approved or unapproved.
    private static func changesNeedingApproval(_ revisions: [PolicyRevision], parsed: [Policy?], proof: PolicyProof, window: DayRange,
                                               people: [String: Person]) -> (unapproved: [Change], selfApproved: [Change]) {
        let position = Dictionary(revisions.enumerated().map { ($1.commit, $0) }) { first, _ in first }
        var unapproved: [Change] = []
        var selfApproved: [Change] = []
        for (index, revision) in revisions.enumerated() where window.contains(revision.day) {
            guard let policy = parsed[index] else { continue }
            let previous = index > 0 ? parsed[index - 1] : nil
            let changed = previous == nil || previous?.body != policy.body || previous?.version?.value != policy.version?.value
                || previous?.title != policy.title || previous?.topic?.value != policy.topic?.value
            guard changed else { continue }
            let author = ApprovalProof.person(named: "\(revision.authorName) <\(revision.authorEmail)>", in: people)
            let change = Change(version: policy.version?.value, day: revision.day, commit: revision.commit, author: author, isFirstLanding: index == 0)
            let approvers = proof.approvals.filter { approval in
                (approval.version == nil || approval.version == policy.version?.value) && (position[approval.commit] ?? -1) >= index
            }.map(\.by)
            if approvers.isEmpty {
                unapproved.append(change)
            } else if approvers.allSatisfy({ $0 == author }) {
                selfApproved.append(change)
            }
        }
        return (unapproved, selfApproved)
    }
}

extension AuditCycle {
    /// The cycle a command works on when none is named: the one whose window holds `day`, else
    /// the one that ends last.
    public static func current(in cycles: [AuditCycle], on day: Day) -> AuditCycle? {
        cycles.first { $0.start <= day && day <= $0.end } ?? cycles.max { $0.end < $1.end }
    }

    public var window: DayRange { DayRange(start: start, end: end) }
}
