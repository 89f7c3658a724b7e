/// The date an occurrence claims should be close to, and never after, when it landed. One
/// finding per control, listing the occurrences.
///
/// An occurrence that is late, or a backfill of a missing period, claims a day long before it
/// landed because it came late; the late or missing period is the finding, and this check
/// leaves it out (`FindingConsequences`). One that claims a day after it landed is still raised.
public struct ClaimMismatchCheck: AuditCheck {
    public static let maximumDelay = 45

    public static let description = CheckDescription(
        code: "EVID-CLAIM-MISMATCH",
        summary: "Occurrences claim a date after they landed, or more than 45 days before it without being late; one finding per control, listing them.",
        severity: .medium,
        triggering: [
            AuditExample(landed: ["evidence/AC-01/2026-04-10-review.md": Day(year: 2026, month: 4, day: 1)!],
                         expecting: [ExpectedFinding("AC-01", items: ["evidence/AC-01/2026-04-10-review.md"])]),
            AuditExample(landed: ["evidence/AC-01/2026-04-10-review.md": Day(year: 2026, month: 6, day: 30)!],
                         expecting: [ExpectedFinding("AC-01", items: ["evidence/AC-01/2026-04-10-review.md"])]),
            // Two occurrences: one finding that lists both.
            AuditExample(landed: ["evidence/AC-01/2026-04-10-review.md": Day(year: 2026, month: 4, day: 1)!,
                                  "evidence/AC-01/2026-07-08-review.md": Day(year: 2026, month: 7, day: 1)!],
                         expecting: [ExpectedFinding("AC-01", items: ["evidence/AC-01/2026-04-10-review.md", "evidence/AC-01/2026-07-08-review.md"])]),
        ],
        nonTriggering: [
            AuditExample(landed: ["evidence/AC-01/2026-04-10-review.md": Day(year: 2026, month: 5, day: 20)!]),
            // A 2025 occurrence is the 2025 cycle's to judge.
            AuditExample(["evidence/AC-01/2025-06-01-review.md": "x"], landed: ["evidence/AC-01/2025-06-01-review.md": Day(year: 2025, month: 9, day: 1)!]),
            // Late (after 14 July) and backfilled (after 14 October): EVID-LATE and EVID-MISSING-PERIOD say so.
            AuditExample(landed: ["evidence/AC-01/2026-04-10-review.md": Day(year: 2026, month: 7, day: 30)!]),
            AuditExample(landed: ["evidence/AC-01/2026-04-10-review.md": Day(year: 2026, month: 10, day: 20)!]),
        ])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        context.program.controls.compactMap { control -> Finding? in
            let id = control.id.value
            // The occurrences that came late: those of late periods and the backfills of missing ones.
            let cameLate = Set((context.populations[id]?.periods ?? []).filter { $0.state == .late || $0.state == .missing }
                .flatMap(\.occurrences).map(\.exactPath))
            let mismatches = (context.evidence[id] ?? []).compactMap { proof -> (ProvenOccurrence, String)? in
                // Only occurrences that claim or cover a day of the window are this cycle's.
                guard proof.occurrence.span.overlaps(context.window),
                      let delay = proof.claimToLanding, let landed = proof.occurrence.landed else { return nil }
                if delay < 0 {
                    return (proof.occurrence, "\(proof.occurrence.path) claims \(proof.occurrence.claimed) but landed earlier, on \(landed)")
                }
                guard delay > Self.maximumDelay, !cameLate.contains(proof.occurrence.exactPath) else { return nil }
                return (proof.occurrence, "\(proof.occurrence.path) claims \(proof.occurrence.claimed) but landed \(delay) days later, on \(landed)")
            }
            guard !mismatches.isEmpty else { return nil }
            return context.finding(self, subject: id, owner: control.owner?.value,
                                   message: "\(FindingText.count(mismatches.count, "occurrence")) of \(id) \(mismatches.count == 1 ? "claims" : "claim") a date far from its landing: "
                                       + FindingText.list(mismatches.map(\.1)),
                                   evidence: mismatches.flatMap { [$0.0.path] + ($0.0.landingCommit.map { [$0] } ?? []) },
                                   items: mismatches.map(\.0.path))
        }
    }
}
