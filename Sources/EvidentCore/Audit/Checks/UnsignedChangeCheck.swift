/// Evidence and policy changes must land in signed commits when the program requires it.
public struct UnsignedChangeCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "TRUST-UNSIGNED", summary: "Evidence or a policy landed in a commit without a verified signature although trust.require_signed is set.", severity: .high,
        // One finding per unsigned commit, named by its first ten characters: the example's commits
        // are `add:<path>`, so all three read add:eviden.
        triggering: [AuditExample(["evident.yaml": ExampleProgram.base["evident.yaml"]! + "trust: {require_signed: true}\n"],
                                  expecting: [ExpectedFinding("add:eviden"), ExpectedFinding("add:eviden"), ExpectedFinding("add:eviden")])],
        nonTriggering: [AuditExample()])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        guard context.program.configuration.requireSigned else { return [] }
        let layout = context.program.configuration.layout
        let prefixes = [layout.evidence + "/", layout.policies + "/"]
        var seen: Set<String> = []
        return context.histories.values.flatMap { history -> [Finding] in
            guard prefixes.contains(where: { history.path.hasBytePrefix($0) }) else { return [] }
            return history.events.filter { !$0.signed && context.window.contains($0.landed) && seen.insert($0.commit).inserted }.map { event in
                context.finding(self, subject: event.commit.prefix(10).description, owner: nil,
                                message: "commit \(event.commit.prefix(10)) landed \(history.path) on \(event.landed) without a signature that verifies",
                                evidence: [history.path, event.commit])
            }
        }
    }
}
