import EvidentBasics

/// What makes two findings "the same problem" across runs and cycles: the code and the subject,
/// without the message, which names dates and commits that change from run to run.
///
/// An audit raises at most one finding per key (`Auditor.run` guarantees it), so the key is
/// also what a finding's id is made of: the same problem keeps its id from run to run, however
/// many periods or items it lists, which is what lets a later run tell an earlier finding
/// remediated, overdue or recurring.
public struct FindingKey: Hashable, Sendable, Comparable {
    public var code: String
    public var subject: String

    public init(code: String, subject: String) {
        self.code = code
        self.subject = subject
    }

    /// The finding's id in a record: `F-` and 16 hex digits of a hash of the code and subject.
    public var id: String {
        "F-" + FNV1a.hex(FNV1a.hash(fields: [code, subject]))
    }

    public static func < (lhs: FindingKey, rhs: FindingKey) -> Bool {
        (lhs.code, lhs.subject) < (rhs.code, rhs.subject)
    }
}

extension Finding {
    public var key: FindingKey { FindingKey(code: code, subject: subject) }
}

extension AuditRecord {
    /// Codes whose subject was a commit until record format 3, which raises one finding per
    /// cycle (its id) listing the commits.
    static let codesOncePerCommit: Set<String> = ["TRUST-UNSIGNED", "TRUST-CLOCK-SKEW"]

    /// The key of one of this record's findings, as the current format makes it. Records of
    /// formats 1 and 2 raised a finding per period (a missing period, a late one) and one per
    /// commit for the trust checks; their findings map to the key of the one finding the
    /// current format raises for the problem, so that an old record's findings still follow up.
    public func key(of finding: Finding) -> FindingKey {
        if (formatVersion ?? 1) < 3 && Self.codesOncePerCommit.contains(finding.code) {
            return FindingKey(code: finding.code, subject: cycle.id)
        }
        return FindingKey(code: finding.code, subject: finding.subject)
    }
}
