import EvidentCore

/// `audits/<cycle>/record.md`: the record for people, in the order report.html reads: the
/// summary and what is due, the controls and their timelines, the findings by severity and
/// subject, then the samples with the tester's conclusions, the interviews, the policies and
/// the criteria coverage. Every string of the record is written through `MarkdownText`, as
/// running text or as a code span; the markup around them is Evident's.
public struct RecordMarkdownRenderer: TextDocumentRenderer {
    public typealias Document = AuditRecord

    public init() {}

    private func cell(_ text: String) -> String { MarkdownText.inline(text) }
    private func code(_ text: String) -> String { MarkdownText.code(text, in: .tableCell) }
    private func plural(_ count: Int, _ one: String, _ many: String) -> String { "\(count) \(count == 1 ? one : many)" }

    public func text(_ record: AuditRecord) -> String {
        let overview = RecordOverview(record)
        var out = "# Internal audit record — cycle \(cell(record.cycle.id))\n\n"
        out += "> \(AuditRecord.statement)\n\n"
        out += summary(overview)
        out += controls(overview)
        out += findings(overview)
        out += followUp(record)
        out += samples(overview)
        out += interviews(overview)
        out += policies(record)
        out += coverage(record)
        return out
    }

    // MARK: Summary

    private func summary(_ overview: RecordOverview) -> String {
        let record = overview.record
        var out = "## Summary\n\n"
        out += "- **Controls: \(record.controls.count)** — " + overview.results.map { "\($0.count) \(RecordSummaryRenderer.label($0.result))" }.joined(separator: ", ") + "\n"
        out += "- **Findings: \(record.findings.count)** — " + overview.severities.map { "\($0.count) \($0.severity.rawValue)" }.joined(separator: ", ")
        out += "; \(overview.overdueFindings) past their due date\n"
        out += "- **Window** \(cell(record.cycle.start))…\(cell(record.cycle.end)) (type \(record.cycle.type)), fieldwork \(cell(record.cycle.fieldwork ?? "not set"))"
        out += ", clock \(cell(record.clock)), audited commit \(MarkdownText.code(String(record.auditedCommit.prefix(12))))\n"
        if record.due == nil {
            out += "- **Due**: \(overview.notRecorded)\n"
        } else {
            let items = overview.dueItems
            let overdue = items.filter { $0.status == .overdue }.count
            out += "- **Due in \(plural(record.dueWithin ?? 0, "day", "days")): \(items.count)** — \(overdue) overdue, still counted; \(items.count - overdue) upcoming\n"
        }
        out += "\n" + due(overview)
        out += "### Scope and sources\n\n| | |\n|---|---|\n"
        let facts: [(String, String)] = [
            ("Organization", cell(record.organization ?? "not set")), ("System", cell(record.system ?? "not set")),
            ("Categories", cell(record.categories.joined(separator: ", "))), ("Tester", cell(record.tester ?? "not named")),
            ("Tool", cell(record.tool)), ("Audited commit", code(record.auditedCommit)),
            ("Previous record (sha-256)", record.previous.map(code) ?? "none"),
        ]
        for (label, value) in facts { out += "| \(label) | \(value) |\n" }
        return out + "\n"
    }

    private func due(_ overview: RecordOverview) -> String {
        var out = "### What is due from \(cell(overview.dueSpan))\n\n"
        guard overview.record.due != nil else { return out + "\(overview.notRecorded)\n\n" }
        if overview.dueItems.isEmpty { return out + "Nothing is due.\n\n" }
        for status in DueItem.Status.allCases {
            let owners = overview.dueRuns(status)
            guard !owners.isEmpty else { continue }
            out += "**\(DueLines.heading(status))**\n\n"
            out += status == .overdue ? "| owner | due | what | land in | note |\n|---|---|---|---|---|\n" : "| owner | due | what | land in |\n|---|---|---|---|\n"
            for (owner, runs) in owners {
                let who = owner.map { key in cell(key) + (overview.name(of: key).map { " (\(cell($0)))" } ?? "") } ?? "No owner"
                for run in runs {
                    let line = DueLines.line(run, values: cell, paths: code)
                    var cells = [who, line.deadline, line.what, line.path]
                    if status == .overdue { cells.append(line.note ?? "") }
                    out += "| " + cells.joined(separator: " | ") + " |\n"
                }
            }
            out += "\n"
        }
        return out
    }

    // MARK: Controls

    private func controls(_ overview: RecordOverview) -> String {
        var out = "## Controls\n\n| control | owner | frequency | conclusion | rule | sample |\n|---|---|---|---|---|---|\n"
        for control in overview.record.controls {
            out += "| \(code(control.id)) \(cell(control.title ?? "")) | \(cell(control.owner ?? "—")) | \(control.frequency?.rawValue ?? "—") | "
            out += "\(RecordSummaryRenderer.label(control.result)) | \(cell(control.conclusion ?? "—")) | \(control.sample.size) of \(control.sample.population) |\n"
        }
        out += "\n### Timelines\n\n"
        out += "Each period: " + PeriodResult.State.allCases.map { "\(Self.symbol($0)) \(RecordSummaryRenderer.label($0))" }.joined(separator: ", ") + ".\n\n"
        for control in overview.record.controls {
            out += timeline(ControlTimeline(control))
        }
        // A backfilled period reads as missing above; say what came after the fact, and when.
        let backfilled = overview.record.controls.flatMap { control in
            control.periods.compactMap { period in
                period.backfilled.map { "- \(cell(control.id)), \(cell(period.start)) to \(cell(period.end)): missing, backfilled on \(cell($0)) ("
                    + period.occurrences.map { MarkdownText.code($0.path) }.joined(separator: ", ") + ")\n" }
            }
        }
        if !backfilled.isEmpty { out += "\nBackfilled periods (still missing):\n\n" + backfilled.joined() }
        return out + "\n"
    }

    /// A control's timeline as a line of symbols; a daily or weekly control's as a line a month
    /// under it (by the month each period starts in).
    private func timeline(_ timeline: ControlTimeline) -> String {
        let control = timeline.control
        var out = "- \(MarkdownText.code(control.id)) (\(control.frequency?.rawValue ?? "no frequency")): \(cell(timeline.counts))"
        let frequency = control.frequency
        if frequency == .daily || frequency == .weekly, timeline.cells.allSatisfy({ $0.day != nil }) {
            out += "\n"
            var months: [(label: String, symbols: String)] = []
            for timelineCell in timeline.cells {
                let day = timelineCell.day!
                let label = "\(ControlTimeline.monthName(day.month)) \(day.year)"
                if months.last?.label != label { months.append((label, "")) }
                months[months.count - 1].symbols += Self.symbol(timelineCell.state)
            }
            out += months.map { "  - \($0.label): \($0.symbols)\n" }.joined()
        } else if !timeline.cells.isEmpty {
            out += ": " + timeline.cells.map { timelineCell in
                let label = ControlTimeline.label(timelineCell, frequency: frequency)
                return (label.isEmpty ? "" : label + " ") + Self.symbol(timelineCell.state)
            }.joined(separator: " · ") + "\n"
        } else {
            out += "\n"
        }
        return out
    }

    // MARK: Findings

    private func findings(_ overview: RecordOverview) -> String {
        var out = "## Findings, by severity and subject\n\n"
        let groups = overview.findingGroups
        if groups.isEmpty { return out + "No findings.\n\n" }
        for group in groups {
            let overdue = group.overdue == 0 ? "" : ", \(group.overdue) past their due date"
            out += "### \(RecordOverview.title(group.severity)) — "
            out += "\(plural(group.count, "finding", "findings")) on \(plural(group.subjects.count, "subject", "subjects"))\(overdue)\n\n"
            out += "| subject | id | code | owner | due | status | finding |\n|---|---|---|---|---|---|---|\n"
            for subject in group.subjects {
                for finding in subject.findings {
                    out += "| \(code(subject.subject)) | \(code(finding.id)) | \(code(finding.code)) | \(cell(finding.owner ?? "—")) | \(cell(finding.due)) | "
                    out += "\(finding.status.rawValue) | \(cell(finding.message)) |\n"
                }
            }
            out += "\n"
        }
        return out
    }

    private func followUp(_ record: AuditRecord) -> String {
        guard !record.followUp.isEmpty else { return "" }
        let remediated = record.followUp.filter { $0.status == .remediated }.count
        var out = "## Findings of the last committed run of this cycle\n\n"
        out += "\(plural(record.followUp.count, "finding", "findings")): \(remediated) remediated, \(record.followUp.count - remediated) still raised.\n\n"
        out += "| id | code | subject | now |\n|---|---|---|---|\n"
        for item in record.followUp {
            out += "| \(code(item.id)) | \(code(item.code)) | \(cell(item.subject)) | \(item.status.rawValue) |\n"
        }
        return out + "\n"
    }

    // MARK: Samples, interviews, policies, coverage

    private func samples(_ overview: RecordOverview) -> String {
        let record = overview.record
        var out = "## Samples and the tester's conclusions\n\n"
        out += "Tested by \(cell(record.tester ?? "no tester named yet")). Each item is drawn from the control's population by its seed; "
        out += "the tester's conclusions come from the cycle's testing.yaml.\n\n"
        let sampled = overview.sampledControls
        if sampled.isEmpty { out += "No sample to inspect.\n\n" }
        for control in sampled {
            let sample = control.sample
            out += "### \(MarkdownText.code(control.id)) \(cell(control.title ?? ""))\n\n"
            out += "\(sample.size) of \(plural(sample.population, "item", "items"))" + (sample.sizeRule.map { "; \(cell($0))" } ?? "")
            out += (sample.seed.map { "; seed \(MarkdownText.code(String($0.prefix(12))))" } ?? "") + ".\n\n"
            out += "| item | conclusion |\n|---|---|\n"
            for item in sample.items {
                out += "| \(code(item)) | \(cell(RecordOverview.conclusion(of: item, in: sample))) |\n"
            }
            out += "\n"
        }
        if let unsampled = record.unsampledConclusions {
            out += "### Conclusions outside the samples\n\n"
            out += "The tester concluded on these items, but they are not in their control's sample for this record.\n\n"
            out += "| control | item | conclusion |\n|---|---|---|\n"
            for conclusion in unsampled {
                out += "| \(code(conclusion.control)) | \(code(conclusion.item)) | \(cell(conclusion.conclusion)) |\n"
            }
            out += "\n"
        }
        return out
    }

    private func interviews(_ overview: RecordOverview) -> String {
        var out = "## Interviews\n\n"
        guard let interviews = overview.record.interviews else { return out + "\(overview.notRecorded)\n\n" }
        if interviews.isEmpty { return out + "No control owner to interview.\n\n" }
        let landed = interviews.filter { $0.landed != nil }.count
        out += "\(landed) of \(plural(interviews.count, "control owner's note has", "control owners' notes have")) landed on the mainline by the clock.\n\n"
        out += "| owner | note | landed |\n|---|---|---|\n"
        for interview in interviews {
            let who = code(interview.owner) + (interview.name.map { " \(cell($0))" } ?? "")
            let when = interview.landed.map { cell($0) + (interview.commit.map { " in \(code(String($0.prefix(10))))" } ?? "") } ?? "**not landed**"
            out += "| \(who) | \(code(interview.note)) | \(when) |\n"
        }
        return out + "\n"
    }

    private func policies(_ record: AuditRecord) -> String {
        var out = "## Policies and their proven approvals\n\n| policy | version | owner | proven approvals |\n|---|---|---|---|\n"
        for policy in record.policies {
            let approvals = policy.approvals.map { approval in
                "\(cell(approval.by)) (\(cell(approval.version ?? "?")), \(cell(approval.landed)), \(approval.binding.map(RecordSummaryRenderer.label) ?? "landed in") "
                    + "\(code(String((approval.bindingCommit ?? approval.commit).prefix(10)))))"
            }.joined(separator: "; ")
            out += "| \(code(policy.id)) | \(cell(policy.version ?? "—")) | \(cell(policy.owner ?? "—")) | \(approvals.isEmpty ? "**none**" : approvals) |\n"
        }
        return out + "\n"
    }

    private func coverage(_ record: AuditRecord) -> String {
        let uncovered = record.criteria.filter(\.controls.isEmpty).count
        var out = "## Criteria coverage\n\n"
        out += "\(record.criteria.count - uncovered) of \(plural(record.criteria.count, "criterion", "criteria")) in scope covered by an active control; \(uncovered) uncovered.\n\n"
        out += "| criterion | controls |\n|---|---|\n"
        for criterion in record.criteria {
            out += "| \(code(criterion.id)) \(cell(criterion.title)) | \(criterion.controls.isEmpty ? "**none**" : criterion.controls.map(code).joined(separator: ", ")) |\n"
        }
        return out
    }

    static func symbol(_ state: PeriodResult.State) -> String {
        switch state {
        case .onTime: "✓"
        case .late: "!"
        case .missing: "✗"
        case .pending: "·"
        case .notStarted: "–"
        }
    }
}
