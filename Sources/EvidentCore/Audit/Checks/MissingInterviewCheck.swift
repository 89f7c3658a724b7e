/// Every control owner needs an interview note in the cycle's audit folder by the window's end.
public struct MissingInterviewCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "INTERVIEW-MISSING", summary: "A control owner has no interview note landed, and the window has ended (the notes are due by its last day).", severity: .low,
        triggering: [AuditExample(["audits/2026/interviews/alice.md": ""], clock: Day(year: 2027, month: 1, day: 10)!,
                                  expecting: [ExpectedFinding("alice")])],
        nonTriggering: [
            AuditExample(),
            // In November the interviews are not due yet: the window runs to 31 December.
            AuditExample(["audits/2026/interviews/alice.md": ""]),
        ])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        guard context.clock > context.cycle.interviewsDue else { return [] }
        return context.interviewees.compactMap { owner in
            guard !context.hasInterviewNote(for: owner) else { return nil }
            let path = context.interviewNote(for: owner)
            return context.finding(self, subject: owner, owner: owner,
                                   message: "no interview note \(path) has landed for control owner \(owner); the notes were due by \(context.cycle.interviewsDue)",
                                   evidence: [path])
        }
    }
}
