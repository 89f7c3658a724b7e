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

/// The tester of a cycle must not operate a control they tested.
public struct TesterIndependenceCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "INDEP-CONFLICT", summary: "The tester of a control's sample is its operator.", severity: .high,
        triggering: [AuditExample(testing: TestingRecord(tester: Located("bob", at: SourceLocation(file: "audits/2026/testing.yaml", line: 1, column: 9)),
                                                         conclusions: ["AC-01": ["evidence/AC-01/2026-04-10-review.md": .init(result: .pass, note: nil)]]))],
        nonTriggering: [AuditExample(testing: TestingRecord(tester: Located("dave", at: SourceLocation(file: "audits/2026/testing.yaml", line: 1, column: 9)),
                                                            conclusions: ["AC-01": ["evidence/AC-01/2026-04-10-review.md": .init(result: .pass, note: nil)]]))])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        guard let testing = context.testing, let tester = testing.tester?.value else { return [] }
        return testing.conclusions.keys.sorted().compactMap { id in
            guard let control = context.program.control(id), control.operator_?.value == tester else { return nil }
            return context.finding(self, subject: id, owner: control.owner?.value,
                                   message: "\(tester) tested \(id), which they operate: the tester must be someone else",
                                   evidence: [testing.tester!.location.file])
        }
    }
}
