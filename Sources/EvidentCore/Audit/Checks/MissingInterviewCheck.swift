/// Every control owner needs an interview note in the cycle's audit folder.
public struct MissingInterviewCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "INTERVIEW-MISSING", summary: "A control owner has no interview note landed in the cycle.", severity: .low,
        triggering: [AuditExample(["audits/2026/interviews/alice.md": ""], expecting: [ExpectedFinding("alice")])],
        nonTriggering: [AuditExample()])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        let owners = Set(context.program.controls.filter(\.isActive).compactMap(\.owner?.value)).sorted()
        return owners.compactMap { owner in
            let path = "\(context.program.configuration.layout.audits)/\(context.cycle.id)/interviews/\(owner).md"
            let landed = context.histories[path]?.events.contains { $0.change == .added && $0.landed <= context.clock } == true
            guard !landed else { return nil }
            return context.finding(self, subject: owner, owner: owner, message: "no interview note \(path) has landed for control owner \(owner)", evidence: [path])
        }
    }
}
