import EvidentCore

/// `evident verify`: a line per problem, then what was verified. Problems and notes name files
/// and quote records, so each is written through `TerminalText.line(_:)`.
public struct VerificationRenderer: TextDocumentRenderer {
    public typealias Document = VerificationReport

    public init() {}

    public func text(_ report: VerificationReport) -> String {
        var out = report.problems.map { "problem: \(TerminalText.line($0))\n" }.joined()
        out += report.notes.map { "note: \(TerminalText.line($0))\n" }.joined()
        out += report.isClean
            ? "\(report.checked) \(report.checked == 1 ? "record" : "records") verified on \(TerminalText.line(report.revision)) at \(TerminalText.line(report.tip))\n"
            : "\(report.problems.count) \(report.problems.count == 1 ? "problem" : "problems") in \(report.records) \(report.records == 1 ? "record" : "records")\n"
        return out
    }
}
