/// Evidence that landed and was later deleted: one finding per control (or per evidence
/// folder no control names), listing the deleted occurrences.
public struct DeletedEvidenceCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "EVID-DELETED",
        summary: "Occurrences that landed on the mainline were deleted in the window (even if added again later); one finding per control, listing them.",
        severity: .high,
        triggering: [
            AuditExample(["evidence/AC-01/2026-02-01-extra.md": "x"], deleted: ["evidence/AC-01/2026-02-01-extra.md": Day(year: 2026, month: 3, day: 1)!],
                         expecting: [ExpectedFinding("AC-01", items: ["evidence/AC-01/2026-02-01-extra.md"])]),
            // Deleted and added back: the file is there again, but the deletion stays a finding.
            AuditExample(readded: ["evidence/AC-01/2026-04-10-review.md": (deleted: Day(year: 2026, month: 5, day: 1)!, added: Day(year: 2026, month: 5, day: 2)!)],
                         expecting: [ExpectedFinding("AC-01", items: ["evidence/AC-01/2026-04-10-review.md"])]),
            // Two deleted: one finding that lists both.
            AuditExample(["evidence/AC-01/2026-02-01-extra.md": "x", "evidence/AC-01/2026-02-02-extra.md": "y"],
                         deleted: ["evidence/AC-01/2026-02-01-extra.md": Day(year: 2026, month: 3, day: 1)!,
                                   "evidence/AC-01/2026-02-02-extra.md": Day(year: 2026, month: 3, day: 2)!],
                         expecting: [ExpectedFinding("AC-01", items: ["evidence/AC-01/2026-02-01-extra.md", "evidence/AC-01/2026-02-02-extra.md"])]),
        ],
        nonTriggering: [
            AuditExample(),
            // Deleted in 2025: that is the 2025 cycle's finding, not this one's.
            AuditExample(["evidence/AC-01/2025-11-10-review.md": "x"], deleted: ["evidence/AC-01/2025-11-10-review.md": Day(year: 2025, month: 12, day: 1)!]),
        ])

    public init() {}

    /// One deletion of one path.
    private struct Deletion {
        var path: String
        var event: PathHistory.Event
    }

    public func findings(_ context: AuditContext) -> [Finding] {
        let owners = Dictionary(context.program.controls.map { (ExactPath($0.evidence.value), ($0.id.value, $0.owner?.value)) }) { first, _ in first }
        let root = ExactPath(context.program.configuration.layout.evidence + "/").bytes
        let slash = UInt8(ascii: "/")
        var bySubject: [String: (owner: String?, deletions: [Deletion])] = [:]
        for history in context.histories.values where history.exactPath.bytes.starts(with: root) {
            let relative = history.exactPath.bytes.dropFirst(root.count)
            let folder = ExactPath(bytes: root + relative.prefix { $0 != slash })
            let (subject, owner) = owners[folder] ?? (folder.description, nil)
            // Every deletion counts, not only the last event: evidence is append-only, and adding
            // a file back does not undo its deletion. A deletion belongs to the cycle whose window
            // it landed in, whatever period the evidence was for.
            let deletions = history.events.filter { $0.change == .deleted && context.window.contains($0.landed) }
            guard !deletions.isEmpty else { continue }
            bySubject[subject, default: (owner, [])].deletions += deletions.map { Deletion(path: history.path, event: $0) }
        }
        return bySubject.keys.sorted().map { subject in
            let (owner, found) = bySubject[subject]!
            let deletions = found.sorted { ($0.event.landed, $0.path) < ($1.event.landed, $1.path) }
            let paths = FindingText.unique(deletions.map(\.path))
            return context.finding(self, subject: subject, owner: owner,
                                   message: "\(FindingText.count(paths.count, "occurrence")) of \(subject) deleted: "
                                       + FindingText.list(deletions.map { "\($0.path) on \($0.event.landed) by \($0.event.author)" }),
                                   evidence: deletions.flatMap { [$0.path, $0.event.commit] }, items: paths)
        }
    }
}
