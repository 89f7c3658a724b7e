/// The control started operating well into the window, so only part of it can be tested: one
/// that landed during its first period can still be performed for it, and is tested whole.
public struct PartialPopulationCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "EVID-PARTIAL-POPULATION", summary: "A control started operating well into the window (its file landed after the first period, or its first occurrence came after the second); only the periods after it started are tested.", severity: .low,
        triggering: [AuditExample([
            "controls/AC-02.md": "---\nid: AC-02\ntitle: New\ncriteria: [CC6.1]\nowner: alice\nfrequency: quarterly\n---\n",
            "evidence/AC-02/2026-09-30-review.md": "first",
        ], expecting: [ExpectedFinding("AC-02")])],
        nonTriggering: [AuditExample()])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        context.program.controls.compactMap { control in
            guard let population = context.populations[control.id.value], let started = population.startedOn else { return nil }
            return context.finding(self, subject: control.id.value, owner: control.owner?.value,
                                   message: "\(control.id.value) started operating on \(started); periods before it are not tested",
                                   evidence: [control.file])
        }
    }
}
