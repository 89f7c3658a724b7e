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
        String(validating: bytes, as: UTF8.self) != nil
    }

    /// Bytewise order, the order git sorts paths in its index and `ls-files`.
    public static func < (lhs: GitPath, rhs: GitPath) -> Bool {
        lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }
}
