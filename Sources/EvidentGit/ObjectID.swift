import CLibGit2

/// A git object id (SHA-1), held as a value so it can cross threads and key dictionaries.
public struct ObjectID: Hashable, Sendable, CustomStringConvertible {
    public static let byteCount = 20

    // 20 bytes stored as 8 + 8 + 4 so hashing and equality are three integer compares.
    private var head: UInt64
    private var middle: UInt64
    private var tail: UInt32

    /// Reads 20 raw bytes starting at `pointer`.
    public init(rawBytes pointer: UnsafeRawPointer) {
        head = pointer.loadUnaligned(as: UInt64.self)
        middle = pointer.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        tail = pointer.loadUnaligned(fromByteOffset: 16, as: UInt32.self)
    }

    init(_ oid: git_oid) {
        var copy = oid
        self = withUnsafeBytes(of: &copy.id) { ObjectID(rawBytes: $0.baseAddress!) }
    }

    /// Parses 40 hexadecimal digits; returns nil for anything else.
    public init?(hex: some StringProtocol) {
        let utf8 = Array(hex.utf8)
        guard utf8.count == 40 else { return nil }
        var bytes = [UInt8](repeating: 0, count: 20)
        for index in 0..<20 {
            guard let high = ObjectID.nibble(utf8[2 * index]), let low = ObjectID.nibble(utf8[2 * index + 1]) else {
                return nil
            }
            bytes[index] = high << 4 | low
        }
        self = bytes.withUnsafeBytes { ObjectID(rawBytes: $0.baseAddress!) }
    }

    /// Parses 40 hexadecimal ASCII digits at `pointer`.
    init?(hexBytes pointer: UnsafePointer<UInt8>) {
        var bytes = (UInt64(0), UInt64(0), UInt32(0))
        let ok = withUnsafeMutableBytes(of: &bytes) { raw -> Bool in
            for index in 0..<20 {
                guard let high = ObjectID.nibble(pointer[2 * index]), let low = ObjectID.nibble(pointer[2 * index + 1]) else {
                    return false
                }
                raw[index] = high << 4 | low
            }
            return true
        }
        guard ok else { return nil }
        head = bytes.0
        middle = bytes.1
        tail = bytes.2
    }

    /// The 20 raw bytes.
    public var bytes: [UInt8] {
        withUnsafeBytes(of: (head, middle, tail)) { Array($0.prefix(20)) }
    }

    var gitOID: git_oid {
        var oid = git_oid()
        withUnsafeMutableBytes(of: &oid.id) { target in
            withUnsafeBytes(of: (head, middle, tail)) { source in
                target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source.prefix(20)))
            }
        }
        return oid
    }

    public var description: String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(40)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends the first `count` hex digits as ASCII bytes.
    public func appendHex(count: Int, to out: inout [UInt8]) {
        // Laid out in place and appended at once: an append a digit cost more than the digits.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { text in
            withUnsafeBytes(of: (head, middle, tail)) { raw in
                for index in 0..<count {
                    let byte = raw[index / 2]
                    let nibble = index % 2 == 0 ? byte >> 4 : byte & 0x0f
                    text[index] = nibble < 10 ? 0x30 + nibble : 0x57 + nibble
                }
            }
            out.append(contentsOf: text)
        }
    }

    /// The first `length` hex digits, for people.
    public func abbreviated(_ length: Int = 10) -> String {
        String(description.prefix(length))
    }

    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
