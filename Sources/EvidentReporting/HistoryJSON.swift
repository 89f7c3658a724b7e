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
        var json = JSONWriter(capacity: estimatedSize(history.files[...]) + 4096 + history.roots.count * 64)
        json.object { json in
            json.key("files")
            json.array { json in files(of: history, splittingAbove: threshold, into: &json) }
            json.member("head", history.head.description)
            json.member("ref", history.reference)
            json.member("roots", history.roots.map(\.description))
        }
        return json.finished()
    }

    /// Below this many bytes the files are written on one thread: a second would cost more to
    /// start than it saves.
    public static let parallelThreshold = 1 << 20

    /// The elements of `files`: in two halves written at once on two threads when the
    /// document is large, in one pass otherwise. Either way the same bytes.
    private static func files(of history: MainlineHistory, splittingAbove threshold: Int, into json: inout JSONWriter) {
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
        json.append(fragment: tail.writer!)
    }

    /// The second half's writer, handed from its thread to the caller after `wait()`.
    private final class Fragment: @unchecked Sendable {
        var writer: JSONWriter?
    }

    /// The elements of `files`, each event laid out once: a commit that changed many paths
    /// appears in the events of each of them, and later copies repeat the first one's bytes.
    private static func files(_ files: ArraySlice<FileHistory>, into json: inout JSONWriter) {
        let first = firstOccurrences(files)
        var ranges = [Range<Int>](repeating: 0..<0, count: first.count)
        var next = 0
        for file in files {
            json.nextElement()
            json.object { json in
                json.key("events")
                json.array { json in
                    for event in file.events {
                        defer { next += 1 }
                        // Every event sits at the same depth, so an earlier one's bytes fit as they are.
                        guard first[next] == next else {
                            json.element(repeating: ranges[first[next]])
                            continue
                        }
                        json.nextElement()
                        let start = json.bytes.count
                        Self.event(event, into: &json)
                        ranges[next] = start..<json.bytes.count
                    }
                }
                json.member("path", file.path.description)
                // Rare, and then the same call the document makes, so the same Base64.
                if !file.path.isValidUTF8 { json.member("path_base64", Data(file.path.bytes).base64EncodedString()) }
            }
        }
    }

    /// For each event of `files`, in document order, the position of the first event with the
    /// same bytes.
    private static func firstOccurrences(_ files: ArraySlice<FileHistory>) -> [Int] {
        struct Key: Hashable {
            var commit: ObjectID
            var status: ChangeStatus
        }
        var first: [Int] = []
        first.reserveCapacity(files.reduce(0) { $0 + $1.events.count })
        // Where each was seen, not the event itself, to keep the table small.
        var seen: [Key: (file: Int, event: Int, position: Int)] = [:]
        for (fileIndex, file) in zip(files.indices, files) {
            for (eventIndex, event) in file.events.enumerated() {
                let key = Key(commit: event.commit.id, status: event.status)
                // Copies of one commit share their storage, so this comparison is cheap; two
                // different commits under one id exist only in a history built by hand, and
                // each is shown as it is.
                if let earlier = seen[key], files[earlier.file].events[earlier.event].commit == event.commit {
                    first.append(earlier.position)
                } else {
                    seen[key] = (fileIndex, eventIndex, first.count)
                    first.append(first.count)
                }
            }
        }
        return first
    }

    /// A little more than the files' part of the document takes, so a buffer is allocated once
    /// and never copied as it grows: about 600 bytes of layout an event, and its strings.
    private static func estimatedSize(_ files: ArraySlice<FileHistory>) -> Int {
        var size = 0
        for file in files {
            size += 128 + 2 * file.path.bytes.count
            for event in file.events {
                let commit = event.commit
                size += 640 + 2 * (commit.author.name.utf8.count + commit.author.email.utf8.count + commit.committer.name.utf8.count + commit.committer.email.utf8.count)
                for trailer in commit.trailers { size += 48 + 2 * (trailer.key.utf8.count + trailer.value.utf8.count) }
            }
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
