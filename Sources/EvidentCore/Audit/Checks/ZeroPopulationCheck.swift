/// An event-driven control had nothing to do in the window: reported, not failed.
public struct ZeroPopulationCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "EVID-ZERO-POPULATION", summary: "An event-driven control had no occurrence in a window that has ended (reported for the record).", severity: .info,
        triggering: [AuditExample([
            "controls/AC-02.md": "---\nid: AC-02\ntitle: Terminations\ncriteria: [CC6.2]\nowner: alice\nfrequency: event\n---\n",
            "evidence/AC-02/.gitkeep": "",
        ], clock: Day(year: 2027, month: 1, day: 10)!, expecting: [ExpectedFinding("AC-02")])],
        nonTriggering: [
            AuditExample([
                "controls/AC-02.md": "---\nid: AC-02\ntitle: Terminations\ncriteria: [CC6.2]\nowner: alice\nfrequency: event\n---\n",
                "evidence/AC-02/2026-05-02-leaver.md": "done",
            ], clock: Day(year: 2027, month: 1, day: 10)!),
            // While the window runs, an event may still come: nothing is reported yet.
            AuditExample([
                "controls/AC-02.md": "---\nid: AC-02\ntitle: Terminations\ncriteria: [CC6.2]\nowner: alice\nfrequency: event\n---\n",
                "evidence/AC-02/.gitkeep": "",
            ]),
        ])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        // Until the window ends, "no occurrence in the window" is not known yet.
        guard context.clock > context.window.end else { return [] }
        return context.program.controls.compactMap { control in
            guard control.frequency?.value == .event, let population = context.populations[control.id.value],
                  population.occurrences.isEmpty else { return nil }
            return context.finding(self, subject: control.id.value, owner: control.owner?.value,
                                   message: "\(control.id.value) had no occurrence in \(context.window); there was nothing to test",
                                   evidence: [control.evidence.value])
        }
    }
}
