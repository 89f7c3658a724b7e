import Foundation

/// One version of a policy file as it landed on the mainline, with what its commit says.
public struct PolicyRevision: Sendable {
    public var commit: String
    public var day: Day
    public var authorName: String
    public var authorEmail: String
    /// `Approved-by` trailer values of the commit.
    public var approvedBy: [String]
    /// The file's text after the commit; nil when the commit deleted it.
    public var text: String?

    public init(commit: String, day: Day, authorName: String, authorEmail: String, approvedBy: [String], text: String?) {
        self.commit = commit
        self.day = day
        self.authorName = authorName
        self.authorEmail = authorEmail
        self.approvedBy = approvedBy
        self.text = text
    }
}

/// Turns a policy's mainline revisions into proven approvals (SPEC §5): an approval counts
/// from the commit that added its entry, never from the date written in it; an
/// `Approved-by:` trailer on a commit that changes the policy counts as well.
public enum ApprovalProof {
    public static func proof(of revisions: [PolicyRevision], people: [String: Person]) -> PolicyProof {
        proof(of: revisions, parsed: parse(revisions), people: people)
    }

    /// Each revision's text parsed as a policy (nil for a deletion or an unreadable text).
    static func parse(_ revisions: [PolicyRevision]) -> [Policy?] {
        revisions.map { revision in
            var ignored: [Diagnostic] = []
            return revision.text.flatMap { PolicyParser.parse($0, file: "policy", diagnostics: &ignored) }
        }
    }

    static func proof(of revisions: [PolicyRevision], parsed: [Policy?], people: [String: Person]) -> PolicyProof {
        var seen: Set<EntryKey> = []
        var approvals: [ProvenApproval] = []
        for (revision, policy) in zip(revisions, parsed) {
            guard revision.text != nil else {
                seen = []
                continue
            }
            for approval in policy?.approvals ?? [] {
                guard seen.insert(EntryKey(by: approval.by.value, version: approval.version ?? "", date: approval.date)).inserted else { continue }
                approvals.append(ProvenApproval(by: approval.by.value, version: approval.version, commit: revision.commit, day: revision.day))
            }
            for trailer in revision.approvedBy {
                approvals.append(ProvenApproval(by: person(named: trailer, in: people), version: policy?.version?.value,
                                                commit: revision.commit, day: revision.day))
            }
        }
        return PolicyProof(firstLanded: revisions.first?.day, approvals: approvals)
    }

    /// An approval entry as the front matter writes it. A later revision repeats the entries
    /// already there; only the commit that first carried one proves it. A missing version
    /// counts as the empty one, as an entry `version: ""` would.
    private struct EntryKey: Hashable {
        var by: String
        var version: String
        var date: Day?
    }

    /// The `people` key for `Name <email>` (matched by email, then name), else the text itself.
    static func person(named text: String, in people: [String: Person]) -> String {
        let email = text.firstIndex(of: "<").flatMap { open in
            text[open...].firstIndex(of: ">").map { String(text[text.index(after: open)..<$0]) }
        }
        let name = String(text.prefix { $0 != "<" }).trimmingCharacters(in: .whitespaces)
        if let email, let match = people.values.first(where: { $0.email?.lowercased() == email.lowercased() }) { return match.key }
        if let match = people.values.first(where: { $0.name == name || $0.key == name }) { return match.key }
        return text
    }
}
