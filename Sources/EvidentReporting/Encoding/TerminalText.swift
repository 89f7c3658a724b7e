import EvidentGit

/// Values from a repository written as text for a terminal or a CI log: the text formats of
/// every command, the messages on standard error, and (through `WorkflowCommandText`) the
/// annotations of `--format github`.
///
/// A file name, a YAML value, a person's name or a commit's author is data, and `line(_:)` and
/// `path(_:)` keep it from acting as anything else:
///
/// - **It stays on one line and cannot drive the terminal.** C0 and C1 control characters, DEL,
///   the line and paragraph separators (U+2028, U+2029) and the bidirectional formatting
///   characters (which reorder what a terminal shows) are written as escapes: `\n`, `\t`, else
///   the octal of each UTF-8 byte (`\033` for ESC, `\342\200\256` for U+202E), the way git quotes
///   a path.
/// - **It cannot start a GitHub Actions workflow command.** The runner acts on a line whose first
///   characters after white space are `::`, and on `##[` anywhere in a line. So a value whose first
///   character other than white space is a colon has that colon escaped (`\072`), and the `[` of
///   a `##[` is escaped (`\133`).
///
/// Together these make "no line starts with `::`" hold by construction rather than by checking
/// output: an encoded value holds no line break, so it can begin a line only where a renderer
/// puts it at the start of one, and then its first character is not a colon; Evident's own words
/// never begin a line with `::` and never put a `[` right after a value. The only lines that do
/// start with `::` are the annotations `GitHubActionsDiagnosticReporter` writes on purpose.
///
/// Indenting content would not do: the runner trims a line's leading white space before it
/// looks for `::`.
public enum TerminalText {
    /// `text` as one line of free text (a name, a title, a message). Backslashes are kept as they
    /// are, so text that already reads `\n` looks like an escaped line break; what the encoding
    /// guarantees is that no control character reaches the terminal.
    public static func line(_ text: String) -> String {
        encoded(text, startsLine: true)
    }

    /// A repository path as git shows it with `core.quotePath=false`: as it is when it can be,
    /// else in double quotes with `"` and `\` escaped besides what `line(_:)` escapes, so the
    /// quoted form names the path exactly. A path is also quoted when it would begin with a colon
    /// or hold a `##[`, so that it cannot start a workflow command.
    public static func path(_ path: String) -> String {
        needsQuoting(path) ? quoted(path.unicodeScalars.lazy.map(PathUnit.scalar)) : path
    }

    /// A path as `path(_:)` shows it; a path that is not valid UTF-8 is quoted with each of its
    /// bytes from 0x80 up written in octal, so that the text identifies the bytes git stores.
    public static func path(_ path: GitPath) -> String {
        let plainASCII = path.bytes.withUnsafeBufferPointer { bytes in
            bytes.allSatisfy { isPlainASCII($0) && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
                && !startsLikeACommand(bytes) && !containsCommandPrefix(bytes)
        }
        if plainASCII { return path.description }
        guard path.isValidUTF8 else {
            return quoted(path.bytes.lazy.map { $0 < 0x80 ? PathUnit.scalar(Unicode.Scalar($0)) : PathUnit.byte($0) })
        }
        return self.path(path.description)
    }

    /// `text` with the escapes of `line(_:)`; `startsLine` is false for a value that follows
    /// other text on its line (a workflow command's message or property), whose leading colon
    /// is then harmless and kept.
    static func encoded(_ text: String, startsLine: Bool) -> String {
        var text = text
        let plain = text.withUTF8 { utf8 in
            !(startsLine && startsLikeACommand(utf8)) && utf8.allSatisfy(isPlainASCII) && !containsCommandPrefix(utf8)
        }
        if plain { return text }
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 8)
        var guarding = WorkflowCommandGuard(startsLine: startsLine)
        for scalar in text.unicodeScalars { append(scalar, to: &out, guarding: &guarding) }
        return out
    }

    /// Appends `scalar` as it is, or its escape (`escape(_:)`), or in octal where it would
    /// complete a workflow command's prefix.
    private static func append(_ scalar: Unicode.Scalar, to out: inout String, guarding: inout WorkflowCommandGuard) {
        if let escape = escape(scalar) {
            out += escape
            guarding.wroteEscape()
        } else if guarding.mustEscape(scalar) {
            out += octal(UInt8(scalar.value))
        } else {
            out.unicodeScalars.append(scalar)
        }
    }

    /// The escape a terminal-safe rendering writes for `scalar`, or nil when the scalar prints
    /// as itself. The one table every text and Markdown encoder uses.
    static func escape(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x0A: "\\n"
        case 0x09: "\\t"
        case 0x00..<0x20, 0x7F...0x9F: octal(scalar)
        // Arabic letter mark, left-to-right and right-to-left marks, the line and paragraph
        // separators, the embeddings and overrides, the isolates.
        case 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: octal(scalar)
        default: nil
        }
    }

    // MARK: Paths

    /// What a quoted path is made of: scalars, and for a path that is not valid UTF-8, raw bytes.
    private enum PathUnit {
        case scalar(Unicode.Scalar)
        case byte(UInt8)
    }

    private static func quoted(_ units: some Sequence<PathUnit>) -> String {
        var out = "\""
        // The opening quote comes first on the line, so only `##[` needs guarding.
        var guarding = WorkflowCommandGuard(startsLine: false)
        for unit in units {
            switch unit {
            case .byte(let byte):
                out += octal(byte)
                guarding.wroteEscape()
            case .scalar("\""):
                out += "\\\""
                guarding.wroteEscape()
            case .scalar("\\"):
                out += "\\\\"
                guarding.wroteEscape()
            case .scalar(let scalar):
                append(scalar, to: &out, guarding: &guarding)
            }
        }
        return out + "\""
    }

    private static func needsQuoting(_ path: String) -> Bool {
        var path = path
        let screened = path.withUTF8 { utf8 -> Bool? in
            if containsCommandPrefix(utf8) || utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) { return true }
            if utf8.allSatisfy(isPlainASCII) { return startsLikeACommand(utf8) }
            return nil
        }
        if let screened { return screened }
        var guarding = WorkflowCommandGuard(startsLine: true)
        return path.unicodeScalars.contains { escape($0) != nil || guarding.mustEscape($0) }
    }

    // MARK: Byte-level screening

    /// A printable ASCII byte: the common case, which needs no scalar-by-scalar look.
    private static func isPlainASCII(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte < 0x7F
    }

    /// Whether the text's first character other than white space may be a colon. Conservative:
    /// any leading non-ASCII byte sends the text to the exact, scalar-by-scalar encoder.
    private static func startsLikeACommand(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: ":"): return true
            case UInt8(ascii: " "), 0x09...0x0D, 0x80...: continue
            default: return false
            }
        }
        return false
    }

    private static func containsCommandPrefix(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard utf8.count >= 3 else { return false }
        for index in 2..<utf8.count where utf8[index] == UInt8(ascii: "[") && utf8[index - 1] == UInt8(ascii: "#") && utf8[index - 2] == UInt8(ascii: "#") {
            return true
        }
        return false
    }

    // MARK: Octal escapes

    private static func octal(_ scalar: Unicode.Scalar) -> String {
        UTF8.encode(scalar)!.map { octal($0) }.joined()
    }

    static func octal(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 8)
        return "\\" + String(repeating: "0", count: 3 - digits.count) + digits
    }
}

/// Follows a value as it is written, scalar by scalar, to tell which scalar would let it start
/// a GitHub Actions workflow command: a colon before anything but white space (the runner trims
/// a line's leading white space, then looks for `::`), or the `[` of a `##[` (the legacy form,
/// which the runner looks for anywhere in a line). Shared by the text and Markdown encoders,
/// which differ only in how they escape the scalar.
struct WorkflowCommandGuard {
    /// Nothing but white space written so far, on a value that may start a line.
    private var onlyBlanks: Bool
    /// How many `#` were written last, in a row.
    private var hashes = 0

    init(startsLine: Bool) {
        onlyBlanks = startsLine
    }

    /// Whether `scalar`, about to be written as itself, must be escaped instead. Call it for
    /// every scalar written as itself, in order; an escaped one counts as neither white space
    /// nor `#`.
    mutating func mustEscape(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == ":" && onlyBlanks || scalar == "[" && hashes >= 2 {
            wroteEscape()
            return true
        }
        hashes = scalar == "#" ? hashes + 1 : 0
        // Format characters are invisible and may be ignored when the runner compares text.
        if !scalar.properties.isWhitespace && scalar.properties.generalCategory != .format { onlyBlanks = false }
        return false
    }

    /// An escape was written in place of a scalar: text that is neither white space nor `#`.
    mutating func wroteEscape() {
        onlyBlanks = false
        hashes = 0
    }
}
