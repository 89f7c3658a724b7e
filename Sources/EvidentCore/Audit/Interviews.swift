/// Interview notes: the internal auditor interviews each control owner about how their controls
/// operated over the window and commits a note of it, `<audits>/<cycle>/interviews/<owner>.md`.
extension AuditCycle {
    /// The day every owner's interview note is due: the end of the window. The interviews ask
    /// how the controls operated over the window, so they are held in its last weeks, and the
    /// notes are in before fieldwork. Before that day a missing note is not a finding.
    public var interviewsDue: Day { end }
}

extension AuditContext {
    /// The people to interview: the owners of the active controls, sorted.
    public var interviewees: [String] {
        Set(program.controls.filter(\.isActive).compactMap(\.owner?.value)).sorted()
    }

    /// Where `owner`'s interview note for the cycle goes, relative to the repository top.
    public func interviewNote(for owner: String) -> String {
        "\(program.configuration.layout.audits)/\(cycle.id)/interviews/\(owner).md"
    }

    /// Whether `owner`'s interview note had landed on the mainline by the clock.
    public func hasInterviewNote(for owner: String) -> Bool {
        histories[interviewNote(for: owner)]?.events.contains { $0.change == .added && $0.landed <= clock } == true
    }
}
