/// Evidence is append-only: a change after landing undermines it.
public struct ModifiedEvidenceCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "EVID-MODIFIED-AFTER-LANDING", summary: "An occurrence was changed after it landed on the mainline.", severity: .high,
        triggering: [AuditExample(modified: ["evidence/AC-01/2026-04-10-review.md": Day(year: 2026, month: 5, day: 2)!],
                                  expecting: [ExpectedFinding("AC-01")])],
        nonTriggering: [AuditExample()])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        context.program.controls.flatMap { control in
            (context.evidence[control.id.value] ?? []).flatMap { proof in
                proof.modifications.map { change in
                    context.finding(self, subject: control.id.value, owner: control.owner?.value,
                                    message: "\(proof.occurrence.path) was modified on \(change.landed) by \(change.author), after it landed",
                                    evidence: [proof.occurrence.path, change.commit])
                }
            }
        }
    }
}
