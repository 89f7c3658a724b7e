import EvidentCore
import EvidentGit
import Foundation

/// `evident history --format json` written member by member into bytes: exactly the bytes of
/// `HistoryDocument(history).encoded()`, without building the `Encodable` document first, which
/// cost more than reading a warm history.
public enum HistoryJSON {
    /// The document with its final newline, as UTF-8.
    public static func bytes(_ history: MainlineHistory) -> [UInt8] {
        var rendered = RenderedEvents(history)
        var json = JSONWriter(capacity: estimatedSize(history))
        json.object { json in
            json.key("files")
            json.array(history.files.indices) { json, fileIndex in
                let file = history.files[fileIndex]
                json.object { json in
                    json.key("events")
                    json.array { json in
                        for (eventIndex, event) in file.events.enumerated() {
                            // Every event sits at the same depth, so an earlier one's bytes fit as they are.
                            if let earlier = rendered.range(of: event) {
                                json.element(repeating: earlier)
                            } else {
                                json.nextElement()
                                let start = json.bytes.count
                                Self.event(event, into: &json)
                                rendered.remember(file: fileIndex, event: eventIndex, at: start..<json.bytes.count)
                            }
                        }
                    }
                    json.member("path", file.path.description)
                    // Rare, and then the same call the document makes, so the same Base64.
                    if !file.path.isValidUTF8 { json.member("path_base64", Data(file.path.bytes).base64EncodedString()) }
                }
            }
            json.member("head", history.head.description)
            json.member("ref", history.reference)
            json.member("roots", history.roots.map(\.description))
        }
        return json.finished()
    }

    /// A little more than the document takes, so its buffer is allocated once and never copied
    /// as it grows: about 600 bytes of layout an event, and its strings.
    private static func estimatedSize(_ history: MainlineHistory) -> Int {
        var size = 4096 + history.roots.count * 64
        for file in history.files {
            size += 128 + 2 * file.path.bytes.count
            for event in file.events {
                let commit = event.commit
                size += 640 + 2 * (commit.author.name.utf8.count + commit.author.email.utf8.count + commit.committer.name.utf8.count + commit.committer.email.utf8.count)
                for trailer in commit.trailers { size += 48 + 2 * (trailer.key.utf8.count + trailer.value.utf8.count) }
            }
        }
        return size
    }

    fileprivate static func event(_ event: FileEvent, into json: inout JSONWriter) {
        let commit = event.commit
        json.object { json in
            json.key("author")
            person(commit.author, into: &json)
            json.key("commit")
            json.plainString { commit.id.appendHex(count: 2 * ObjectID.byteCount, to: &$0) }
            json.key("committer")
            person(commit.committer, into: &json)
            json.member("signed", commit.isSigned)
            json.member("status", event.status.rawValue)
            json.key("time")
            json.plainString { UTCTime.appendISO8601(commit.committer.time, to: &$0) }
            json.key("trailers")
            json.object(trailerValues(commit.trailers))
        }
    }

    /// Grouped in a `Dictionary` as the document groups them, for its notion of one key:
    /// `String` equality, canonical equivalence, so a composed and a decomposed `é` are one key,
    /// spelled as it first appears.
    private static func trailerValues(_ trailers: [Trailer]) -> [String: [String]] {
        var values: [String: [String]] = [:]
        for trailer in trailers {
            values[trailer.key, default: []].append(trailer.value)
        }
        return values
    }

    private static func person(_ signature: Signature, into json: inout JSONWriter) {
        json.object { json in
            json.member("email", signature.email)
            json.member("name", signature.name)
            json.key("offset")
            json.plainString { UTCTime.appendOffset(minutes: signature.offsetMinutes, to: &$0) }
            json.key("time")
            json.plainString { UTCTime.appendISO8601(signature.time, to: &$0) }
        }
    }
}

/// Where each distinct event object was first laid out: a commit that changed many paths
/// appears in the events of each of them, the same bytes every time.
private struct RenderedEvents {
    private struct Key: Hashable {
        var commit: ObjectID
        var status: ChangeStatus
    }

    private struct First {
        var file: Int
        var event: Int
        var range: Range<Int>
    }

    private let history: MainlineHistory
    private var known: [Key: First] = [:]

    init(_ history: MainlineHistory) {
        self.history = history
        known.reserveCapacity(history.commits.count)
    }

    func range(of event: FileEvent) -> Range<Int>? {
        guard let first = known[Key(commit: event.commit.id, status: event.status)] else { return nil }
        // Copies of one commit share their storage, so this comparison is cheap; two different
        // commits under one id exist only in a history built by hand, and each is shown as it is.
        guard history.files[first.file].events[first.event].commit == event.commit else { return nil }
        return first.range
    }

    mutating func remember(file: Int, event: Int, at range: Range<Int>) {
        let first = history.files[file].events[event]
        known[Key(commit: first.commit.id, status: first.status)] = First(file: file, event: event, range: range)
    }
}
