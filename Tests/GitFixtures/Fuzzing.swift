import Foundation

/// SplitMix64: a tiny, well-mixed generator whose every run from a seed is the same, so a
/// failing fuzz input can be found again from the seed the test prints.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

/// Makes fuzz inputs from valid seeds: byte flips, insertions of hostile text, deletions,
/// duplications, truncation, CRLF line endings, a byte-order mark, huge numbers; and some
/// inputs of random bytes.
public struct Mutator {
    private var random: SplitMix64

    public init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    /// What an insertion puts in: the hostile samples and the bytes parsers treat specially.
    public static let insertions: [[UInt8]] = (HostileText.samples + [
        "\r\n", "\r", "\n", "\u{FEFF}", "\u{301}", "\u{202E}", "\u{2028}", "\t", " ", "\0",
        "99999999999999999999", "-9223372036854775809", "9223372036854775807", "-62198755200", "+9959", "-0000",
        "---\n", "...\n", ":", ": ", "<", ">", "&", "*", "&a ", "*a", "!!binary ", "{", "}", "[", "]", "\"", "'", "#", "|\n", ">-\n",
        "0000-01-01", "9999-12-31", "2026-02-30", "2026-13-01", "-1-01-01",
    ]).map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]]

    /// `count` inputs: nine in ten mutate a seed one to four times, one in ten is random bytes.
    public mutating func inputs(from seeds: [[UInt8]], count: Int) -> [[UInt8]] {
        (0..<count).map { _ in
            if random.next() % 10 == 0 { return randomBytes(maxLength: 200) }
            var input = seeds[Int(random.next() % UInt64(seeds.count))]
            for _ in 0...(random.next() % 4) { input = mutate(input) }
            return input
        }
    }

    public mutating func randomBytes(maxLength: Int) -> [UInt8] {
        (0..<Int(random.next() % UInt64(maxLength + 1))).map { _ in UInt8(truncatingIfNeeded: random.next()) }
    }

    /// One mutation of `input`.
    public mutating func mutate(_ input: [UInt8]) -> [UInt8] {
        var bytes = input
        let position = bytes.isEmpty ? 0 : Int(random.next() % UInt64(bytes.count + 1))
        switch random.next() % 8 {
        case 0 where !bytes.isEmpty:
            bytes[min(position, bytes.count - 1)] ^= UInt8(1 << (random.next() % 8))
        case 1, 2:
            bytes.insert(contentsOf: Self.insertions[Int(random.next() % UInt64(Self.insertions.count))], at: position)
        case 3 where !bytes.isEmpty:
            let end = min(bytes.count, position + 1 + Int(random.next() % 16))
            bytes.removeSubrange(min(position, end)..<end)
        case 4:
            bytes = Array(bytes.prefix(position))
        case 5:
            bytes = Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8)
        case 6:
            bytes = [0xEF, 0xBB, 0xBF] + bytes
        default:
            let end = min(bytes.count, position + Int(random.next() % 32))
            bytes.insert(contentsOf: bytes[position..<end], at: end)
        }
        return bytes
    }
}
