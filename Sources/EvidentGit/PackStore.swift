import CZlib
import Foundation

/// A file mapped read-only into memory for the object's lifetime.
final class MappedFile: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>

    private static let registryLock = NSLock()
    nonisolated(unsafe) private static var registry: [String: MappedFile] = [:]

    /// One mapping per file for the whole process: threads reading the same pack share its
    /// pages instead of each mapping (and holding resident) a copy.
    static func shared(_ path: String) -> MappedFile? {
        registryLock.lock()
        defer { registryLock.unlock() }
        if let existing = registry[path] { return existing }
        let file = MappedFile(path)
        registry[path] = file
        return file
    }

    /// Nil unless `path` is a regular file with something in it. Opened without blocking, so a
    /// FIFO left where a file belongs is refused instead of waiting for a writer for ever.
    init?(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size > 0,
              let address = mmap(nil, Int(status.st_size), PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED
        else { return nil }
        bytes = UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: Int(status.st_size))
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
    }

    /// A big-endian 32-bit integer at `offset`.
    func uint32(_ offset: Int) -> UInt32 {
        UInt32(bigEndian: UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt32.self))
    }

    /// Whether the 256-bucket fan-out table at `offset` (of a pack index or a commit-graph)
    /// never falls. Its last bucket is the id count, which the caller checks against the file;
    /// a bucket that claimed more would send a lookup past the ids.
    func fanOutRises(at offset: Int) -> Bool {
        var previous: UInt32 = 0
        for bucket in 0..<256 {
            let value = uint32(offset + bucket * 4)
            guard value >= previous else { return false }
            previous = value
        }
        return true
    }

    /// A big-endian 64-bit integer at `offset`.
    func uint64(_ offset: Int) -> UInt64 {
        UInt64(bigEndian: UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self))
    }
}

/// Reads objects straight from the repository's pack files, for the history walk's hot path.
///
/// libgit2 reads every object of a walk through its general object database and serialises
/// reads of a pack across threads; on a 100,000-commit walk that alone is slower than `git log`.
/// Reading the pack index and pack data here (the format is stable and documented in git's
/// `gitformat-pack`) makes a commit read inflate only the few bytes of its header lines.
/// Anything this store cannot answer — a loose object, a base in another pack, an unusual
/// pack — returns nil, and the caller falls back to libgit2.
final class PackStore {
    enum Kind: UInt8 {
        case commit = 1, tree = 2, blob = 3, tag = 4
        case offsetDelta = 6, referenceDelta = 7
    }

    private struct Pack {
        let index: MappedFile
        let pack: MappedFile
        let count: Int
        let namesOffset = 8 + 256 * 4
        var offsetsOffset: Int { namesOffset + count * 24 }
        var largeOffsetsOffset: Int { offsetsOffset + count * 4 }
    }

    private let packs: [Pack]
    /// Inflated delta bases by (pack, offset), in two generations of at most `baseCacheLimit`
    /// bytes each: when the newer fills up, the older is dropped, so the bases a walk keeps
    /// using survive (a base found in the older generation moves to the newer).
    private var baseCache: [Int: (kind: Kind, bytes: [UInt8])] = [:]
    private var olderBaseCache: [Int: (kind: Kind, bytes: [UInt8])] = [:]
    private var baseCacheBytes = 0
    private static let baseCacheLimit = 4 * 1024 * 1024
    private var stream = z_stream()

    init(objectsDirectory: URL) {
        let folder = objectsDirectory.appendingPathComponent("pack", isDirectory: true)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var packs: [Pack] = []
        for name in names.sorted() where name.hasSuffix(".idx") {
            let base = folder.appendingPathComponent(String(name.dropLast(4)))
            guard let index = MappedFile.shared(base.appendingPathExtension("idx").path),
                  let pack = MappedFile.shared(base.appendingPathExtension("pack").path),
                  index.bytes.count >= 8 + 256 * 4 + 40, pack.bytes.count >= 32,
                  index.bytes.prefix(8).elementsEqual([0xff, 0x74, 0x4f, 0x63, 0, 0, 0, 2]),
                  pack.bytes.prefix(4).elementsEqual(Array("PACK".utf8))
            else { continue }
            let count = Int(index.uint32(8 + 255 * 4))
            guard index.bytes.count >= 8 + 256 * 4 + count * 28 + 40, index.fanOutRises(at: 8) else { continue }
            packs.append(Pack(index: index, pack: pack, count: count))
        }
        self.packs = packs
        _ = evident_inflate_init(&stream)
    }

    deinit {
        inflateEnd(&stream)
    }

    var isEmpty: Bool { packs.isEmpty }

    /// zlib's documented bound: deflate never expands its input more than 1032 times.
    private static let maximumInflation = 1032

    /// The object's type and content, or nil when it is not in these packs.
    /// `prefix` limits how many bytes of a non-delta object are inflated.
    func read(_ id: ObjectID, prefix: Int? = nil) throws(RepositoryError) -> (kind: Kind, bytes: [UInt8])? {
        for (number, pack) in packs.enumerated() {
            guard let offset = find(id, in: pack) else { continue }
            return try read(packNumber: number, offset: offset, id: id, prefix: prefix)
        }
        return nil
    }

    /// The pack offset of `id`. Object ids are uniformly distributed, so the search guesses
    /// where in its fan-out bucket the id lies (as git does) instead of bisecting: two or three
    /// probes of the index instead of eighteen cache misses.
    private func find(_ id: ObjectID, in pack: Pack) -> Int? {
        withUnsafeBytes(of: id) { find(UnsafeRawBufferPointer(rebasing: $0[..<ObjectID.byteCount]), in: pack) }
    }

    private func find(_ key: UnsafeRawBufferPointer, in pack: Pack) -> Int? {
        let index = pack.index
        var low = key[0] == 0 ? 0 : Int(index.uint32(8 + (Int(key[0]) - 1) * 4))
        var high = Int(index.uint32(8 + Int(key[0]) * 4))
        let names = index.bytes.baseAddress! + pack.namesOffset
        func leading(_ position: Int) -> UInt64 {
            UInt64(bigEndian: UnsafeRawPointer(names + position * 20).loadUnaligned(as: UInt64.self))
        }
        let target = UInt64(bigEndian: key.loadUnaligned(as: UInt64.self))
        var lowValue: UInt64 = UInt64(key[0]) << 56
        var highValue: UInt64 = lowValue | 0x00ff_ffff_ffff_ffff
        while low < high {
            var middle = (low + high) / 2
            if highValue > lowValue, target >= lowValue, target <= highValue {
                let fraction = Double(target - lowValue) / Double(highValue - lowValue)
                middle = min(high - 1, max(low, low + Int(fraction * Double(high - low))))
            }
            let order = memcmp(names + middle * 20, key.baseAddress!, 20)
            if order == 0 {
                let small = index.uint32(pack.offsetsOffset + middle * 4)
                if small & 0x8000_0000 == 0 { return Int(small) }
                let large = pack.largeOffsetsOffset + Int(small & 0x7fff_ffff) * 8
                guard large + 8 <= index.bytes.count else { return nil }
                return Int(index.uint32(large)) << 32 | Int(index.uint32(large + 4))
            }
            if order < 0 {
                low = middle + 1
                lowValue = leading(middle)
            } else {
                high = middle
                highValue = leading(middle)
            }
        }
        return nil
    }

    /// The object whose entry is at `offset`. A delta chain is followed down to its base in a
    /// loop, then applied back up, rather than by recursion: however long a chain a pack holds,
    /// it cannot exhaust a thread's stack.
    private func read(packNumber: Int, offset: Int, id: ObjectID, prefix: Int?) throws(RepositoryError) -> (kind: Kind, bytes: [UInt8])? {
        let bytes = packs[packNumber].pack.bytes
        // The offset deltas met on the way down, the requested entry's first: where each entry
        // starts, where its delta data starts, and the delta's size.
        var deltas: [(entry: Int, data: Int, size: Int)] = []
        var entry = offset
        var object: (kind: Kind, bytes: [UInt8])
        chain: while true {
            if let cached = cachedBase(at: packNumber << 48 | entry) {
                object = cached
                break chain
            }
            var position = entry
            // A 64-bit offset with its top bit set reads as negative.
            guard 0 <= position, position < bytes.count else { throw .corruptObject(id, detail: "its pack offset lies outside the pack") }
            var byte = bytes[position]
            position += 1
            guard let kind = Kind(rawValue: (byte >> 4) & 7) else { throw .corruptObject(id, detail: "unknown object type in pack") }
            var size = Int(byte & 0x0f)
            var shift = 4
            while byte & 0x80 != 0 {
                guard position < bytes.count, shift < 57 else { throw .corruptObject(id, detail: "malformed pack entry header") }
                byte = bytes[position]
                position += 1
                size |= Int(byte & 0x7f) << shift
                shift += 7
            }
            switch kind {
            case .commit, .tree, .blob, .tag:
                // Only the requested object itself may be read in part, never a delta's base.
                let wanted = deltas.isEmpty ? prefix.map { min($0, size) } ?? size : size
                guard let data = try inflate(bytes, from: position, count: wanted, id: id, complete: wanted == size) else { return nil }
                object = (kind, data)
                break chain
            case .offsetDelta:
                guard position < bytes.count else { throw .corruptObject(id, detail: "truncated delta") }
                byte = bytes[position]
                position += 1
                var distance = Int(byte & 0x7f)
                while byte & 0x80 != 0 {
                    // Each byte more makes the distance larger: once past the entry's own offset it
                    // cannot point inside the pack (and must not grow until it overflows).
                    guard position < bytes.count, distance < entry else { throw .corruptObject(id, detail: "delta base offset lies outside the pack") }
                    byte = bytes[position]
                    position += 1
                    distance = ((distance + 1) << 7) | Int(byte & 0x7f)
                }
                guard distance > 0, distance <= entry else { throw .corruptObject(id, detail: "delta base offset lies outside the pack") }
                deltas.append((entry, position, size))
                entry -= distance
            case .referenceDelta:
                // A base named by id may live in another pack or loose: leave it to libgit2.
                return nil
            }
        }
        for delta in deltas.reversed() {
            remember(object, at: packNumber << 48 | entry)
            guard let data = try inflate(bytes, from: delta.data, count: delta.size, id: id, complete: true) else { return nil }
            object = (object.kind, try Self.apply(data, to: object.bytes, id: id))
            entry = delta.entry
        }
        return object
    }

    /// A base kept from an earlier read; one found in the older generation moves to the newer.
    private func cachedBase(at key: Int) -> (kind: Kind, bytes: [UInt8])? {
        if let cached = baseCache[key] { return cached }
        guard let cached = olderBaseCache[key] else { return nil }
        remember(cached, at: key)
        return cached
    }

    private func remember(_ object: (kind: Kind, bytes: [UInt8]), at key: Int) {
        guard baseCache[key] == nil, object.bytes.count < Self.baseCacheLimit / 8 else { return }
        if baseCacheBytes + object.bytes.count > Self.baseCacheLimit {
            swap(&olderBaseCache, &baseCache)
            baseCache.removeAll(keepingCapacity: true)
            baseCacheBytes = 0
        }
        baseCache[key] = object
        baseCacheBytes += object.bytes.count
    }

    /// Inflates `count` bytes of the zlib stream at `position`; with `complete`, the stream must
    /// hold exactly that many. Nil for a count too large to inflate here.
    private func inflate(_ bytes: UnsafeBufferPointer<UInt8>, from position: Int, count: Int, id: ObjectID, complete: Bool) throws(RepositoryError) -> [UInt8]? {
        // A count the rest of the pack could never inflate to is a lie, refused before anything is
        // allocated; a real object too large for one zlib call (4 GiB) is left to libgit2.
        guard count <= (bytes.count - position) * Self.maximumInflation else {
            throw .corruptObject(id, detail: "its packed data does not inflate to the recorded size")
        }
        guard count <= Int(UInt32.max) else { return nil }
        guard inflateReset(&stream) == Z_OK else { throw .corruptObject(id, detail: "zlib could not start") }
        if count == 0 && !complete { return [] }
        var status: Int32 = Z_OK
        // Not zero-filled first: only the bytes zlib wrote count as initialized, and a stream that
        // falls short of `count` throws below (so a size that lies touches no pages it claims).
        let output = [UInt8](unsafeUninitializedCapacity: count) { target, initialized in
            defer { initialized = count - Int(stream.avail_out) }
            stream.next_in = UnsafeMutablePointer(mutating: bytes.baseAddress! + position)
            stream.avail_in = UInt32(min(bytes.count - position, Int(UInt32.max)))
            // A zero-length target still needs a valid pointer for zlib to report the stream end.
            var scratch: UInt8 = 0
            if count == 0 {
                stream.next_out = withUnsafeMutablePointer(to: &scratch) { $0 }
                stream.avail_out = 0
            } else {
                stream.next_out = target.baseAddress
                stream.avail_out = UInt32(count)
            }
            status = CZlib.inflate(&stream, complete ? Z_FINISH : Z_SYNC_FLUSH)
        }
        let produced = count - Int(stream.avail_out)
        if complete {
            guard status == Z_STREAM_END, produced == count else {
                throw .corruptObject(id, detail: "its packed data does not inflate to the recorded size")
            }
        } else {
            guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR, produced == count else {
                throw .corruptObject(id, detail: "its packed data cannot be inflated")
            }
        }
        return output
    }

    /// Applies a git delta (copy and insert instructions) to its base.
    static func apply(_ delta: [UInt8], to base: [UInt8], id: ObjectID) throws(RepositoryError) -> [UInt8] {
        var position = 0
        func varint() throws(RepositoryError) -> Int {
            var value = 0
            var shift = 0
            while true {
                guard position < delta.count, shift < 57 else { throw .corruptObject(id, detail: "truncated delta header") }
                let byte = delta[position]
                position += 1
                value |= Int(byte & 0x7f) << shift
                shift += 7
                if byte & 0x80 == 0 { return value }
            }
        }
        guard try varint() == base.count else { throw .corruptObject(id, detail: "delta does not fit its base") }
        let size = try varint()
        var output = [UInt8]()
        // Usually the base with some of its bytes replaced by the delta's own: reserving no more
        // than that keeps a damaged size from allocating wildly (it is checked at the end).
        output.reserveCapacity(min(size, base.count + delta.count))
        while position < delta.count {
            let op = delta[position]
            position += 1
            if op & 0x80 != 0 {
                var copyOffset = 0
                var copySize = 0
                for bit in 0..<4 where op & (1 << bit) != 0 {
                    guard position < delta.count else { throw .corruptObject(id, detail: "truncated delta") }
                    copyOffset |= Int(delta[position]) << (8 * bit)
                    position += 1
                }
                for bit in 0..<3 where op & (0x10 << bit) != 0 {
                    guard position < delta.count else { throw .corruptObject(id, detail: "truncated delta") }
                    copySize |= Int(delta[position]) << (8 * bit)
                    position += 1
                }
                if copySize == 0 { copySize = 0x10000 }
                guard copyOffset + copySize <= base.count else { throw .corruptObject(id, detail: "delta copies past its base") }
                output.append(contentsOf: base[copyOffset..<(copyOffset + copySize)])
            } else if op != 0 {
                let length = Int(op)
                guard position + length <= delta.count else { throw .corruptObject(id, detail: "truncated delta") }
                output.append(contentsOf: delta[position..<(position + length)])
                position += length
            } else {
                throw .corruptObject(id, detail: "delta has a reserved instruction")
            }
        }
        guard output.count == size else { throw .corruptObject(id, detail: "delta result has the wrong size") }
        return output
    }
}
