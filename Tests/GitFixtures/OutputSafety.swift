import Foundation

/// What the hostile-input tests check in every text and Markdown output: that nothing from the
/// repository reached it as anything but text. Written from the reader's side (a terminal, the
/// GitHub Actions runner, GitHub's Markdown), independently of the encoders it checks.
public enum OutputSafety {
    /// The problems of `output`, one line each; empty when it is safe.
    ///
    /// - No control byte but LF (and TAB when `allowsTab`), no C1 control, no bidirectional
    ///   formatting character and no line or paragraph separator.
    /// - No line whose first characters after white space are `::` (a workflow command), unless
    ///   `annotations` and the line is a well-formed annotation with exactly the properties
    ///   Evident writes; no `##[` (the runner's legacy command form) anywhere.
    /// - With `markdownTables`, every row of a Markdown table has as many cells as its header.
    public static func problems(in output: String, allowsTab: Bool = false, annotations: Bool = false, markdownTables: Bool = false) -> [String] {
        var problems: [String] = []
        for scalar in output.unicodeScalars {
            let value = scalar.value
            let control = value < 0x20 && scalar != "\n" && !(allowsTab && scalar == "\t") || (0x7F...0x9F).contains(value)
            let invisible = [0x061C, 0x200E, 0x200F, 0x2028, 0x2029].contains(value) || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
            if control || invisible { problems.append("raw U+\(String(value, radix: 16, uppercase: true))") }
        }
        var columns: Int?
        for line in output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let trimmed = String(String.UnicodeScalarView(line.unicodeScalars.drop { $0.properties.isWhitespace || $0.properties.generalCategory == .format }))
            // Compared by bytes: a colon followed by a combining mark is one Character to Swift.
            if trimmed.utf8.starts(with: "::".utf8) && !(annotations && isAnnotation(line)) { problems.append("a line starts a workflow command: \(line.debugDescription)") }
            if contains(Array(line.utf8), Array("##[".utf8)) { problems.append("a legacy workflow command: \(line.debugDescription)") }
            guard markdownTables else { continue }
            if line.hasPrefix("|") {
                let cells = tableCells(line)
                if let columns, cells != columns { problems.append("a table row with \(cells) cells instead of \(columns): \(line.debugDescription)") }
                if columns == nil { columns = cells }
            } else {
                columns = nil
            }
        }
        return problems
    }

    /// `::error file=…,line=…,col=…,title=…::message`, parsed as the runner parses it: the
    /// command name, then properties split at commas, up to the next `::`.
    private static func isAnnotation(_ line: String) -> Bool {
        let scalars = Array(line.unicodeScalars)
        guard scalars.starts(with: [":", ":"]) else { return false }
        var end: Int?
        for index in 2..<max(2, scalars.count - 1) where scalars[index] == ":" && scalars[index + 1] == ":" {
            end = index
            break
        }
        guard let end else { return false }
        let info = String(String.UnicodeScalarView(scalars[2..<end]))
        guard let space = info.firstIndex(of: " "), ["error", "warning", "notice"].contains(String(info[..<space])) else { return false }
        let keys = info[info.index(after: space)...].split(separator: ",").map { $0.split(separator: "=", maxSplits: 1).first.map(String.init) ?? "" }
        return keys == ["file", "line", "col", "title"]
    }

    private static func contains(_ bytes: [UInt8], _ part: [UInt8]) -> Bool {
        bytes.count >= part.count && (0...(bytes.count - part.count)).contains { bytes[$0..<($0 + part.count)].elementsEqual(part) }
    }

    /// The cells of a table row, as GitHub splits it: at every `|` not right after a backslash.
    private static func tableCells(_ line: String) -> Int {
        var pipes = 0
        var previous: UInt8 = 0
        for byte in line.utf8 {
            if byte == UInt8(ascii: "|") && previous != UInt8(ascii: "\\") { pipes += 1 }
            previous = byte
        }
        return pipes - 1
    }
}
