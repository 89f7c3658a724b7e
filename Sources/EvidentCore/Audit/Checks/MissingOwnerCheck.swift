/// Every control and policy needs an owner who is one of the people.
public struct MissingOwnerCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "CTRL-NO-OWNER", summary: "A control or policy has no owner, or one who is not in people.", severity: .medium,
        triggering: [AuditExample(["controls/AC-01.md": ExampleProgram.base["controls/AC-01.md"]!.replacingOccurrences(of: "owner: alice", with: "owner: nobody")],
                                  expecting: [ExpectedFinding("AC-01")])],
        nonTriggering: [AuditExample()])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        let people = context.program.configuration.people
        let items = context.program.controls.filter(\.isActive).map { ($0.id.value, $0.owner?.value, $0.file) }
            + context.program.policies.filter(\.isActive).map { ($0.id.value, $0.owner?.value, $0.file) }
        return items.compactMap { id, owner, file in
            guard owner.map({ people[$0] == nil }) ?? true else { return nil }
            return context.finding(self, subject: id, owner: nil,
                                   message: owner.map { "\(id)'s owner '\($0)' is not one of the people" } ?? "\(id) has no owner", evidence: [file])
        }
    }
}
