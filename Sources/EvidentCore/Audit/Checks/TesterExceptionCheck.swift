/// The tester found a sampled item that does not show the control operating: a deviation the
/// control's owner must answer, whatever the history proves.
public struct TesterExceptionCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "TEST-EXCEPTION", summary: "The tester concluded exception on items of a control's sample; one finding per control, listing them.", severity: .medium,
        triggering: [AuditExample([TestingWorkpaperInvalidCheck.workpaper: allAC01(result: "exception", note: "No reviewer sign-off")],
                                  expecting: [ExpectedFinding("AC-01", items: ["evidence/AC-01/2026-04-10-review.md", "evidence/AC-01/2026-07-08-review.md"])])],
        nonTriggering: [
            AuditExample([TestingWorkpaperInvalidCheck.workpaper: allAC01(result: "pass", note: nil)]),
            // An exception on an item outside the sample is listed in the record, not raised.
            AuditExample([TestingWorkpaperInvalidCheck.workpaper: "tester: dave\nconclusions:\n  AC-01:\n    evidence/AC-01/2026-01-15-review.md: {result: exception}\n"]),
        ])

    /// A workpaper with one conclusion on each of AC-01's example occurrences, whichever the sample draws.
    static func allAC01(result: String, note: String?) -> String {
        let items = ["evidence/AC-01/2026-01-15-review.md", "evidence/AC-01/2026-04-10-review.md", "evidence/AC-01/2026-07-08-review.md"]
        let conclusion = "{result: \(result)" + (note.map { ", note: \($0)" } ?? "") + "}"
        return "tester: dave\nconclusions:\n  AC-01:\n" + items.map { "    \($0): \(conclusion)\n" }.joined()
    }

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        guard let testing = context.testing else { return [] }
        return context.recordedControls.compactMap { control in
            let id = control.id.value
            guard let sample = context.samples[id], let concluded = testing.conclusions[id] else { return nil }
            let exceptions = sample.items.compactMap { item in concluded[item].flatMap { $0.result == .exception ? (item, $0.note) : nil } }
            guard !exceptions.isEmpty else { return nil }
            let listed = exceptions.map { item, note in item + (note.map { " (\($0))" } ?? "") }.joined(separator: "; ")
            let count = exceptions.count == 1 ? "1 sampled item" : "\(exceptions.count) sampled items"
            return context.finding(self, subject: id, owner: control.owner?.value,
                                   message: "the tester concluded exception on \(count) of \(id): \(listed)",
                                   evidence: exceptions.map(\.0), items: exceptions.map(\.0))
        }
    }
}
