/// Evidence that landed and was later deleted.
public struct DeletedEvidenceCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "EVID-DELETED", summary: "An occurrence that landed on the mainline was deleted in the window (even if it was added again later).", severity: .high,
        triggering: [
            AuditExample(["evidence/AC-01/2026-02-01-extra.md": "x"], deleted: ["evidence/AC-01/2026-02-01-extra.md": Day(year: 2026, month: 3, day: 1)!],
                         expecting: [ExpectedFinding("AC-01")]),
            // Deleted and added back: the file is there again, but the deletion stays a finding.
            AuditExample(readded: ["evidence/AC-01/2026-04-10-review.md": (deleted: Day(year: 2026, month: 5, day: 1)!, added: Day(year: 2026, month: 5, day: 2)!)],
                         expecting: [ExpectedFinding("AC-01")]),
        ],
        nonTriggering: [
            AuditExample(),
            // Deleted in 2025: that is the 2025 cycle's finding, not this one's.
            AuditExample(["evidence/AC-01/2025-11-10-review.md": "x"], deleted: ["evidence/AC-01/2025-11-10-review.md": Day(year: 2025, month: 12, day: 1)!]),
        ])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        let owners = Dictionary(context.program.controls.map { (ExactPath($0.evidence.value), ($0.id.value, $0.owner?.value)) }) { first, _ in first }
        let root = ExactPath(context.program.configuration.layout.evidence + "/").bytes
        let slash = UInt8(ascii: "/")
        return context.histories.values.flatMap { history -> [Finding] in
            guard history.exactPath.bytes.starts(with: root) else { return [] }
            let relative = history.exactPath.bytes.dropFirst(root.count)
            let folder = ExactPath(bytes: root + relative.prefix { $0 != slash })
            let (subject, owner) = owners[folder] ?? (folder.description, nil)
            // Every deletion counts, not only the last event: evidence is append-only, and adding
            // a file back does not undo its deletion. A deletion belongs to the cycle whose window
            // it landed in, whatever period the evidence was for.
            return history.events.filter { $0.change == .deleted && context.window.contains($0.landed) }.map { deletion in
                context.finding(self, subject: subject, owner: owner,
                                message: "\(history.path) was deleted on \(deletion.landed) by \(deletion.author)",
                                evidence: [history.path, deletion.commit])
            }
        }
    }
}
