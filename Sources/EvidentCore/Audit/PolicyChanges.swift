/// Finds policy text changes in a window and whether someone other than their author approved
/// the changed version: an approval counts from the commit that carries it, in the
/// same commit as the change or later.
enum PolicyChanges {
    struct Change: Hashable {
        var version: String?
        var day: Day
        var commit: String
        /// The people key (or name) of the change's author.
        var author: String
    }

    static func unapprovedOrSelfApproved(_ revisions: [PolicyRevision], parsed: [Policy?], proof: PolicyProof, window: DayRange,
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
            let change = Change(version: policy.version?.value, day: revision.day, commit: revision.commit, author: author)
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
