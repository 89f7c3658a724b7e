/// Evidence that landed and was later deleted.
public struct DeletedEvidenceCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "EVID-DELETED", summary: "An occurrence that landed on the mainline was deleted.", severity: .high,
        triggering: [AuditExample(["evidence/AC-01/2026-02-01-extra.md": "x"], deleted: ["evidence/AC-01/2026-02-01-extra.md": Day(year: 2026, month: 3, day: 1)!],
                                  expecting: [ExpectedFinding("AC-01")])],
        nonTriggering: [AuditExample()])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        let owners = Dictionary(context.program.controls.map { ($0.evidence.value, ($0.id.value, $0.owner?.value)) }) { first, _ in first }
        let root = context.program.configuration.layout.evidence + "/"
        return context.histories.values.sorted { $0.path < $1.path }.compactMap { history in
            guard history.path.hasPrefix(root), let deletion = history.events.last, deletion.change == .deleted else { return nil }
            let folder = root + (history.path.dropFirst(root.count).split(separator: "/").first.map(String.init) ?? "")
            let (subject, owner) = owners[folder] ?? (folder, nil)
            return context.finding(self, subject: subject, owner: owner,
                                   message: "\(history.path) was deleted on \(deletion.landed) by \(deletion.author)",
                                   evidence: [history.path, deletion.commit])
        }
    }
}
