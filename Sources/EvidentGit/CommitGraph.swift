import Foundation

/// git's commit-graph file (`objects/info/commit-graph`), read directly: each commit's root
/// tree and parents without inflating commit objects, and, when written with
/// `--changed-paths`, a Bloom filter per commit of the paths it changed against its first
/// parent. libgit2 does not expose the Bloom filters; they are what lets `git log -- path`
/// skip most commits, so Evident reads them too.
///
/// Only a single, non-split graph is used; a split chain, another hash or anything malformed
/// is ignored and the objects are read instead.
struct CommitGraph: Sendable {
    struct Commit {
        var tree: ObjectID
        /// Graph position of the first parent, nil for a root commit.
        var firstParent: Int?
    }

    /// The mapped file; every offset read below was checked against its size when opened.
    private let file: MappedFile
    /// How many commits the graph holds: no first-parent chain inside it is longer.
    let count: Int
    private let fanoutOffset: Int
    private let lookupOffset: Int
    private let commitDataOffset: Int
    private let bloom: BloomFilters?

    private static let parentNone: UInt32 = 0x7000_0000
    private static let commitDataWidth = 36

    init?(objectsDirectory: URL) {
        guard let file = MappedFile(objectsDirectory.appendingPathComponent("info/commit-graph").path) else { return nil }
        self.init(file: file)
    }

    private init?(file: MappedFile) {
        self.file = file
        let data = file.bytes
        // Header: "CGPH", version 1, hash version 1 (SHA-1), chunk count, base graph count.
        guard data.count >= 8, data.prefix(4).elementsEqual(Array("CGPH".utf8)), data[4] == 1, data[5] == 1, data[7] == 0 else { return nil }
        let chunkCount = Int(data[6])
        var chunks: [String: Range<Int>] = [:]
        guard data.count >= 8 + (chunkCount + 1) * 12 else { return nil }
        for index in 0..<chunkCount {
            let entry = 8 + index * 12
            let id = String(decoding: data[entry..<(entry + 4)], as: UTF8.self)
            let start = Int(truncatingIfNeeded: file.uint64(entry + 4))
            let end = Int(truncatingIfNeeded: file.uint64(entry + 16))
            guard 0 <= start, start <= end, end <= data.count - 20 else { return nil }
            chunks[id] = start..<end
        }
        guard let fanout = chunks["OIDF"], fanout.count == 256 * 4, let lookup = chunks["OIDL"],
              let commitData = chunks["CDAT"]
        else { return nil }
        count = Int(file.uint32(fanout.lowerBound + 255 * 4))
        guard lookup.count == count * ObjectID.byteCount, commitData.count == count * Self.commitDataWidth else { return nil }
        fanoutOffset = fanout.lowerBound
        lookupOffset = lookup.lowerBound
        commitDataOffset = commitData.lowerBound
        guard file.fanOutRises(at: fanoutOffset) else { return nil }
        if let index = chunks["BIDX"], let filters = chunks["BDAT"], index.count == count * 4, filters.count >= 12 {
            bloom = BloomFilters(file: file, indexOffset: index.lowerBound, dataRange: filters, count: count)
        } else {
            bloom = nil
        }
    }

    var hasBloomFilters: Bool { bloom != nil }

    /// The graph position of `id`, found by binary search within its fan-out bucket.
    func position(of id: ObjectID) -> Int? {
        withUnsafeBytes(of: id) { key -> Int? in
            let first = Int(key[0])
            var low = first == 0 ? 0 : Int(file.uint32(fanoutOffset + (first - 1) * 4))
            var high = Int(file.uint32(fanoutOffset + first * 4))
            let base = file.bytes.baseAddress! + lookupOffset
            while low < high {
                let middle = (low + high) / 2
                let order = memcmp(base + middle * ObjectID.byteCount, key.baseAddress!, ObjectID.byteCount)
                if order == 0 { return middle }
                if order < 0 { low = middle + 1 } else { high = middle }
            }
            return nil
        }
    }

    func id(at position: Int) -> ObjectID {
        ObjectID(rawBytes: file.bytes.baseAddress! + lookupOffset + position * ObjectID.byteCount)
    }

    func commit(at position: Int) -> Commit? {
        let offset = commitDataOffset + position * Self.commitDataWidth
        let tree = ObjectID(rawBytes: file.bytes.baseAddress! + offset)
        let parent = file.uint32(offset + 20)
        if parent == Self.parentNone { return Commit(tree: tree, firstParent: nil) }
        guard Int(parent) < count else { return nil }
        return Commit(tree: tree, firstParent: Int(parent))
    }

    /// False only when the commit's Bloom filter proves that none of `keys` changed in it.
    func mayHaveChanged(at position: Int, _ keys: [BloomFilters.Key]) -> Bool {
        guard let bloom else { return true }
        for key in keys where bloom.mayContain(key, at: position) { return true }
        return false
    }

    func bloomKeys(for roots: [HistoryRoot]) -> [BloomFilters.Key]? {
        guard let bloom else { return nil }
        var keys: [BloomFilters.Key] = []
        for root in roots {
            // The whole repository, or a name whose hash differs between Bloom versions: no help.
            guard !root.components.isEmpty, let key = bloom.key(for: Array(root.path.utf8)) else { return nil }
            keys.append(key)
        }
        return keys
    }
}

/// The changed-path Bloom filters of a commit-graph (chunks BIDX and BDAT).
struct BloomFilters: Sendable {
    struct Key: Sendable {
        var hashes: [UInt32]
    }

    private let file: MappedFile
    private let indexOffset: Int
    private let filtersOffset: Int
    private let filtersEnd: Int
    private let version: UInt32
    private let hashCount: Int

    init?(file: MappedFile, indexOffset: Int, dataRange: Range<Int>, count: Int) {
        self.file = file
        self.indexOffset = indexOffset
        version = file.uint32(dataRange.lowerBound)
        hashCount = Int(file.uint32(dataRange.lowerBound + 4))
        filtersOffset = dataRange.lowerBound + 12
        filtersEnd = dataRange.upperBound
        guard version == 1 || version == 2, (1...32).contains(hashCount) else { return nil }
    }

    /// The key of a path. Version 1 filters hash bytes above 0x7f as signed chars, a git bug
    /// fixed in version 2; rather than reproduce it, such paths are not looked up (nil).
    func key(for path: [UInt8]) -> Key? {
        if version == 1 && path.contains(where: { $0 >= 0x80 }) { return nil }
        let first = Murmur3.hash(path, seed: 0x293a_e76f)
        let second = Murmur3.hash(path, seed: 0x7e64_6e2c)
        return Key(hashes: (0..<hashCount).map { first &+ UInt32($0) &* second })
    }

    func mayContain(_ key: Key, at position: Int) -> Bool {
        let end = Int(file.uint32(indexOffset + position * 4))
        let start = position == 0 ? 0 : Int(file.uint32(indexOffset + (position - 1) * 4))
        guard start < end, filtersOffset + end <= filtersEnd else { return true }
        let bits = UInt64(end - start) * 8
        let filter = file.bytes.baseAddress! + filtersOffset + start
        for hash in key.hashes {
            let bit = UInt64(hash) % bits
            if filter[Int(bit / 8)] & (1 << (bit & 7)) == 0 { return false }
        }
        return true
    }
}

/// MurmurHash3 (x86, 32-bit), the hash git's changed-path filters use.
enum Murmur3 {
    static func hash(_ bytes: [UInt8], seed: UInt32) -> UInt32 {
        let c1: UInt32 = 0xcc9e_2d51
        let c2: UInt32 = 0x1b87_3593
        var h = seed
        let blocks = bytes.count / 4
        for block in 0..<blocks {
            var k = UInt32(bytes[4 * block]) | UInt32(bytes[4 * block + 1]) << 8
                | UInt32(bytes[4 * block + 2]) << 16 | UInt32(bytes[4 * block + 3]) << 24
            k = (k &* c1).rotatedLeft(15) &* c2
            h ^= k
            h = h.rotatedLeft(13) &* 5 &+ 0xe654_6b64
        }
        var k: UInt32 = 0
        let tail = blocks * 4
        switch bytes.count & 3 {
        case 3:
            k ^= UInt32(bytes[tail + 2]) << 16
            fallthrough
        case 2:
            k ^= UInt32(bytes[tail + 1]) << 8
            fallthrough
        case 1:
            k ^= UInt32(bytes[tail])
            h ^= (k &* c1).rotatedLeft(15) &* c2
        default:
            break
        }
        h ^= UInt32(truncatingIfNeeded: bytes.count)
        h ^= h >> 16
        h = h &* 0x85eb_ca6b
        h ^= h >> 13
        h = h &* 0xc2b2_ae35
        h ^= h >> 16
        return h
    }
}

extension UInt32 {
    func rotatedLeft(_ count: UInt32) -> UInt32 {
        self << count | self >> (32 - count)
    }
}
