/// What the mainline history says about one path, as the audit needs it (built from the
/// history engine's output by the command layer, so the domain knows nothing of git).
public struct PathHistory: Hashable, Sendable {
    public enum Change: String, Sendable { case added = "A", modified = "M", deleted = "D", typeChanged = "T" }

    public struct Event: Hashable, Sendable {
        public var change: Change
        public var commit: String
        /// The UTC day the commit landed on the mainline.
        public var landed: Day
        public var author: String
        /// Whether the commit carries a signature.
        public var signed: Bool

        public init(change: Change, commit: String, landed: Day, author: String, signed: Bool = false) {
            self.change = change
            self.commit = commit
            self.landed = landed
            self.author = author
            self.signed = signed
        }
    }

    public var path: String
    /// Oldest first.
    public var events: [Event]

    public init(path: String, events: [Event]) {
        self.path = path
        self.events = events
    }
}

/// An occurrence together with what history proves about every file in it (SPEC §6, §8).
public struct EvidenceProof: Hashable, Sendable {
    public var occurrence: ProvenOccurrence
    /// Later commits that modified a file of the occurrence after it landed.
    public var modifications: [PathHistory.Event]
    /// The commit that deleted (part of) it, if any.
    public var deletion: PathHistory.Event?

    /// Days between the claimed date and the landing (negative: claimed after landing).
    public var claimToLanding: Int? {
        occurrence.landed.map { occurrence.claimed.days(until: $0) }
    }

    /// Proves every dated occurrence from the histories of its files. An occurrence lands with
    /// the first mainline commit in which any of its files exists.
    public static func prove(_ occurrences: [EvidenceOccurrence], histories: [String: PathHistory]) -> [EvidenceProof] {
        occurrences.compactMap { occurrence in
            guard let claimed = occurrence.claimedDate else { return nil }
            let events = occurrence.files.flatMap { histories[$0]?.events ?? [] }
            let additions = events.filter { $0.change == .added }
            let landing = additions.min { ($0.landed, $0.commit) < ($1.landed, $1.commit) }
            let covers = occurrence.details?.covers.map { DayRange(start: $0.lowerBound, end: $0.upperBound) }
            let proven = ProvenOccurrence(path: occurrence.path, claimed: claimed, covers: covers,
                                          landingCommit: landing?.commit, landed: landing?.landed)
            // Files added to a folder occurrence later are part of it, not modifications.
            let modifications = events.filter { $0.change == .modified || $0.change == .typeChanged }
            let deletion = events.first { $0.change == .deleted }
            return EvidenceProof(occurrence: proven, modifications: modifications, deletion: deletion)
        }
    }
}
