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

    /// The path, byte for byte: what the history is found by.
    public var exactPath: ExactPath
    /// Oldest first.
    public var events: [Event]

    /// The path as text, to show.
    public var path: String { exactPath.description }

    /// The history of the path whose bytes are `path`'s UTF-8.
    public init(path: String, events: [Event]) {
        self.init(exactPath: ExactPath(path), events: events)
    }

    public init(exactPath: ExactPath, events: [Event]) {
        self.exactPath = exactPath
        self.events = events
    }
}

/// The mainline histories an audit reads, found by exact path: a `[String: PathHistory]` would
/// merge two names `String` calls equal (NFC and NFD, or two invalid byte sequences), and with
/// them the events of two different files.
public struct PathHistories: Sendable, ExpressibleByDictionaryLiteral {
    /// Every history, in byte order of its path.
    public let values: [PathHistory]
    private let positions: [ExactPath: Int]

    /// The histories; of two for the same bytes, the first is kept.
    public init(_ histories: some Sequence<PathHistory>) {
        var unique: [ExactPath: PathHistory] = [:]
        for history in histories where unique[history.exactPath] == nil { unique[history.exactPath] = history }
        values = unique.values.sorted { $0.exactPath < $1.exactPath }
        positions = Dictionary(uniqueKeysWithValues: values.enumerated().map { ($1.exactPath, $0) })
    }

    /// Histories by path, for tests and examples: each key is the path, whatever the history says.
    public init(dictionaryLiteral elements: (String, PathHistory)...) {
        self.init(elements.map { PathHistory(path: $0.0, events: $0.1.events) })
    }

    public subscript(path: ExactPath) -> PathHistory? {
        positions[path].map { values[$0] }
    }

    /// The history of the path whose bytes are exactly `path`'s UTF-8.
    public subscript(path: String) -> PathHistory? {
        self[ExactPath(path)]
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
    public static func prove(_ occurrences: [EvidenceOccurrence], histories: PathHistories) -> [EvidenceProof] {
        occurrences.compactMap { occurrence in
            guard let claimed = occurrence.claimedDate else { return nil }
            let events = occurrence.files.flatMap { histories[$0]?.events ?? [] }
            let additions = events.filter { $0.change == .added }
            let landing = additions.min { ($0.landed, $0.commit) < ($1.landed, $1.commit) }
            let covers = occurrence.details?.covers.map { DayRange(start: $0.lowerBound, end: $0.upperBound) }
            let proven = ProvenOccurrence(path: occurrence.path, exactPath: occurrence.exactPath, claimed: claimed, covers: covers,
                                          landingCommit: landing?.commit, landed: landing?.landed)
            // Files added to a folder occurrence later are part of it, not modifications.
            let modifications = events.filter { $0.change == .modified || $0.change == .typeChanged }
            let deletion = events.first { $0.change == .deleted }
            return EvidenceProof(occurrence: proven, modifications: modifications, deletion: deletion)
        }
    }
}
