/// A line-by-line difference between two texts, as hunks with a little context: what changed
/// in a control's or policy's body.
public enum LineDiff {
    /// Lines prefixed `+ `, `- ` or `  ` (context); hunks are separated by `@@` lines. Empty when
    /// the texts are equal.
    public static func lines(from old: String, to new: String, context: Int = 2) -> [String] {
        let before = split(old)
        let after = split(new)
        guard before != after else { return [] }
        let edits = script(before, after)
        // Keep the changed lines and `context` unchanged lines around each.
        var keep = [Bool](repeating: false, count: edits.count)
        for (index, edit) in edits.enumerated() where edit.kind != " " {
            for near in max(0, index - context)...min(edits.count - 1, index + context) { keep[near] = true }
        }
        var output: [String] = []
        var previousKept = true
        for (index, edit) in edits.enumerated() {
            if keep[index] {
                if !previousKept || (output.isEmpty && index > 0) { output.append("@@") }
                output.append("\(edit.kind) \(edit.text)")
            }
            previousKept = keep[index]
        }
        return output
    }

    private static func split(_ text: String) -> [Substring] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        while lines.last?.allSatisfy(\.isWhitespace) == true { lines.removeLast() }
        return lines
    }

    /// The shortest edit script by longest common subsequence (bodies are short).
    private static func script(_ a: [Substring], _ b: [Substring]) -> [(kind: Character, text: Substring)] {
        let n = a.count, m = b.count
        // lengths[i][j]: the LCS length of a[i...] and b[j...].
        var lengths = [[Int32]](repeating: [Int32](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var edits: [(kind: Character, text: Substring)] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] {
                edits.append((" ", a[i]))
                i += 1
                j += 1
            } else if i < n, j == m || lengths[i + 1][j] >= lengths[i][j + 1] {
                edits.append(("-", a[i]))
                i += 1
            } else {
                edits.append(("+", b[j]))
                j += 1
            }
        }
        return edits
    }
}
