/// Name-based UUIDs (RFC 9562 version 5: SHA-1 of a namespace and a name), so that exported
/// documents get the same identifiers every time they are exported from the same state.
public enum NameBasedUUID {
    /// Evident's namespace for the identifiers it derives (itself a fixed version 4 UUID).
    public static let evidentNamespace: [UInt8] = [
        0x6f, 0x1c, 0x2e, 0x9a, 0x4b, 0x7d, 0x4e, 0x21, 0x9c, 0x35, 0x8a, 0x0f, 0x5d, 0x62, 0xb3, 0x47,
    ]

    /// The version 5 UUID of `name` in `namespace`, written in lower-case hex with hyphens.
    public static func v5(_ name: String, namespace: [UInt8] = evidentNamespace) -> String {
        var bytes = Array(SHA1.digest(namespace + Array(name.utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0f) | 0x50
        bytes[8] = (bytes[8] & 0x3f) | 0x80
        return [bytes[0..<4], bytes[4..<6], bytes[6..<8], bytes[8..<10], bytes[10..<16]].map(lowercaseHex).joined(separator: "-")
    }
}

/// SHA-1 (FIPS 180-4), used only where a standard names it: version 5 UUIDs.
public enum SHA1 {
    public static func digest(_ message: [UInt8]) -> [UInt8] {
        var h: [UInt32] = [0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0]
        let data = paddedMessage(message)
        var w = [UInt32](repeating: 0, count: 80)
        for block in stride(from: 0, to: data.count, by: 64) {
            loadBigEndianWords(data, block: block, into: &w)
            for t in 16..<80 {
                let x = w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16]
                w[t] = x << 1 | x >> 31
            }
            var (a, b, c, d, e) = (h[0], h[1], h[2], h[3], h[4])
            for t in 0..<80 {
                let (f, k): (UInt32, UInt32) = switch t {
                case 0..<20: ((b & c) | (~b & d), 0x5A82_7999)
                case 20..<40: (b ^ c ^ d, 0x6ED9_EBA1)
                case 40..<60: ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC)
                default: (b ^ c ^ d, 0xCA62_C1D6)
                }
                let temp = (a << 5 | a >> 27) &+ f &+ e &+ k &+ w[t]
                (e, d, c, b, a) = (d, c, b << 30 | b >> 2, a, temp)
            }
            h[0] &+= a
            h[1] &+= b
            h[2] &+= c
            h[3] &+= d
            h[4] &+= e
        }
        return h.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> UInt32(24 - 8 * $0)) } }
    }
}
