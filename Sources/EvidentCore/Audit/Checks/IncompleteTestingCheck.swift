/// Once a cycle has a testing workpaper, every sampled item needs a conclusion in it.
///
/// Only then: a cycle without one has not started testing (or leaves it to the external
/// auditor), and an invalid one is TEST-WORKPAPER-INVALID's alone. The sample is drawn from the
/// periods tested so far, so an item that lands in it later shows up here until it is concluded.
public struct IncompleteTestingCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "TEST-INCOMPLETE", summary: "The cycle has a testing.yaml, but items of a control's sample have no conclusion in it; one finding per control, listing them.", severity: .low,
        triggering: [
            AuditExample([TestingWorkpaperInvalidCheck.workpaper: "tester: dave\nconclusions: {}\n"],
                         expecting: [ExpectedFinding("AC-01", items: ["evidence/AC-01/2026-04-10-review.md", "evidence/AC-01/2026-07-08-review.md"])]),
            AuditExample([TestingWorkpaperInvalidCheck.workpaper: "tester: dave\nconclusions:\n  AC-01:\n    evidence/AC-01/2026-04-10-review.md: {result: pass}\n"],
                         expecting: [ExpectedFinding("AC-01", items: ["evidence/AC-01/2026-07-08-review.md"])]),
        ],
        nonTriggering: [
            AuditExample([TestingWorkpaperInvalidCheck.workpaper: TesterExceptionCheck.allAC01(result: "pass", note: nil)]),
            AuditExample(),
            AuditExample([TestingWorkpaperInvalidCheck.workpaper: "tester: dave\nconclusions: {AC-01: {x: {result: maybe}}}\n"]),
        ])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        guard let testing = context.testing else { return [] }
        // The tester is who must conclude; a tester who is not one of the people never gets here.
        let owner = testing.tester?.value
        return context.recordedControls.compactMap { control in
            let id = control.id.value
            guard let sample = context.samples[id] else { return nil }
            let concluded = testing.conclusions[id] ?? [:]
            let open = sample.items.filter { concluded[$0] == nil }
            guard !open.isEmpty else { return nil }
            return context.finding(self, subject: id, owner: owner,
                                   message: "\(open.count) of the \(sample.items.count) sampled items of \(id) \(open.count == 1 ? "has" : "have") no conclusion in the testing workpaper: \(open.joined(separator: ", "))",
                                   evidence: open, items: open)
        }
    }
}
