/// Evidence is append-only: a change after landing undermines it.
public struct ModifiedEvidenceCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "EVID-MODIFIED-AFTER-LANDING", summary: "An occurrence was changed in the window after it landed (a file added back after its deletion is a change).", severity: .high,
        triggering: [
            AuditExample(modified: ["evidence/AC-01/2026-04-10-review.md": Day(year: 2026, month: 5, day: 2)!],
                         expecting: [ExpectedFinding("AC-01")]),
            AuditExample(readded: ["evidence/AC-01/2026-04-10-review.md": (deleted: Day(year: 2026, month: 5, day: 1)!, added: Day(year: 2026, month: 5, day: 2)!)],
                         expecting: [ExpectedFinding("AC-01")]),
        ],
        nonTriggering: [
            AuditExample(),
            // Changed in 2025: that is the 2025 cycle's finding, not this one's.
            AuditExample(["evidence/AC-01/2025-11-10-review.md": "x"], modified: ["evidence/AC-01/2025-11-10-review.md": Day(year: 2025, month: 12, day: 1)!]),
        ])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        context.program.controls.flatMap { control in
            (context.evidence[control.id.value] ?? []).flatMap { proof in
                // A change belongs to the cycle whose window it landed in, whatever period the
                // occurrence was for: the 2027 audit does not re-raise what the 2026 one found.
                proof.modifications.filter { context.window.contains($0.landed) }.map { change in
                    let what = change.isSidecar ? "\(proof.occurrence.path) (its sidecar \(change.file))" : proof.occurrence.path
                    let verb = change.change == .added ? "was added again" : "was modified"
                    return context.finding(self, subject: control.id.value, owner: control.owner?.value,
                                           message: "\(what) \(verb) on \(change.landed) by \(change.author), after it landed"
                                               + (change.change == .added ? " and was deleted" : ""),
                                           evidence: [proof.occurrence.path, change.commit])
                }
            }
        }
    }
}
