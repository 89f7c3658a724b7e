/// Values from a repository written into HTML: `report.html` and the HTML of `diff`.
public enum HTMLText {
    /// Text safe inside an element or a quoted attribute, that reads in a browser as the value it is:
    ///
    /// - `&`, `<`, `>`, `"` and `'` become character references. The value is escaped scalar by
    ///   scalar, never Character by Character: a `"` followed by a combining mark is one
    ///   grapheme but still a quote to the HTML parser, and would close the attribute.
    /// - Control characters (line breaks included), the line and paragraph separators and the
    ///   bidirectional formatting characters are written as `TerminalText` writes them (`\n`,
    ///   `\342\200\256` for U+202E). A browser obeys a right-to-left override to the end of its
    ///   block, so a title holding one would show Evident's words and dates after it reversed;
    ///   and it shows a line break in a `title` attribute as a new line of the tooltip, which a
    ///   file name could use to add a line that reads as Evident's.
    public static func escape(_ text: String) -> String {
        var text = text
        let plain = text.withUTF8 { utf8 in !utf8.contains(where: needsCare) }
        if plain { return text }
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if let escape = TerminalText.escape(scalar) { out += escape } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Whether a byte may need escaping: one of the five markup characters, a control byte, or
    /// any byte of a non-ASCII scalar (which may be a C1 control or a bidi formatting character).
    private static func needsCare(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x26, 0x3C, 0x3E, 0x22, 0x27: true
        default: byte < 0x20 || byte >= 0x7F
        }
    }
}
