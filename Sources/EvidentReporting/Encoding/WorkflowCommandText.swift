/// Values from a repository written into a GitHub Actions workflow command, the annotations of
/// `--format github`:
///
///     ::error file=<property>,line=3,col=1,title=<property>::<data>
///
/// The value is first written as `TerminalText` writes it (so it holds no line break or control
/// character, and no `##[`), then percent-encoded as the runner decodes it: `%`, CR and LF in the
/// message, and also `:` and `,` in a property, where they would end the command's properties
/// or start another one. Encoded byte by byte, since a `,` or `%` followed by a combining mark is
/// one Character to Swift but still a `,` or `%` to the runner.
enum WorkflowCommandText {
    /// The message, after the closing `::`.
    static func data(_ text: String) -> String {
        percentEncoded(TerminalText.encoded(text, startsLine: false), [0x25, 0x0D, 0x0A])
    }

    /// A property's value (`file=`, `title=`).
    static func property(_ text: String) -> String {
        percentEncoded(TerminalText.encoded(text, startsLine: false), [0x25, 0x0D, 0x0A, 0x3A, 0x2C])
    }

    private static func percentEncoded(_ text: String, _ reserved: Set<UInt8>) -> String {
        var text = text
        return text.withUTF8 { utf8 in
            guard utf8.contains(where: reserved.contains) else { return String(decoding: utf8, as: UTF8.self) }
            var out: [UInt8] = []
            out.reserveCapacity(utf8.count + 8)
            let hex = Array("0123456789ABCDEF".utf8)
            for byte in utf8 {
                if reserved.contains(byte) {
                    out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
                } else {
                    out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
