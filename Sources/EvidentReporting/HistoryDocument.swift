import EvidentCore
import EvidentGit
import Foundation

/// `evident history --format json`: the documented contract (see the README).
public struct HistoryDocument: Encodable, Sendable {
    public struct Person: Encodable, Sendable {
        public var name: String
        public var email: String
        /// UTC, ISO 8601.
        public var time: String
        /// The offset from UTC the person's clock showed, e.g. `+01:00`.
        public var offset: String
    }

    public struct Event: Encodable, Sendable {
        public var status: String
        public var commit: String
        /// When the commit landed: its committer time, UTC.
        public var time: String
        public var author: Person
        public var committer: Person
        public var signed: Bool
        public var trailers: [String: [String]]
    }

    public struct File: Encodable, Sendable {
        /// The path as text (invalid UTF-8 shown as U+FFFD).
        public var path: String
        /// The exact path bytes, present only when the path is not valid UTF-8.
        public var pathBase64: String?
        public var events: [Event]

        enum CodingKeys: String, CodingKey {
            case path
            case pathBase64 = "path_base64"
            case events
        }
    }

    public var head: String
    public var ref: String
    public var roots: [String]
    public var files: [File]

    public init(_ history: MainlineHistory) {
        head = history.head.description
        ref = history.reference
        roots = history.roots.map(\.description)
        files = history.files.map { file in
            File(
                path: file.path.description,
                pathBase64: file.path.isValidUTF8 ? nil : Data(file.path.bytes).base64EncodedString(),
                events: file.events.map(Event.init)
            )
        }
    }

    /// Pretty, key-sorted JSON ending in a newline: the same history gives the same bytes.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0a)
        return data
    }
}

extension HistoryDocument.Event {
    init(_ event: FileEvent) {
        let commit = event.commit
        var trailers: [String: [String]] = [:]
        for trailer in commit.trailers {
            trailers[trailer.key, default: []].append(trailer.value)
        }
        self.init(
            status: event.status.rawValue,
            commit: commit.id.description,
            time: UTCTime.iso8601(commit.committer.time),
            author: HistoryDocument.Person(commit.author),
            committer: HistoryDocument.Person(commit.committer),
            signed: commit.isSigned,
            trailers: trailers
        )
    }
}

extension HistoryDocument.Person {
    init(_ signature: Signature) {
        self.init(
            name: signature.name, email: signature.email,
            time: UTCTime.iso8601(signature.time), offset: UTCTime.offset(minutes: signature.offsetMinutes)
        )
    }
}
