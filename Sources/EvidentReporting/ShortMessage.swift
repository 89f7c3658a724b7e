/// A finding's message short enough for one terminal line. Messages open with what is wrong
/// and follow with the details (each late file, each commit); the terminal keeps the opening
/// and leaves the details to the record.
///
/// A message longer than `limit` characters is cut at its first clause break (`: ` or `; `)
/// past the first few words, else at the last space before the limit, else at the limit, and
/// ends with ` …`. A message that opens by naming its subject (`AC-01: …`) drops that, since the
/// listing already shows the subject. Works on the raw text, before `TerminalText` encodes it,
/// so an escape is never cut in half.
enum ShortMessage {
    static let limit = 120
    /// A clause break this early would leave too little to read.
    private static let shortestOpening = 24

    static func of(_ message: String, subject: String) -> String {
        var text = Substring(message)
        let named = subject + ": "
        if !subject.isEmpty, text.hasPrefix(named), text.count > named.count { text = text.dropFirst(named.count) }
        guard text.count > limit else { return String(text) }
        let window = text.prefix(limit)
        if let cut = clauseBreak(in: window) { return window[..<cut] + " …" }
        if let space = window.lastIndex(of: " "), window.distance(from: window.startIndex, to: space) >= shortestOpening {
            return window[..<space] + " …"
        }
        return window + " …"
    }

    /// The first `: ` or `; ` at least `shortestOpening` characters in.
    private static func clauseBreak(in text: Substring) -> Substring.Index? {
        var index = text.index(text.startIndex, offsetBy: shortestOpening, limitedBy: text.endIndex) ?? text.endIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            if (text[index] == ":" || text[index] == ";") && next < text.endIndex && text[next] == " " { return index }
            index = next
        }
        return nil
    }
}
