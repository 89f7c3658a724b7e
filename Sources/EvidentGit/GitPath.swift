import Foundation

/// A repository path as git stores it: raw bytes, which need not be valid UTF-8.
public struct GitPath: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    public init(_ string: String) {
        bytes = Array(string.utf8)
    }

    /// The path as text; invalid UTF-8 sequences are shown as U+FFFD.
    public var description: String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// Whether the bytes are valid UTF-8, so `description` names the path exactly.
    public var isValidUTF8: Bool {
        // Most paths are ASCII, which needs no `String` to tell.
        bytes.allSatisfy { $0 < 0x80 } || String(validating: bytes, as: UTF8.self) != nil
    }

    /// Bytewise order, the order git sorts paths in its index and `ls-files`.
    public static func < (lhs: GitPath, rhs: GitPath) -> Bool {
        // `memcmp`, not `lexicographicallyPrecedes`: a history sorts thousands of paths per run.
        lhs.bytes.withUnsafeBufferPointer { left in
            rhs.bytes.withUnsafeBufferPointer { right in
                let common = min(left.count, right.count)
                if common > 0, case let order = memcmp(left.baseAddress!, right.baseAddress!, common), order != 0 {
                    return order < 0
                }
                return left.count < right.count
            }
        }
    }

    /// The bytes hashed as one block, not byte by byte as `[UInt8]` hashes its elements.
    public func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
