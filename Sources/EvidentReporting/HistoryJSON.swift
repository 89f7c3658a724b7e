import EvidentCore
import EvidentGit
import Foundation

/// `evident history --format json` written member by member into bytes: exactly the bytes of
/// `HistoryDocument(history).encoded()`, without building the `Encodable` document first, which
/// cost more than reading a warm history.
public enum HistoryJSON {
    /// The document with its final newline, as UTF-8. Files whose part is estimated at
    /// `splittingAbove` bytes or more are written in two halves at once.
    public static func bytes(_ history: MainlineHistory, splittingAbove threshold: Int = parallelThreshold) -> [UInt8] {
        let parts = parts(history, splittingAbove: threshold)
        return parts.count == 1 ? parts[0] : Array(parts.joined())
    }

    /// The same document in consecutive parts, which written one after another are `bytes`:
    /// a large document's two halves are written on two threads, and handing them over as
    /// they are saves copying megabytes into one buffer (and touching its fresh pages).
    public static func parts(_ history: MainlineHistory, splittingAbove threshold: Int = parallelThreshold) -> [[UInt8]] {
        var parts: [[UInt8]] = []
        var json = JSONWriter(capacity: estimatedSize(history.files[...]) + 4096 + history.roots.count * 64)
        json.object { json in
            json.key("files")
            json.array { json in files(of: history, splittingAbove: threshold, into: &json, parts: &parts) }
            json.member("head", history.head.description)
            json.member("ref", history.reference)
            json.member("roots", history.roots.map(\.description))
        }
        parts.append(json.finished())
        return parts
    }

    /// Below this many bytes the files are written on one thread: a second would cost more to
    /// start than it saves.
    public static let parallelThreshold = 1 << 20

    /// The elements of `files`: in two halves written at once on two threads when the
    /// document is large, in one pass otherwise. Either way the same bytes.
    private static func files(of history: MainlineHistory, splittingAbove threshold: Int, into json: inout JSONWriter, parts: inout [[UInt8]]) {
        let all = history.files[...]
        let total = estimatedSize(all)
        guard total >= threshold, all.count > 1 else {
            files(all, into: &json)
            return
        }
        // Where the first half of the estimated bytes ends.
        var split = all.startIndex
        var size = 0
        while split < all.endIndex - 1, size < total / 2 {
            size += estimatedSize(all[split...split])
            split += 1
        }
        let second = all[split...]
        let tail = Fragment()
        let group = DispatchGroup()
        let depth = json.currentDepth
        let preceding = split - all.startIndex
        let capacity = total - size + 4096
        DispatchQueue.global(qos: .userInitiated).async(group: group) {
            var writer = JSONWriter(fragmentAtDepth: depth, precedingElements: preceding, capacity: capacity)
            files(second, into: &writer)
            tail.writer = writer
        }
        files(all[..<split], into: &json)
        group.wait()
        parts += json.takeParts(endingWith: tail.writer!)
    }

    /// The second half's writer, handed from its thread to the caller after `wait()`.
    private final class Fragment: @unchecked Sendable {
        var writer: JSONWriter?
    }

    /// The elements of `files`. Events are read in place: copying one copies its commit's
    /// names, trailers and all, which cost more than writing it.
    private static func files(_ files: ArraySlice<FileHistory>, into json: inout JSONWriter) {
        for file in files {
            json.nextElement()
            json.object { json in
                json.key("events")
                json.array { json in
                    file.events.withUnsafeBufferPointer { events in
                        for index in events.indices {
                            json.nextElement()
                            Self.event(events[index], into: &json)
                        }
                    }
                }
                json.key("path")
                if file.path.isValidUTF8 {
                    json.string(utf8: file.path.bytes)
                } else {
                    // Rare, and then the same calls the document makes, so the same U+FFFD and Base64.
                    json.string(file.path.description)
                    json.member("path_base64", Data(file.path.bytes).base64EncodedString())
                }
            }
        }
    }

    /// A little more than the files' part of the document takes, so a buffer is allocated once
    /// and rarely copied as it grows (pages it never writes cost nothing): about 700 bytes of
    /// layout an event, names and trailers of ordinary length, and each path twice.
    private static func estimatedSize(_ files: ArraySlice<FileHistory>) -> Int {
        var size = 0
        for file in files {
            size += 128 + 2 * file.path.bytes.count + 1024 * file.events.count
        }
        return size
    }

    private static func event(_ event: borrowing FileEvent, into json: inout JSONWriter) {
        let id = event.commit.id
        let time = event.commit.committer.time
        json.object { json in
            json.key("author")
            person(event.commit.author, into: &json)
            json.key("commit")
            json.plainString { id.appendHex(count: 2 * ObjectID.byteCount, to: &$0) }
            json.key("committer")
            person(event.commit.committer, into: &json)
            json.member("signed", event.commit.isSigned)
            json.member("status", event.status.rawValue)
            json.key("time")
            json.plainString { UTCTime.appendISO8601(time, to: &$0) }
            json.key("trailers")
            json.object(trailerValues(event.commit.trailers))
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

    private static func person(_ signature: borrowing Signature, into json: inout JSONWriter) {
        let offset = signature.offsetMinutes
        let time = signature.time
        json.object { json in
            json.member("email", signature.email)
            json.member("name", signature.name)
            json.key("offset")
            json.plainString { UTCTime.appendOffset(minutes: offset, to: &$0) }
            json.key("time")
            json.plainString { UTCTime.appendISO8601(time, to: &$0) }
        }
    }
}
