// Checks of the evidence a control produced over the cycle (SPEC §7, §9).

/// A period of a periodic control closed with no occurrence.
public struct MissingPeriodCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "EVID-MISSING-PERIOD", summary: "A closed period of a periodic control has no occurrence on the mainline.", severity: .high,
        triggering: [AuditExample(["evidence/AC-01/2026-04-10-review.md": ""])],
        nonTriggering: [AuditExample()])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        context.program.controls.flatMap { control -> [Finding] in
            guard let population = context.populations[control.id.value] else { return [] }
            return population.periods.filter { $0.state == .missing }.map { period in
                context.finding(self, subject: control.id.value, owner: control.owner?.value,
                                message: "no evidence of \(control.id.value) for \(period.period) landed by \(period.period.end.adding(days: control.graceDays))",
                                evidence: [control.evidence.value], period: period.period)
            }
        }
    }
}

/// An occurrence landed after its period's end plus the grace days.
public struct LateEvidenceCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "EVID-LATE", summary: "An occurrence landed after its period's end plus grace_days.", severity: .medium,
        triggering: [AuditExample(landed: ["evidence/AC-01/2026-04-10-review.md": Day(year: 2026, month: 7, day: 20)!])],
        nonTriggering: [AuditExample(landed: ["evidence/AC-01/2026-04-10-review.md": Day(year: 2026, month: 7, day: 14)!])])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        context.program.controls.flatMap { control -> [Finding] in
            guard let population = context.populations[control.id.value] else { return [] }
            return population.periods.flatMap { period in
                period.occurrences.compactMap { occurrence -> Finding? in
                    guard let landed = occurrence.landed, landed > period.period.end.adding(days: control.graceDays) else { return nil }
                    return context.finding(self, subject: control.id.value, owner: control.owner?.value,
                                           message: "\(occurrence.path) for \(period.period) landed on \(landed), after the grace days ended on \(period.period.end.adding(days: control.graceDays))",
                                           evidence: [occurrence.path] + (occurrence.landingCommit.map { [$0] } ?? []), period: period.period)
                }
            }
        }
    }
}

/// The control started operating during the window, so only part of it can be tested.
public struct PartialPopulationCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "EVID-PARTIAL-POPULATION", summary: "A control started operating during the window; only the periods after it started are tested.", severity: .low,
        triggering: [AuditExample([
            "controls/AC-02.md": "---\nid: AC-02\ntitle: New\ncriteria: [CC6.1]\nowner: alice\nfrequency: quarterly\n---\n",
            "evidence/AC-02/2026-09-30-review.md": "first",
        ])],
        nonTriggering: [AuditExample()])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        context.program.controls.compactMap { control in
            guard let population = context.populations[control.id.value], let started = population.startedOn else { return nil }
            return context.finding(self, subject: control.id.value, owner: control.owner?.value,
                                   message: "\(control.id.value) started operating on \(started); periods before it are not tested",
                                   evidence: [control.file])
        }
    }
}

/// An event-driven control had nothing to do in the window: reported, not failed.
public struct ZeroPopulationCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "EVID-ZERO-POPULATION", summary: "An event-driven control had no occurrence in the window (reported for the record).", severity: .info,
        triggering: [AuditExample([
            "controls/AC-02.md": "---\nid: AC-02\ntitle: Terminations\ncriteria: [CC6.2]\nowner: alice\nfrequency: event\n---\n",
            "evidence/AC-02/.gitkeep": "",
        ])],
        nonTriggering: [AuditExample([
            "controls/AC-02.md": "---\nid: AC-02\ntitle: Terminations\ncriteria: [CC6.2]\nowner: alice\nfrequency: event\n---\n",
            "evidence/AC-02/2026-05-02-leaver.md": "done",
        ])])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        context.program.controls.compactMap { control in
            guard control.frequency?.value == .event, let population = context.populations[control.id.value],
                  population.occurrences.isEmpty else { return nil }
            return context.finding(self, subject: control.id.value, owner: control.owner?.value,
                                   message: "\(control.id.value) had no occurrence in \(context.window); there was nothing to test",
                                   evidence: [control.evidence.value])
        }
    }
}

/// Evidence is append-only: a change after landing undermines it.
public struct ModifiedEvidenceCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "EVID-MODIFIED-AFTER-LANDING", summary: "An occurrence was changed after it landed on the mainline.", severity: .high,
        triggering: [AuditExample(modified: ["evidence/AC-01/2026-04-10-review.md": Day(year: 2026, month: 5, day: 2)!])],
        nonTriggering: [AuditExample()])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        context.program.controls.flatMap { control in
            (context.evidence[control.id.value] ?? []).flatMap { proof in
                proof.modifications.map { change in
                    context.finding(self, subject: control.id.value, owner: control.owner?.value,
                                    message: "\(proof.occurrence.path) was modified on \(change.landed) by \(change.author), after it landed",
                                    evidence: [proof.occurrence.path, change.commit])
                }
            }
        }
    }
}

/// Evidence that landed and was later deleted.
public struct DeletedEvidenceCheck: AuditCheck {
    public static let description = CheckDescription(
        code: "EVID-DELETED", summary: "An occurrence that landed on the mainline was deleted.", severity: .high,
        triggering: [AuditExample(["evidence/AC-01/2026-02-01-extra.md": "x"], deleted: ["evidence/AC-01/2026-02-01-extra.md": Day(year: 2026, month: 3, day: 1)!])],
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

/// The date an occurrence claims should be close to, and never after, when it landed.
public struct ClaimMismatchCheck: AuditCheck {
    public static let maximumDelay = 45

    public static let description = CheckDescription(
        code: "EVID-CLAIM-MISMATCH", summary: "An occurrence claims a date after it landed, or more than 45 days before it.", severity: .medium,
        triggering: [
            AuditExample(landed: ["evidence/AC-01/2026-04-10-review.md": Day(year: 2026, month: 4, day: 1)!]),
            AuditExample(landed: ["evidence/AC-01/2026-04-10-review.md": Day(year: 2026, month: 6, day: 30)!]),
        ],
        nonTriggering: [AuditExample(landed: ["evidence/AC-01/2026-04-10-review.md": Day(year: 2026, month: 5, day: 20)!])])

    public init() {}

    public func findings(_ context: AuditContext) -> [Finding] {
        context.program.controls.flatMap { control in
            (context.evidence[control.id.value] ?? []).compactMap { proof -> Finding? in
                guard let delay = proof.claimToLanding, let landed = proof.occurrence.landed else { return nil }
                let problem: String
                if delay < 0 {
                    problem = "claims \(proof.occurrence.claimed) but landed earlier, on \(landed)"
                } else if delay > Self.maximumDelay {
                    problem = "claims \(proof.occurrence.claimed) but landed \(delay) days later, on \(landed)"
                } else {
                    return nil
                }
                return context.finding(self, subject: control.id.value, owner: control.owner?.value,
                                       message: "\(proof.occurrence.path) \(problem)",
                                       evidence: [proof.occurrence.path] + (proof.occurrence.landingCommit.map { [$0] } ?? []))
            }
        }
    }
}
