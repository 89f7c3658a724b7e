/// Evidence that landed and was later deleted.
public struct DeletedEvidenceCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "EVID-DELETED", summary: "An occurrence that landed on the mainline was deleted.", severity: .high,
        triggering: [AuditExample(["evidence/AC-01/2026-02-01-extra.md": "x"], deleted: ["evidence/AC-01/2026-02-01-extra.md": Day(year: 2026, month: 3, day: 1)!],
                                  expecting: [ExpectedFinding("AC-01")])],
        nonTriggering: [AuditExample()])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        // By the folder's bytes: the evidence folder of a control is the one its file names, byte for byte.
        let owners = Dictionary(context.program.controls.map { (ExactPath($0.evidence.value), ($0.id.value, $0.owner?.value)) }) { first, _ in first }
        let root = ExactPath(context.program.configuration.layout.evidence + "/").bytes
        let slash = UInt8(ascii: "/")
        return context.histories.values.compactMap { history in
            guard history.exactPath.bytes.starts(with: root), let deletion = history.events.last, deletion.change == .deleted else { return nil }
            let relative = history.exactPath.bytes.dropFirst(root.count)
            let folder = ExactPath(bytes: root + relative.prefix { $0 != slash })
            let (subject, owner) = owners[folder] ?? (folder.description, nil)
            return context.finding(self, subject: subject, owner: owner,
                                   message: "\(history.path) was deleted on \(deletion.landed) by \(deletion.author)",
                                   evidence: [history.path, deletion.commit])
        }
    }
}
