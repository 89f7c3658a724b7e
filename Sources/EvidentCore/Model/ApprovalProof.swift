import Foundation

/// One version of a policy file as it landed on the mainline, with what its commit says.
public struct PolicyRevision: Sendable {
    public var commit: String
    public var day: Day
    public var authorName: String
    public var authorEmail: String
    public var committerName: String
    public var committerEmail: String
    /// `Approved-by` trailer values of the commit.
    public var approvedBy: [String]
    /// The file's text after the commit; nil when the commit deleted it.
    public var text: String?
    /// For a merge: the commits of the merged side branch that changed the file, oldest first.
    /// An approval entry that came in through the merge is bound by the side commit that added it.
    public var sideCommits: [PolicySideCommit]
    /// With signing required: the addresses (lower-cased) the commit's signature verifies for;
    /// nil when signatures were not checked.
    public var signers: Set<String>?

    public init(commit: String, day: Day, authorName: String, authorEmail: String, committerName: String? = nil, committerEmail: String? = nil,
                approvedBy: [String], text: String?, sideCommits: [PolicySideCommit] = [], signers: Set<String>? = nil) {
        self.commit = commit
        self.day = day
        self.authorName = authorName
        self.authorEmail = authorEmail
        self.committerName = committerName ?? authorName
        self.committerEmail = committerEmail ?? authorEmail
        self.approvedBy = approvedBy
        self.text = text
        self.sideCommits = sideCommits
        self.signers = signers
    }
}

/// A commit of a merged side branch that changed a policy file.
public struct PolicySideCommit: Sendable {
    public var commit: String
    public var authorName: String
    public var authorEmail: String
    public var text: String?
    /// As `PolicyRevision.signers`.
    public var signers: Set<String>?

    public init(commit: String, authorName: String, authorEmail: String, text: String?, signers: Set<String>? = nil) {
        self.commit = commit
        self.authorName = authorName
        self.authorEmail = authorEmail
        self.text = text
        self.signers = signers
    }
}

/// Turns a policy's mainline revisions into proven approvals. The `by:` key and the `date:`
/// written in the file are claims, never proof: an approval counts only when the history binds
/// it to the approver —
///
/// - the commit that introduced the entry is authored by the approver (matched by any of the
///   person's addresses): the mainline commit itself, or, for an entry that came in through a
///   merge, the side-branch commit that added it; or
/// - an `Approved-by: Name <email>` trailer names the approver and the approver committed the
///   mainline commit that carries it (a maintainer applying someone's patch);
/// - and, with signing required, that commit's signature verifies for the approver.
///
/// The approval's day is the day the binding commit landed on the mainline. An entry and a
/// trailer for the same person and version in one commit are one approval. Every claim that is
/// not bound is kept, with the reason, for POL-APPROVAL-UNBOUND.
public enum ApprovalProof {
    public static func proof(of revisions: [PolicyRevision], people: [String: Person], requireSigned: Bool = false) -> PolicyProof {
        proof(of: revisions, parsed: parse(revisions), people: people, requireSigned: requireSigned)
    }

    /// Each revision's text parsed as a policy (nil for a deletion or an unreadable text).
    static func parse(_ revisions: [PolicyRevision]) -> [Policy?] {
        revisions.map { parse($0.text) }
    }

    private static func parse(_ text: String?) -> Policy? {
        var ignored: [Diagnostic] = []
        return text.flatMap { PolicyParser.parse($0, file: "policy", diagnostics: &ignored) }
    }

    static func proof(of revisions: [PolicyRevision], parsed: [Policy?], people: [String: Person], requireSigned: Bool) -> PolicyProof {
        var seen: Set<EntryKey> = []
        var approvals: [ProvenApproval] = []
        var unbound: [UnboundApproval] = []
        for (revision, policy) in zip(revisions, parsed) {
            guard revision.text != nil else {
                seen = []
                continue
            }
            let trailers = revision.approvedBy.map { (text: $0, key: person(named: $0, in: people)) }
            let committer = Signer(name: revision.committerName, email: revision.committerEmail, commit: revision.commit, signers: revision.signers)
            var bound: Set<ApproverVersion> = []
            for entry in policy?.approvals ?? [] {
                guard seen.insert(EntryKey(by: entry.by.value, version: entry.version ?? "", date: entry.date)).inserted else { continue }
                let claim = ApproverVersion(by: entry.by.value, version: entry.version)
                let introducer = introducer(of: entry, in: revision)
                let hasTrailer = trailers.contains { $0.key == entry.by.value }
                switch bind(entry.by.value, by: introducer, or: hasTrailer ? committer : nil, people: people, requireSigned: requireSigned) {
                case .success(let via):
                    bound.insert(claim)
                    approvals.append(ProvenApproval(by: entry.by.value, version: entry.version, commit: revision.commit, day: revision.day,
                                                    bindingCommit: via.signer.commit, binding: via.binding))
                case .failure(let reason):
                    unbound.append(UnboundApproval(by: entry.by.value, version: entry.version, commit: revision.commit, day: revision.day,
                                                   claim: "the entry {by: \(entry.by.value), version: \"\(entry.version ?? "")\"}", reason: reason.text))
                }
            }
            for trailer in trailers {
                let version = policy?.version?.value
                // An entry and a trailer for the same person and version are one approval.
                guard !bound.contains(ApproverVersion(by: trailer.key, version: version)) else { continue }
                switch bind(trailer.key, by: nil, or: committer, people: people, requireSigned: requireSigned) {
                case .success(let via):
                    bound.insert(ApproverVersion(by: trailer.key, version: version))
                    approvals.append(ProvenApproval(by: trailer.key, version: version, commit: revision.commit, day: revision.day,
                                                    bindingCommit: via.signer.commit, binding: via.binding))
                case .failure(let reason):
                    unbound.append(UnboundApproval(by: trailer.key, version: version, commit: revision.commit, day: revision.day,
                                                   claim: "the trailer 'Approved-by: \(trailer.text)'", reason: reason.text))
                }
            }
        }
        return PolicyProof(firstLanded: revisions.first?.day, approvals: approvals, unbound: unbound)
    }

    /// Who made a commit, and what its signature verifies for.
    private struct Signer {
        var name: String
        var email: String
        var commit: String
        var signers: Set<String>?
    }

    private struct Binding {
        var signer: Signer
        var binding: ProvenApproval.Binding
    }

    private struct Reason: Error {
        var text: String
    }

    /// The commit that introduced `entry`: for a merge, the oldest side commit whose text has
    /// it; else (or when no side commit has it) the mainline commit.
    private static func introducer(of entry: PolicyApproval, in revision: PolicyRevision) -> Signer {
        let side = revision.sideCommits.first { commit in
            let approvals: [PolicyApproval] = parse(commit.text)?.approvals ?? []
            return approvals.contains { $0.by.value == entry.by.value && $0.version == entry.version && $0.date == entry.date }
        }
        if let side { return Signer(name: side.authorName, email: side.authorEmail, commit: side.commit, signers: side.signers) }
        return Signer(name: revision.authorName, email: revision.authorEmail, commit: revision.commit, signers: revision.signers)
    }

    /// Binds an approval by `key` to the author of `author`'s commit, else to the committer.
    private static func bind(_ key: String, by author: Signer?, or committer: Signer?, people: [String: Person],
                             requireSigned: Bool) -> Result<Binding, Reason> {
        guard let person = people[key] else { return .failure(Reason(text: "'\(key)' is not one of the people in evident.yaml")) }
        let addresses = person.addresses
        guard !addresses.isEmpty else { return .failure(Reason(text: "\(key) has no email in evident.yaml to bind a commit to")) }
        func signed(_ signer: Signer) -> Bool {
            !requireSigned || !(signer.signers ?? []).isDisjoint(with: addresses)
        }
        var reasons: [String] = []
        if let author {
            if addresses.contains(author.email.lowercased()) {
                if signed(author) { return .success(Binding(signer: author, binding: .author)) }
                reasons.append("commit \(author.commit.prefix(10)), which \(key) authored, has no signature that verifies for \(key)")
            } else {
                reasons.append("commit \(author.commit.prefix(10)) that added it was authored by \(author.name) <\(author.email)>, not by \(key)")
            }
        }
        if let committer {
            if addresses.contains(committer.email.lowercased()) {
                if signed(committer) { return .success(Binding(signer: committer, binding: .committer)) }
                reasons.append("commit \(committer.commit.prefix(10)), which \(key) committed, has no signature that verifies for \(key)")
            } else {
                reasons.append("commit \(committer.commit.prefix(10)) was committed by \(committer.name) <\(committer.email)>, not by \(key)")
            }
        }
        return .failure(Reason(text: reasons.joined(separator: "; ")))
    }

    /// An approval entry as the front matter writes it. A later revision repeats the entries
    /// already there; only the commit that first carried one can prove it. A missing version
    /// counts as the empty one, as an entry `version: ""` would.
    private struct EntryKey: Hashable {
        var by: String
        var version: String
        var date: Day?
    }

    /// One person's approval of one version.
    private struct ApproverVersion: Hashable {
        var by: String
        var version: String?
    }

    /// The `people` key for `Name <email>` (matched by any address, then name), else the text itself.
    static func person(named text: String, in people: [String: Person]) -> String {
        let email = text.firstIndex(of: "<").flatMap { open in
            text[open...].firstIndex(of: ">").map { String(text[text.index(after: open)..<$0]) }
        }
        let name = String(text.prefix { $0 != "<" }).trimmingCharacters(in: .whitespaces)
        if let email, let match = people.values.sorted(by: { $0.key < $1.key }).first(where: { $0.addresses.contains(email.lowercased()) }) { return match.key }
        if let match = people.values.sorted(by: { $0.key < $1.key }).first(where: { $0.name == name || $0.key == name }) { return match.key }
        return text
    }
}
