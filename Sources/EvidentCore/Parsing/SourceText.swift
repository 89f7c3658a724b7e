import Foundation

/// Text files as editors save them: with or without a UTF-8 byte-order mark, lines ended by
/// LF or by CR LF.
///
/// Swift treats `"\r\n"` as one `Character`, so splitting a `String` at `"\n"` never splits a
/// CR LF line; everything here works on Unicode scalars instead. Dropping the mark and the CRs
/// keeps every line and column number what an editor shows: the mark is not a column, and a CR
/// only ever ends a line.
public enum SourceText {
    public static let byteOrderMark: Unicode.Scalar = "\u{FEFF}"

    /// The text without a leading byte-order mark.
    public static func withoutByteOrderMark(_ text: some StringProtocol) -> Substring {
        let text = Substring(text)
        guard text.unicodeScalars.first == byteOrderMark else { return text }
        return Substring(text.unicodeScalars.dropFirst())
    }

    /// The bytes without a leading UTF-8 byte-order mark (EF BB BF).
    public static func withoutByteOrderMark(_ data: Data) -> Data {
        data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data
    }

    /// The lines of `text` without their line ends (LF or CR LF), split at every LF. A final
    /// line end is followed by one empty line, as `split(omittingEmptySubsequences: false)` does;
    /// a CR not followed by LF is text.
    public static func lines(_ text: some StringProtocol) -> [Substring] {
        let lines = Substring(text).unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.indices.map { index in
            let line = lines[index]
            return Substring(index < lines.count - 1 && line.last == "\r" ? line.dropLast() : line)
        }
    }

    /// The text with a leading byte-order mark dropped and every CR LF made LF.
    public static func normalized(_ text: some StringProtocol) -> String {
        lines(withoutByteOrderMark(text)).joined(separator: "\n")
    }

    /// The bytes with a leading byte-order mark dropped and every CR LF made LF; other bytes,
    /// valid UTF-8 or not, are kept as they are.
    public static func normalized(_ data: Data) -> Data {
        let bytes = withoutByteOrderMark(data)
        var out = Data()
        out.reserveCapacity(bytes.count)
        var previous: UInt8?
        for byte in bytes {
            if let held = previous, !(held == 0x0D && byte == 0x0A) { out.append(held) }
            previous = byte
        }
        if let held = previous { out.append(held) }
        return out
    }
}
