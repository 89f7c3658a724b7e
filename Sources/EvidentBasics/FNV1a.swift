/// 64-bit FNV-1a: a fast, stable, non-cryptographic hash. Evident uses it where the same input
/// must give the same number on every platform and run (index file checksums, stable ids,
/// sample seeds); it proves nothing against someone who chooses the input.
public enum FNV1a {
    public static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// The hash of the fields' UTF-8 bytes with a NUL byte between fields, so that
    /// `["ab", "c"]` and `["a", "bc"]` differ.
    public static func hash(fields: [String]) -> UInt64 {
        var bytes: [UInt8] = []
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(0) }
            bytes.append(contentsOf: field.utf8)
        }
        return hash(bytes)
    }

    /// The hash as 16 lower-case hex digits.
    public static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
