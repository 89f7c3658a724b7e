/// Values from a repository written into HTML: `report.html` and the HTML of `diff`.
public enum HTMLText {
    /// Text safe inside an element or a quoted attribute: `&`, `<`, `>`, `"` and `'` as
    /// character references. Escaped byte by byte: comparing Characters would let a `"` followed
    /// by a combining mark (one grapheme, but a quote to the HTML parser) slip through and close
    /// the attribute.
    public static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { utf8 in
            guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return String(decoding: utf8, as: UTF8.self) }
            var out: [UInt8] = []
            out.reserveCapacity(utf8.count + 16)
            for byte in utf8 {
                switch byte {
                case 0x26: out += Array("&amp;".utf8)
                case 0x3C: out += Array("&lt;".utf8)
                case 0x3E: out += Array("&gt;".utf8)
                case 0x22: out += Array("&quot;".utf8)
                case 0x27: out += Array("&#39;".utf8)
                default: out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
