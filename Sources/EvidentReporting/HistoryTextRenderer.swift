import EvidentCore
import EvidentGit

/// `evident history` for people: one line per event, grouped by path, oldest first.
///
///     A  2026-02-01T09:30:00Z  1a2b3c4d5e  Alice Smith  policies/POL-ACCESS.md
public enum HistoryTextRenderer {
    public static func render(_ history: MainlineHistory) -> String {
        var out = ""
        let authorWidth = min(24, history.files.lazy.flatMap(\.events).map { displayName($0.commit.author).count }.max() ?? 0)
        var eventCount = 0
        for file in history.files {
            let path = TerminalText.quotedPath(file.path)
            for event in file.events {
                eventCount += 1
                let author = displayName(event.commit.author)
                out += event.status.rawValue
                out += "  "
                out += UTCTime.iso8601(event.commit.committer.time)
                out += "  "
                out += event.commit.id.abbreviated()
                out += "  "
                out += author.count > authorWidth ? String(author.prefix(authorWidth - 1)) + "…" : author.padding(toLength: authorWidth)
                out += event.commit.isSigned ? "  signed  " : "          "
                out += path
                out += "\n"
            }
        }
        let roots = history.roots.map(\.description).joined(separator: ", ")
        out += "\(history.files.count) \(history.files.count == 1 ? "path" : "paths"), \(eventCount) \(eventCount == 1 ? "change" : "changes") under \(roots) on \(history.reference) at \(history.head.abbreviated())\n"
        return out
    }

    private static func displayName(_ signature: Signature) -> String {
        TerminalText.sanitized(signature.name)
    }
}

/// Text safe for one terminal line.
enum TerminalText {
    /// The path as git's `core.quotePath=false` shows it: plain when it can be, else C-quoted
    /// with control characters (and, for invalid UTF-8, the raw bytes) as escapes.
    static func quotedPath(_ path: GitPath) -> String {
        let special: Set<UInt8> = [UInt8(ascii: "\""), UInt8(ascii: "\\")]
        let needsQuoting = !path.isValidUTF8 || path.bytes.contains { $0 < 0x20 || $0 == 0x7f || special.contains($0) }
        guard needsQuoting else { return path.description }
        var quoted = "\""
        if path.isValidUTF8 {
            for scalar in path.description.unicodeScalars {
                quoted += scalar.isASCII ? escaped(UInt8(scalar.value)) : String(scalar)
            }
        } else {
            for byte in path.bytes {
                quoted += byte < 0x80 ? escaped(byte) : "\\" + octal(byte)
            }
        }
        return quoted + "\""
    }

    private static func escaped(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "\""): "\\\""
        case UInt8(ascii: "\\"): "\\\\"
        case 0x0a: "\\n"
        case 0x09: "\\t"
        case 0..<0x20, 0x7f: "\\" + octal(byte)
        default: String(UnicodeScalar(byte))
        }
    }

    static func sanitized(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7f ? "?" : $0 }))
    }

    private static func octal(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 8)
        return String(repeating: "0", count: 3 - digits.count) + digits
    }
}

extension String {
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
