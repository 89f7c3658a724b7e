@testable import EvidentGit
import Foundation
import GitFixtures
import Testing

/// Evident reads pack files itself on the history walk's hot path, so a damaged or hand-made
/// pack must end in a `RepositoryError` (or be left to libgit2), never in a read outside the
/// files, an allocation as large as a header claims, or a crash.
@Suite struct DamagedPackTests {
    /// A repository of one commit whose root tree Evident will read, and the tree's raw bytes.
    private struct Subject {
        var repository: FixtureRepository
        var tree: ObjectID
        var treeBytes: [UInt8]
        var objects: URL { repository.url.appendingPathComponent(".git/objects") }
    }

    private func subject(_ folder: TemporaryDirectory) throws -> Subject {
        var repository = try FixtureRepository(in: folder.url)
        try repository.commit(["controls/AC-01.md": "one"])
        try repository.commit(["controls/AC-01.md": "two"])
        let tree = try #require(ObjectID(hex: try Git.text(["rev-parse", "HEAD^{tree}"], in: repository.url)))
        let bytes = [UInt8](try Git.run(["cat-file", "tree", tree.description], in: repository.url))
        return Subject(repository: repository, tree: tree, treeBytes: bytes)
    }

    private func readHistory(_ subject: Subject) throws(RepositoryError) -> MainlineHistory {
        let repository = try Repository(discoveringFrom: subject.repository.url.path)
        return try HistoryReader(repository: repository, useIndex: false).read(revision: "HEAD", roots: [try! HistoryRoot("controls")]).history
    }

    /// The `.idx` git wrote for the repository, after `git repack -ad`.
    private func repackedIndex(_ subject: Subject) throws -> URL {
        try Git.run(["repack", "-adq"], in: subject.repository.url)
        let folder = subject.objects.appendingPathComponent("pack")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".idx") })
        return folder.appendingPathComponent(name)
    }

    /// Reading the history fails on the subject's tree with Evident's own message `detail`,
    /// so the check under test (not some other refusal) is what stopped it.
    private func expectCorrupt(_ subject: Subject, saying detail: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(sourceLocation: sourceLocation) {
            _ = try readHistory(subject)
        } throws: { error in
            guard case .corruptObject(subject.tree, let message)? = error as? RepositoryError else { return false }
            return message.contains(detail)
        }
    }

    private func rewrite(_ file: URL, _ change: (inout [UInt8]) throws -> Void) throws {
        var bytes = [UInt8](try Data(contentsOf: file))
        try change(&bytes)
        try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        try FileManager.default.removeItem(at: file)
        try Data(bytes).write(to: file)
    }

    /// A fan-out bucket that claims more ids than the index holds would send the search for an
    /// id of that bucket far past the names table: such a pack is not read by Evident at all.
    @Test func indexWhoseFanOutFallsIsNotRead() throws {
        let folder = try TemporaryDirectory()
        let subject = try subject(folder)
        let index = try repackedIndex(subject)
        let bucket = Int(subject.tree.bytes[0])
        try #require(bucket < 255, "the last bucket holds the count, which the size check covers")
        try rewrite(index) { bytes in
            bytes.replaceSubrange((8 + bucket * 4)..<(8 + bucket * 4 + 4), with: [0x00, 0xff, 0xff, 0xff])
        }
        #expect(PackStore(objectsDirectory: subject.objects).isEmpty)
        // libgit2 refuses the index too; what matters is an error, not a read outside the file.
        _ = try? readHistory(subject)
    }

    /// A 64-bit offset whose top bit is set reads as a negative offset, which must not be
    /// taken as a position in the pack.
    @Test func largeOffsetOutsideThePackIsAnError() throws {
        let folder = try TemporaryDirectory()
        let subject = try subject(folder)
        let index = try repackedIndex(subject)
        try rewrite(index) { bytes in
            let count = Int(UInt32(bigEndian: bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 8 + 255 * 4, as: UInt32.self) }))
            let names = 8 + 256 * 4
            let position = try #require((0..<count).first { Array(bytes[(names + $0 * 20)..<(names + $0 * 20 + 20)]) == subject.tree.bytes })
            let offsets = names + count * 24
            // The tree's offset points at entry 0 of a 64-bit table inserted after the offsets.
            bytes.replaceSubrange((offsets + position * 4)..<(offsets + position * 4 + 4), with: [0x80, 0, 0, 0])
            bytes.insert(contentsOf: repeatElement(0xff, count: 8), at: offsets + count * 4)
        }
        #expect {
            _ = try readHistory(subject)
        } throws: { error in
            (error as? RepositoryError).map { if case .corruptObject(subject.tree, _) = $0 { true } else { false } } ?? false
        }
    }

    /// A tree whose entry header claims a terabyte: refused before anything is allocated.
    @Test func entrySizeBeyondItsDataIsAnError() throws {
        let folder = try TemporaryDirectory()
        let subject = try subject(folder)
        var pack = HandmadePack()
        pack.add(HandmadePack.header(kind: 2, size: 1 << 40) + HandmadePack.zlibStored(subject.treeBytes), as: subject.tree)
        try pack.write(into: subject.objects)
        expectCorrupt(subject, saying: "does not inflate to the recorded size")
    }

    /// A delta whose result claims an enormous size: an error, not an allocation of that size.
    @Test func deltaResultSizeBeyondReasonIsAnError() throws {
        let folder = try TemporaryDirectory()
        let subject = try subject(folder)
        var pack = HandmadePack()
        let base = pack.add(HandmadePack.header(kind: 2, size: subject.treeBytes.count) + HandmadePack.zlibStored(subject.treeBytes))
        let delta = HandmadePack.varint(subject.treeBytes.count) + HandmadePack.varint(1 << 50) + HandmadePack.copyAll(subject.treeBytes.count)
        pack.addOffsetDelta(delta, base: base, as: subject.tree)
        try pack.write(into: subject.objects)
        expectCorrupt(subject, saying: "delta result has the wrong size")
    }

    /// A chain of a hundred thousand deltas (git itself never writes one deeper than 4095)
    /// must not exhaust the stack: it is read, by Evident or by libgit2, and gives git's answer.
    @Test func deepDeltaChainIsRead() throws {
        let folder = try TemporaryDirectory()
        let subject = try subject(folder)
        var pack = HandmadePack()
        var previous = pack.add(HandmadePack.header(kind: 2, size: subject.treeBytes.count) + HandmadePack.zlibStored(subject.treeBytes))
        let delta = HandmadePack.varint(subject.treeBytes.count) + HandmadePack.varint(subject.treeBytes.count) + HandmadePack.copyAll(subject.treeBytes.count)
        for _ in 0..<100_000 { previous = pack.addOffsetDelta(delta, base: previous) }
        pack.name(previous, as: subject.tree)
        try pack.write(into: subject.objects)
        // Evident's own reader follows the whole chain (not libgit2 after it gave up).
        #expect(try PackStore(objectsDirectory: subject.objects).read(subject.tree)?.bytes == subject.treeBytes)
        let history = try readHistory(subject)
        let reference = try GitLogReference.read(repository: subject.repository.url, revision: "HEAD", roots: ["controls"])
        #expect(history.files.map(\.path.bytes) == Array(reference.events.keys))
        #expect(history.files.first?.events.map(\.commit.id.description) == reference.events.values.first?.map(\.commit.id))
    }
}

/// A pack and its version-2 index written byte by byte, so a test controls every header,
/// offset and size in them. Checksums are left zero: Evident's pack reader does not check them.
struct HandmadePack {
    private var entries: [UInt8] = []
    private var names: [(id: ObjectID, offset: Int)] = []

    /// Appends an entry (its header and data), named `id` in the index if given; returns its offset.
    @discardableResult
    mutating func add(_ entry: [UInt8], as id: ObjectID? = nil) -> Int {
        let offset = 12 + entries.count
        entries += entry
        if let id { name(offset, as: id) }
        return offset
    }

    /// Appends an offset delta on the entry at `base`; returns its offset.
    @discardableResult
    mutating func addOffsetDelta(_ delta: [UInt8], base: Int, as id: ObjectID? = nil) -> Int {
        let offset = 12 + entries.count
        return add(Self.header(kind: 6, size: delta.count) + Self.offsetDistance(offset - base) + Self.zlibStored(delta), as: id)
    }

    mutating func name(_ offset: Int, as id: ObjectID) {
        names.append((id, offset))
    }

    func write(into objects: URL) throws {
        let folder = objects.appendingPathComponent("pack")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Sorted first, so the pack store looks here before any pack git wrote.
        let base = folder.appendingPathComponent("pack-0000000000000000000000000000000000000000")
        let checksum = [UInt8](repeating: 0, count: 20)
        var pack = Array("PACK".utf8) + Self.bigEndian(2) + Self.bigEndian(UInt32(names.count))
        pack += entries + checksum
        try Data(pack).write(to: base.appendingPathExtension("pack"))

        let sorted = names.sorted { $0.id.bytes.lexicographicallyPrecedes($1.id.bytes) }
        var index: [UInt8] = [0xff, 0x74, 0x4f, 0x63] + Self.bigEndian(2)
        for bucket in 0..<256 {
            index += Self.bigEndian(UInt32(sorted.filter { Int($0.id.bytes[0]) <= bucket }.count))
        }
        for name in sorted { index += name.id.bytes }
        for _ in sorted { index += [0, 0, 0, 0] }
        for name in sorted { index += Self.bigEndian(UInt32(name.offset)) }
        index += checksum + checksum
        try Data(index).write(to: base.appendingPathExtension("idx"))
    }

    /// An entry header: the kind, then the size in 4 and then 7 bits a byte.
    static func header(kind: UInt8, size: Int) -> [UInt8] {
        var size = size
        var bytes = [kind << 4 | UInt8(size & 0x0f)]
        size >>= 4
        while size > 0 {
            bytes[bytes.count - 1] |= 0x80
            bytes.append(UInt8(size & 0x7f))
            size >>= 7
        }
        return bytes
    }

    /// An offset delta's distance to its base, in git's big-endian base-128 with an offset of one a byte.
    static func offsetDistance(_ distance: Int) -> [UInt8] {
        var value = distance
        var bytes = [UInt8(value & 0x7f)]
        value >>= 7
        while value > 0 {
            value -= 1
            bytes.insert(0x80 | UInt8(value & 0x7f), at: 0)
            value >>= 7
        }
        return bytes
    }

    /// A delta header's little-endian base-128 size.
    static func varint(_ value: Int) -> [UInt8] {
        var value = value
        var bytes: [UInt8] = []
        repeat {
            bytes.append(UInt8(value & 0x7f) | (value > 0x7f ? 0x80 : 0))
            value >>= 7
        } while value > 0
        return bytes
    }

    /// A delta instruction copying the base's first `count` (at most 255) bytes.
    static func copyAll(_ count: Int) -> [UInt8] {
        precondition(count > 0 && count < 256)
        return [0x90, UInt8(count)]
    }

    /// A zlib stream of stored (uncompressed) blocks.
    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = [0x78, 0x01]
        var start = 0
        repeat {
            let end = min(start + 0xffff, data.count)
            let length = UInt16(end - start)
            bytes.append(end == data.count ? 1 : 0)
            bytes += [UInt8(length & 0xff), UInt8(length >> 8), UInt8(~length & 0xff), UInt8(~length >> 8)]
            bytes += data[start..<end]
            start = end
        } while start < data.count
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        return bytes + bigEndian(b << 16 | a)
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)]
    }
}
