/// Evidence and policy changes must land in signed commits when the program requires it. One
/// finding per cycle (its id the subject), listing the commits: setting up signing fixes them all.
public struct UnsignedChangeCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "TRUST-UNSIGNED",
        summary: "Evidence or a policy landed in commits without a verified signature although trust.require_signed is set; one finding per cycle, listing the commits.",
        severity: .high,
        // The example's commits are `add:<path>`, one per evidence file.
        triggering: [AuditExample(["evident.yaml": ExampleProgram.base["evident.yaml"]! + "trust: {require_signed: true}\n"],
                                  expecting: [ExpectedFinding("2026", items: ["add:evidence/AC-01/2026-01-15-review.md", "add:evidence/AC-01/2026-04-10-review.md",
                                                                              "add:evidence/AC-01/2026-07-08-review.md"])])],
        nonTriggering: [AuditExample()])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        guard context.program.configuration.requireSigned else { return [] }
        let layout = context.program.configuration.layout
        let prefixes = [layout.evidence + "/", layout.policies + "/"]
        // Each unsigned commit with the paths it landed, in the order the histories give them.
        var commits: [String] = []
        var landed: [String: (day: Day, paths: [String])] = [:]
        for history in context.histories.values where prefixes.contains(where: { history.path.hasBytePrefix($0) }) {
            for event in history.events where !event.signed && context.window.contains(event.landed) {
                if landed[event.commit] == nil { commits.append(event.commit) }
                landed[event.commit, default: (event.landed, [])].paths.append(history.path)
            }
        }
        guard !commits.isEmpty else { return [] }
        commits.sort { (landed[$0]!.day, $0) < (landed[$1]!.day, $1) }
        let details = commits.map { commit in
            let paths = landed[commit]!.paths
            return "\(commit.prefix(10)) on \(landed[commit]!.day) (\(paths[0])" + (paths.count > 1 ? " and \(paths.count - 1) more)" : ")")
        }
        return [context.finding(self, subject: context.cycle.id, owner: nil,
                                message: "\(FindingText.count(commits.count, "commit")) landed evidence or policies without a signature that verifies: "
                                    + FindingText.list(details),
                                evidence: commits.flatMap { [landed[$0]!.paths[0], $0] }, items: commits)]
    }
}
