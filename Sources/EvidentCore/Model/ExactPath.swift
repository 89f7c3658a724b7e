/// A repository path by its bytes, as git stores it.
///
/// Evidence is identified by its name, and a name is bytes: two names that differ only in
/// Unicode normalisation ("é" as U+00E9 or as e + U+0301), or in bytes that are not UTF-8, are
/// two files in git and must be two occurrences here. Swift's `String` compares and hashes
/// canonically equivalent text as equal and repairs invalid UTF-8 to U+FFFD, so wherever a path
/// identifies something (a dictionary key, a set, a sort) the audit uses this type, and keeps the
/// `String` only to show the path.
public struct ExactPath: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The path whose bytes are `string`'s UTF-8, exactly as written (no normalisation).
    public init(_ string: String) {
        bytes = Array(string.utf8)
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// The path as text; bytes that are not UTF-8 show as U+FFFD, as `evident history` shows them.
    public var description: String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// Bytewise order: the order git sorts paths in, and one that never calls two names equal.
    public static func < (lhs: ExactPath, rhs: ExactPath) -> Bool {
        lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }

    /// Whether the path is `folder` or lies below it, compared as bytes.
    public func isInside(_ folder: String) -> Bool {
        let prefix = Array(folder.utf8)
        guard bytes.starts(with: prefix) else { return false }
        return bytes.count == prefix.count || bytes[prefix.count] == UInt8(ascii: "/")
    }
}

extension String {
    /// Whether this path starts with `prefix`, byte for byte. `hasPrefix` compares characters,
    /// so "evidence/" + a combining mark would not start with "evidence/".
    func hasBytePrefix(_ prefix: String) -> Bool {
        utf8.starts(with: prefix.utf8)
    }
}
