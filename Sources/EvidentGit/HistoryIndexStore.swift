import EvidentBasics
import Foundation

/// The persisted history index: one file per (reference, roots) inside the git dir, holding the
/// `HistoryLog` up to an indexed tip so later runs only walk the commits that landed since.
///
/// The file ends in a checksum and carries a format version; anything that does not read back
/// exactly is reported as unreadable and rebuilt. Writes go to a temporary file renamed into
/// place, so a concurrent reader sees the old index or the new one, never a mixture.
struct HistoryIndexStore {
    enum LoadResult {
        case absent
        case unreadable
        case loaded(HistoryLog)
    }

    /// 2: commit dates are checked when read (`SignatureDate`); an index of version 1 may hold
    /// dates read before that, so it is rebuilt.
    static let formatVersion: UInt32 = 2
    private static let magic = Array("EVIDENT-HISTORY\n".utf8)

    let file: URL
    private let key: String

    init(gitDirectory: URL, reference: String, roots: [HistoryRoot]) {
        key = ([reference] + roots.map(\.description).sorted()).joined(separator: "\n")
        let name = String(FNV1a.hash(key.utf8), radix: 16)
        file = gitDirectory.appendingPathComponent("evident", isDirectory: true)
            .appendingPathComponent("history-\(name).idx")
    }

    func load() -> LoadResult {
        // A save this process started is read back, not raced.
        BackgroundWrites.waitForAll()
        guard let file = MappedFile(file.path) else {
            return FileManager.default.fileExists(atPath: self.file.path) ? .unreadable : .absent
        }
        // Read from the mapping itself: copying an index of many thousand commits first would
        // cost as much as decoding it.
        guard let log = try? decode(file.bytes) else { return .unreadable }
        return .loaded(log)
    }

    /// Saves the log on another thread, so that encoding and writing it overlap with rendering
    /// the history it holds. `BackgroundWrites.waitForAll()` waits for it; a process that exits
    /// without waiting keeps the old index, which the next run extends.
    func saveInBackground(_ log: HistoryLog) {
        BackgroundWrites.start { save(log) }
    }

    /// Saves the log; a read-only git dir or a failed write leaves the old index (or none).
    @discardableResult
    func save(_ log: HistoryLog) -> Bool {
        let folder = file.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(file.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            guard Self.write(encode(log), to: temporary.path), rename(temporary.path, file.path) == 0 else {
                try? FileManager.default.removeItem(at: temporary)
                return false
            }
            return true
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            return false
        }
    }

    /// Writes `bytes` to a new file at `path` from the array's own storage.
    private static func write(_ bytes: [UInt8], to path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        let complete = bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
        return close(descriptor) == 0 && complete
    }

    func encode(_ log: HistoryLog) -> [UInt8] {
        var writer = ByteWriter()
        writer.buffer.reserveCapacity(64 + log.paths.count * 48 + log.commits.count * 160 + log.changes.count * 9)
        writer.bytes(Self.magic)
        writer.uint32(Self.formatVersion)
        writer.string(key)
        writer.objectID(log.tip)
        writer.uint64(UInt64(log.commitCount))
        writer.uint32(UInt32(log.paths.count))
        for path in log.paths { writer.sized(path.bytes) }
        writer.uint32(UInt32(log.commits.count))
        for commit in log.commits {
            writer.objectID(commit.id)
            writer.signature(commit.author)
            writer.signature(commit.committer)
            writer.uint8(commit.isSigned ? 1 : 0)
            writer.uint32(UInt32(commit.trailers.count))
            for trailer in commit.trailers {
                writer.string(trailer.key)
                writer.string(trailer.value)
            }
        }
        writer.uint32(UInt32(log.changes.count))
        for change in log.changes {
            writer.uint32(UInt32(change.path))
            writer.uint32(UInt32(change.commit))
            writer.uint8(Array(change.status.rawValue.utf8)[0])
        }
        writer.uint64(FNV1a.hash(writer.buffer))
        return writer.buffer
    }

    func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws(ByteReader.Failure) -> HistoryLog {
        guard bytes.count >= 8 else { throw .truncated }
        let body = UnsafeBufferPointer(rebasing: bytes[..<(bytes.count - 8)])
        var trailer = ByteReader(UnsafeBufferPointer(rebasing: bytes[(bytes.count - 8)...]))
        guard try trailer.uint64() == FNV1a.hash(body) else { throw .invalid }
        var reader = ByteReader(body)
        guard try reader.bytes(Self.magic.count).elementsEqual(Self.magic), try reader.uint32() == Self.formatVersion,
              try reader.string() == key
        else { throw .invalid }
        let tip = try reader.objectID()
        // No mainline comes near this many commits, and a count beyond it could overflow as
        // the log is extended.
        guard let commitCount = Int(exactly: try reader.uint64()), commitCount <= UInt32.max else { throw .invalid }
        var log = HistoryLog(tip: tip, commitCount: commitCount)
        // Each path once: changes name a path by its position, so a repeated one is forged.
        for _ in 0..<(try reader.count()) {
            guard log.addNewPath(GitPath(bytes: Array(try reader.sized()))) else { throw .invalid }
        }
        for _ in 0..<(try reader.count()) {
            let id = try reader.objectID()
            let author = try reader.signature()
            let committer = try reader.signature()
            let isSigned = try reader.uint8() == 1
            var trailers: [Trailer] = []
            for _ in 0..<(try reader.count()) {
                trailers.append(Trailer(key: try reader.string(), value: try reader.string()))
            }
            log.commits.append(CommitInfo(id: id, author: author, committer: committer, trailers: trailers, isSigned: isSigned))
        }
        for _ in 0..<(try reader.count()) {
            let path = Int(try reader.uint32())
            let commit = Int(try reader.uint32())
            guard path < log.paths.count, commit < log.commits.count,
                  let status = ChangeStatus(rawValue: String(UnicodeScalar(try reader.uint8())))
            else { throw .invalid }
            log.changes.append(HistoryLog.Change(path: path, commit: commit, status: status))
        }
        guard reader.isAtEnd else { throw .invalid }
        return log
    }
}

struct ByteWriter {
    var buffer: [UInt8] = []

    mutating func bytes(_ value: some Collection<UInt8>) { buffer.append(contentsOf: value) }
    mutating func uint8(_ value: UInt8) { buffer.append(value) }
    mutating func uint32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) } }
    mutating func uint64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) } }
    mutating func objectID(_ id: ObjectID) {
        withUnsafeBytes(of: id) { buffer.append(contentsOf: $0[..<ObjectID.byteCount]) }
    }
    mutating func sized(_ value: [UInt8]) {
        uint32(UInt32(value.count))
        bytes(value)
    }
    mutating func string(_ value: String) {
        uint32(UInt32(value.utf8.count))
        buffer.append(contentsOf: value.utf8)
    }
    mutating func signature(_ value: Signature) {
        string(value.name)
        string(value.email)
        uint64(UInt64(bitPattern: value.time))
        uint32(UInt32(bitPattern: value.offsetMinutes))
    }
}

/// Reads the index's fields from bytes that stay valid (mapped) while it reads.
struct ByteReader {
    enum Failure: Error { case truncated, invalid }

    private let data: UnsafeBufferPointer<UInt8>
    private var position = 0

    init(_ data: UnsafeBufferPointer<UInt8>) {
        self.data = data
    }

    var isAtEnd: Bool { position == data.count }

    mutating func bytes(_ count: Int) throws(Failure) -> UnsafeBufferPointer<UInt8> {
        guard count >= 0, data.count - position >= count else { throw .truncated }
        defer { position += count }
        return UnsafeBufferPointer(rebasing: data[position..<(position + count)])
    }

    mutating func uint8() throws(Failure) -> UInt8 { try bytes(1)[0] }

    mutating func uint32() throws(Failure) -> UInt32 {
        UInt32(littleEndian: UnsafeRawBufferPointer(try bytes(4)).loadUnaligned(as: UInt32.self))
    }

    mutating func uint64() throws(Failure) -> UInt64 {
        UInt64(littleEndian: UnsafeRawBufferPointer(try bytes(8)).loadUnaligned(as: UInt64.self))
    }

    /// An element count, checked against what is left so a damaged count cannot allocate wildly.
    mutating func count() throws(Failure) -> Int {
        let value = Int(try uint32())
        guard value <= data.count - position else { throw .invalid }
        return value
    }

    mutating func sized() throws(Failure) -> UnsafeBufferPointer<UInt8> { try bytes(Int(try uint32())) }

    /// Strings were written as UTF-8 and the file's checksum held; `String(decoding:)` still
    /// repairs anything that is not, so a damaged file cannot make an invalid `String`.
    mutating func string() throws(Failure) -> String {
        String(decoding: try sized(), as: UTF8.self)
    }

    mutating func objectID() throws(Failure) -> ObjectID {
        ObjectID(rawBytes: UnsafeRawPointer(try bytes(ObjectID.byteCount).baseAddress!))
    }

    /// A signature whose date is one a commit could have given (else the index is not trusted).
    mutating func signature() throws(Failure) -> Signature {
        let signature = Signature(
            name: try string(), email: try string(),
            time: Int64(bitPattern: try uint64()), offsetMinutes: Int32(bitPattern: try uint32())
        )
        guard Signature.supportedTimes.contains(signature.time), Signature.supportedOffsets.contains(signature.offsetMinutes) else { throw .invalid }
        return signature
    }
}
