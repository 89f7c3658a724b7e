/// `audits/<cycle>/testing.yaml`: who tested the cycle's samples, and their conclusion per sample.
///
///     tester: frank
///     conclusions:
///       AC-05:
///         evidence/AC-05/2026-03-31-review.csv: {result: pass, note: Reviewer sign-off present}
public struct TestingRecord: Sendable {
    public enum Result: String, CaseIterable, Sendable { case pass, exception }

    public struct Conclusion: Hashable, Sendable {
        public var result: Result
        public var note: String?
    }

    public var tester: Located<String>?
    /// Per control id, per sampled path.
    public var conclusions: [String: [String: Conclusion]]

    public static func parse(_ text: String, file: String) throws(InputError) -> TestingRecord {
        var diagnostics: [Diagnostic] = []
        var record = TestingRecord(tester: nil, conclusions: [:])
        if let node = FrontMatterDocument.compose(text, file: file, lineOffset: 0, diagnostics: &diagnostics),
           let reader = MappingReader(node, file: file, lineOffset: 0, subject: "testing record", diagnostics: &diagnostics) {
            reader.checkKeys(allowed: ["tester", "conclusions"], &diagnostics)
            record.tester = reader.string("tester", required: true, &diagnostics)
            if let controls = reader.mappingReader("conclusions", subject: "conclusions", &diagnostics) {
                for (key, value) in controls.mapping {
                    guard let control = key.string,
                          let samples = MappingReader(value, file: file, lineOffset: 0, subject: "conclusions of \(control)", diagnostics: &diagnostics)
                    else { continue }
                    for (pathNode, conclusionNode) in samples.mapping {
                        guard let path = pathNode.string,
                              let conclusion = MappingReader(conclusionNode, file: file, lineOffset: 0, subject: "conclusion for \(path)", diagnostics: &diagnostics)
                        else { continue }
                        conclusion.checkKeys(allowed: ["result", "note"], &diagnostics)
                        guard let result: Located<Result> = conclusion.choice("result", required: true, &diagnostics) else { continue }
                        record.conclusions[control, default: [:]][path] = Conclusion(result: result.value, note: conclusion.string("note", &diagnostics)?.value)
                    }
                }
            }
        }
        if let problem = diagnostics.first(where: { $0.severity == .error }) {
            throw InputError(problem.message, at: problem.location)
        }
        return record
    }
}
