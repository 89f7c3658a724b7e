import Foundation

/// A parsed tree object: its raw bytes and the position of each entry in them.
final class Tree {
    struct Entry {
        var mode: UInt32
        var nameStart: Int
        var nameEnd: Int
        var id: ObjectID

        var isTree: Bool { mode & 0o170000 == 0o040000 }
        /// A folder or a submodule: what a pathspec ending in `/` matches.
        var matchesDirectoryPathspec: Bool { isTree || mode == 0o160000 }
    }

    let id: ObjectID
    let bytes: [UInt8]
    let entries: [Entry]

    /// Parses `bytes`, which the tree keeps.
    init(id: ObjectID, bytes: [UInt8]) throws(RepositoryError) {
        self.id = id
        self.bytes = bytes
        entries = try bytes.withUnsafeBufferPointer { raw throws(RepositoryError) in try Self.entries(of: id, in: raw) }
    }

    private static func entries(of id: ObjectID, in raw: UnsafeBufferPointer<UInt8>) throws(RepositoryError) -> [Entry] {
        var entries: [Entry] = []
        // No entry is shorter than 24 bytes ("0 a", a NUL, a 20-byte id): one allocation.
        entries.reserveCapacity(raw.count / 24 + 1)
        var index = 0
        let count = raw.count
        while index < count {
            var mode: UInt32 = 0
            while index < count && raw[index] != UInt8(ascii: " ") {
                let digit = raw[index] &- UInt8(ascii: "0")
                guard digit < 8 else { throw .corruptObject(id, detail: "tree entry has a malformed mode") }
                mode = mode << 3 | UInt32(digit)
                index += 1
            }
            let nameStart = index + 1
            var nameEnd = nameStart
            while nameEnd < count && raw[nameEnd] != 0 { nameEnd += 1 }
            guard nameEnd + 21 <= count, nameEnd > nameStart else {
                throw .corruptObject(id, detail: "tree is truncated")
            }
            let entryID = ObjectID(rawBytes: raw.baseAddress! + nameEnd + 1)
            entries.append(Entry(mode: Tree.canonicalMode(mode), nameStart: nameStart, nameEnd: nameEnd, id: entryID))
            index = nameEnd + 21
        }
        return entries
    }

    func name(of entry: Entry) -> ArraySlice<UInt8> {
        bytes[entry.nameStart..<entry.nameEnd]
    }

    func entry(named name: [UInt8]) -> Entry? {
        for entry in entries where entry.nameEnd - entry.nameStart == name.count {
            if bytes[entry.nameStart..<entry.nameEnd].elementsEqual(name) { return entry }
        }
        return nil
    }

    /// git's `canon_mode`: old trees may carry modes such as 100664, which git reads as 100644.
    static func canonicalMode(_ mode: UInt32) -> UInt32 {
        switch mode & 0o170000 {
        case 0o100000: mode & 0o100 != 0 ? 0o100755 : 0o100644
        case 0o120000: 0o120000
        case 0o040000: 0o040000
        default: 0o160000
        }
    }
}
