/// The date an occurrence claims should be close to, and never after, when it landed.
public struct ClaimMismatchCheck: AuditCheck {
    public static let maximumDelay = 45

    public static let description = CheckDescription(
        code: "EVID-CLAIM-MISMATCH", summary: "An occurrence claims a date after it landed, or more than 45 days before it.", severity: .medium,
        triggering: [
            AuditExample(landed: ["evidence/AC-01/2026-04-10-review.md": Day(year: 2026, month: 4, day: 1)!], expecting: [ExpectedFinding("AC-01")]),
            AuditExample(landed: ["evidence/AC-01/2026-04-10-review.md": Day(year: 2026, month: 6, day: 30)!], expecting: [ExpectedFinding("AC-01")]),
        ],
        nonTriggering: [
            AuditExample(landed: ["evidence/AC-01/2026-04-10-review.md": Day(year: 2026, month: 5, day: 20)!]),
            // A 2025 occurrence is the 2025 cycle's to judge.
            AuditExample(["evidence/AC-01/2025-06-01-review.md": "x"], landed: ["evidence/AC-01/2025-06-01-review.md": Day(year: 2025, month: 9, day: 1)!]),
        ])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        context.program.controls.flatMap { control in
            (context.evidence[control.id.value] ?? []).compactMap { proof -> Finding? in
                // Only occurrences that claim or cover a day of the window are this cycle's.
                guard proof.occurrence.span.overlaps(context.window),
                      let delay = proof.claimToLanding, let landed = proof.occurrence.landed else { return nil }
                let problem: String
                if delay < 0 {
                    problem = "claims \(proof.occurrence.claimed) but landed earlier, on \(landed)"
                } else if delay > Self.maximumDelay {
                    problem = "claims \(proof.occurrence.claimed) but landed \(delay) days later, on \(landed)"
                } else {
                    return nil
                }
                return context.finding(self, subject: control.id.value, owner: control.owner?.value,
                                       message: "\(proof.occurrence.path) \(problem)",
                                       evidence: [proof.occurrence.path] + (proof.occurrence.landingCommit.map { [$0] } ?? []))
            }
        }
    }
}
