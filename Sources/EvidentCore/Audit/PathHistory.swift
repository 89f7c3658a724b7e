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

/// One event in the history of one file of an occurrence (or of its sidecar).
public struct EvidenceEvent: Hashable, Sendable {
    public var file: ExactPath
    /// Whether `file` is the occurrence's `.meta.yaml` sidecar rather than one of its files.
    public var isSidecar: Bool
    public var event: PathHistory.Event

    public init(file: ExactPath, isSidecar: Bool = false, event: PathHistory.Event) {
        self.file = file
        self.isSidecar = isSidecar
        self.event = event
    }

    public var change: PathHistory.Change { event.change }
    public var commit: String { event.commit }
    public var landed: Day { event.landed }
    public var author: String { event.author }
}

/// An occurrence together with what history proves about every file in it.
public struct EvidenceProof: Hashable, Sendable {
    public var occurrence: ProvenOccurrence
    /// Every change after the occurrence landed, oldest first per file: a commit that modified a
    /// file of it (or its sidecar), or that added one back after it was deleted. Evidence is
    /// append-only and the history shows only that a deleted file came back, not that it came
    /// back unchanged, so a re-added file is a modification too.
    public var modifications: [EvidenceEvent]
    /// Every commit that deleted a file of it (or its sidecar), oldest first per file, including
    /// those the file came back after.
    public var deletions: [EvidenceEvent]

    /// The first commit that deleted (part of) it, if any.
    public var deletion: EvidenceEvent? { deletions.first }

    /// Days between the claimed date and the landing (negative: claimed after landing).
    public var claimToLanding: Int? {
        occurrence.landed.map { occurrence.claimed.days(until: $0) }
    }

    /// Proves every dated occurrence from the histories of its files. An occurrence lands with
    /// the first mainline commit in which any of its files exists, and keeps that landing
    /// whatever happens to it later: a deletion and a re-add do not move it.
    public static func prove(_ occurrences: [EvidenceOccurrence], histories: PathHistories) -> [EvidenceProof] {
        occurrences.compactMap { occurrence in
            guard let claimed = occurrence.claimedDate else { return nil }
            var additions: [PathHistory.Event] = []
            var modifications: [EvidenceEvent] = []
            var deletions: [EvidenceEvent] = []
            let sidecarHistory = occurrence.sidecar.flatMap { histories[$0] }
            for file in occurrence.files + (occurrence.sidecar.map { [$0] } ?? []) {
                guard let history = histories[file] else { continue }
                let isSidecar = file == occurrence.sidecar
                var gone = false
                for event in history.events {
                    switch event.change {
                    case .added:
                        // Files added to a folder occurrence later are part of it, and a sidecar
                        // added later is judged by when it landed; only a file that comes back
                        // after its deletion is a change.
                        if gone {
                            modifications.append(EvidenceEvent(file: file, isSidecar: isSidecar, event: event))
                        } else if !isSidecar {
                            additions.append(event)
                        }
                        gone = false
                    case .modified, .typeChanged:
                        modifications.append(EvidenceEvent(file: file, isSidecar: isSidecar, event: event))
                    case .deleted:
                        deletions.append(EvidenceEvent(file: file, isSidecar: isSidecar, event: event))
                        gone = true
                    }
                }
            }
            let landing = additions.min { ($0.landed, $0.commit) < ($1.landed, $1.commit) }
            let covers = occurrence.details?.covers.map { DayRange(start: $0.lowerBound, end: $0.upperBound) }
            // The covers read are the sidecar's current text, which landed with its last change.
            let coversLanded = covers == nil ? nil : sidecarHistory?.events.last { $0.change != .deleted }?.landed
            let proven = ProvenOccurrence(path: occurrence.path, exactPath: occurrence.exactPath, claimed: claimed, covers: covers,
                                          coversLanded: coversLanded, landingCommit: landing?.commit, landed: landing?.landed)
            return EvidenceProof(occurrence: proven, modifications: modifications, deletions: deletions)
        }
    }
}
