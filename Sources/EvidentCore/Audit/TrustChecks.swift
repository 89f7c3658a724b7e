// Checks that the history itself can be trusted, and that earlier findings were dealt with (SPEC §8, §9).

/// Evidence and policy changes must land in signed commits when the program requires it.
public struct UnsignedChangeCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "TRUST-UNSIGNED", summary: "Evidence or a policy landed in a commit without a verified signature although trust.require_signed is set.", severity: .high,
        triggering: [AuditExample(["evident.yaml": ExampleProgram.base["evident.yaml"]! + "trust: {require_signed: true}\n"])],
        nonTriggering: [AuditExample()])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        guard context.program.configuration.requireSigned else { return [] }
        let layout = context.program.configuration.layout
        let prefixes = [layout.evidence + "/", layout.policies + "/"]
        var seen: Set<String> = []
        return context.histories.values.sorted { $0.path < $1.path }.flatMap { history -> [Finding] in
            guard prefixes.contains(where: { history.path.hasPrefix($0) }) else { return [] }
            return history.events.filter { !$0.signed && context.window.contains($0.landed) && seen.insert($0.commit).inserted }.map { event in
                context.finding(self, subject: event.commit.prefix(10).description, owner: nil,
                                message: "commit \(event.commit.prefix(10)) landed \(history.path) on \(event.landed) without a signature that verifies",
                                evidence: [history.path, event.commit])
            }
        }
    }
}

/// A mainline commit dated before the commit that landed before it: clock skew or backdating.
public struct ClockSkewCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "TRUST-CLOCK-SKEW", summary: "A mainline commit is dated before the commit that precedes it.", severity: .medium,
        triggering: [AuditExample(clockSkews: [ClockSkew(commit: "b", landed: Day(year: 2026, month: 3, day: 1)!, previousCommit: "a", previousLanded: Day(year: 2026, month: 4, day: 1)!)])],
        nonTriggering: [AuditExample()])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        context.clockSkews.map { skew in
            context.finding(self, subject: String(skew.commit.prefix(10)), owner: nil,
                            message: "commit \(skew.commit.prefix(10)) is dated \(skew.landed), before \(skew.previousCommit.prefix(10)) which landed before it on \(skew.previousLanded)",
                            evidence: [skew.commit, skew.previousCommit])
        }
    }
}

/// A commit an earlier record audited is no longer on the mainline.
public struct HistoryRewrittenCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "TRUST-HISTORY-REWRITTEN", summary: "A previous record's audited commit is no longer an ancestor of the mainline.", severity: .high,
        triggering: [AuditExample(earlierRecords: [ExampleProgram.earlierRecord(cycle: "2025", onMainline: false)])],
        nonTriggering: [AuditExample(earlierRecords: [ExampleProgram.earlierRecord(cycle: "2025", onMainline: true)])])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        context.earlierRecords.filter { !$0.auditedCommitOnMainline }.map { earlier in
            context.finding(self, subject: earlier.record.cycle.id, owner: nil,
                            message: "\(earlier.path) audited commit \(earlier.record.auditedCommit.prefix(10)), which is no longer on the mainline: history was rewritten",
                            evidence: [earlier.path, earlier.record.auditedCommit])
        }
    }
}

/// Findings raised by an earlier run of this cycle that are past due and still found.
public struct OverdueFindingCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "FIND-OVERDUE", summary: "A finding from an earlier run of the cycle is past its due date and still open.", severity: .high,
        triggering: [AuditExample(["evidence/AC-01/2026-04-10-review.md": ""],
                                  earlierRecords: [ExampleProgram.earlierRecord(cycle: "2026", finding: ("EVID-MISSING-PERIOD", "AC-01"), due: "2026-10-01")])],
        nonTriggering: [AuditExample(earlierRecords: [ExampleProgram.earlierRecord(cycle: "2026", finding: ("EVID-MISSING-PERIOD", "AC-01"), due: "2026-10-01")])])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        let current = Set(Auditor.primaryFindings(context).map { "\($0.code)\u{0}\($0.subject)" })
        return context.earlierRecords.filter { $0.record.cycle.id == context.cycle.id }.flatMap(\.record.findings).compactMap { earlier in
            guard current.contains("\(earlier.code)\u{0}\(earlier.subject)"), let due = Day(earlier.due), due < context.clock else { return nil }
            return context.finding(self, subject: earlier.subject, owner: earlier.owner,
                                   message: "\(earlier.id) (\(earlier.code)) was due on \(due) and the history does not show it fixed",
                                   evidence: [earlier.id])
        }
    }
}

/// The same problem on the same control as in the previous cycle: fix it at the root.
public struct RecurringFindingCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "FIND-RECURRING", summary: "The same code on the same control was found in the previous cycle (a process or ownership problem).", severity: .medium,
        triggering: [AuditExample(["evidence/AC-01/2026-04-10-review.md": ""],
                                  earlierRecords: [ExampleProgram.earlierRecord(cycle: "2025", finding: ("EVID-MISSING-PERIOD", "AC-01"), due: "2026-01-18")])],
        nonTriggering: [AuditExample(earlierRecords: [ExampleProgram.earlierRecord(cycle: "2025", finding: ("EVID-MISSING-PERIOD", "AC-01"), due: "2026-01-18")])])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        let previousCycle = context.earlierRecords.filter { $0.record.cycle.id != context.cycle.id && $0.record.cycle.end < context.cycle.start.description }
            .max { $0.record.cycle.end < $1.record.cycle.end }
        guard let previousCycle else { return [] }
        let current = Auditor.primaryFindings(context)
        var seen: Set<String> = []
        return previousCycle.record.findings.compactMap { earlier in
            guard current.contains(where: { $0.code == earlier.code && $0.subject == earlier.subject }),
                  seen.insert("\(earlier.code)\u{0}\(earlier.subject)").inserted else { return nil }
            return context.finding(self, subject: earlier.subject, owner: earlier.owner,
                                   message: "\(earlier.code) on \(earlier.subject) was also found in cycle \(previousCycle.record.cycle.id) (\(earlier.id)): look for the cause in the process or its ownership",
                                   evidence: [previousCycle.path, earlier.id])
        }
    }
}

extension ExampleProgram {
    /// A committed record of `cycle` with at most one finding.
    static func earlierRecord(cycle: String, onMainline: Bool = true, finding: (code: String, subject: String)? = nil, due: String = "2026-01-18") -> EarlierRecord {
        let findings = finding.map { [AuditRecord.Finding(id: "F-000000000001", code: $0.code, severity: .high, subject: $0.subject, owner: "alice",
                                                           due: due, status: .open, message: "earlier", evidence: ["x"], period: nil)] } ?? []
        let year = Int(cycle) ?? 2025
        let record = AuditRecord(tool: "evident", organization: nil, system: nil,
                                 cycle: .init(id: cycle, type: 2, start: "\(year)-01-01", end: "\(year)-12-31", fieldwork: nil),
                                 auditedCommit: String(repeating: "c", count: 40), clock: "\(year)-12-01", categories: ["security"],
                                 criteria: [], controls: [], policies: [], findings: findings, followUp: [], tester: nil, previous: nil)
        return EarlierRecord(path: "audits/\(cycle)/record.json", record: record, auditedCommitOnMainline: onMainline)
    }
}
