/// Evidence is append-only: a change after landing undermines it. One finding per control,
/// listing the occurrences that changed.
public struct ModifiedEvidenceCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "EVID-MODIFIED-AFTER-LANDING",
        summary: "Occurrences were changed in the window after they landed (a file added back after its deletion is a change); one finding per control, listing them.",
        severity: .high,
        triggering: [
            AuditExample(modified: ["evidence/AC-01/2026-04-10-review.md": Day(year: 2026, month: 5, day: 2)!],
                         expecting: [ExpectedFinding("AC-01", items: ["evidence/AC-01/2026-04-10-review.md"])]),
            AuditExample(readded: ["evidence/AC-01/2026-04-10-review.md": (deleted: Day(year: 2026, month: 5, day: 1)!, added: Day(year: 2026, month: 5, day: 2)!)],
                         expecting: [ExpectedFinding("AC-01", items: ["evidence/AC-01/2026-04-10-review.md"])]),
            // Two occurrences changed: one finding that lists both.
            AuditExample(modified: ["evidence/AC-01/2026-04-10-review.md": Day(year: 2026, month: 5, day: 2)!,
                                    "evidence/AC-01/2026-07-08-review.md": Day(year: 2026, month: 8, day: 2)!],
                         expecting: [ExpectedFinding("AC-01", items: ["evidence/AC-01/2026-04-10-review.md", "evidence/AC-01/2026-07-08-review.md"])]),
        ],
        nonTriggering: [
            AuditExample(),
            // Changed in 2025: that is the 2025 cycle's finding, not this one's.
            AuditExample(["evidence/AC-01/2025-11-10-review.md": "x"], modified: ["evidence/AC-01/2025-11-10-review.md": Day(year: 2025, month: 12, day: 1)!]),
        ])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        context.program.controls.compactMap { control -> Finding? in
            // A change belongs to the cycle whose window it landed in, whatever period the
            // occurrence was for: the 2027 audit does not re-raise what the 2026 one found.
            let changes = (context.evidence[control.id.value] ?? []).flatMap { proof in
                proof.modifications.filter { context.window.contains($0.landed) }.map { (proof.occurrence, $0) }
            }
            guard !changes.isEmpty else { return nil }
            let id = control.id.value
            let paths = FindingText.unique(changes.map(\.0.path))
            let details = changes.map { occurrence, change in
                let what = change.isSidecar ? "\(occurrence.path) (its sidecar \(change.file))" : occurrence.path
                let verb = change.change == .added ? "was added again after it was deleted" : "was modified"
                return "\(what) \(verb) on \(change.landed) by \(change.author)"
            }
            return context.finding(self, subject: id, owner: control.owner?.value,
                                   message: "\(FindingText.count(paths.count, "occurrence")) of \(id) changed after landing: " + FindingText.list(details),
                                   evidence: changes.flatMap { [$0.0.path, $0.1.commit] }, items: paths)
        }
    }
}
