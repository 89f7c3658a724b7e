import EvidentCore

/// `audits/<cycle>/report.html`: one self-contained page (no scripts, no fonts, images or
/// anything else fetched) that reads top-down: the summary (conclusions, findings by severity,
/// the audit's dates, what is due), the controls with their timelines, the findings by
/// severity and subject (each severity a `<details>` that folds), then the samples with the
/// tester's conclusions, the interviews, the policies and their approvals, and the criteria
/// coverage. It prints on A4 and Letter alike (`style`).
///
/// Every string of the record is written through `HTMLText.escape(_:)`; the markup around them
/// is Evident's, and the same for every value.
public struct RecordHTMLRenderer: TextDocumentRenderer {
    public typealias Document = AuditRecord

    public init() {}

    public func text(_ record: AuditRecord) -> String {
        let overview = RecordOverview(record)
        var out = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <title>Internal audit record — cycle \(escape(record.cycle.id))</title>
            <style>
            \(Self.style)
            </style></head><body>
            <h1>Internal audit record — cycle \(escape(record.cycle.id))</h1>
            <p class="note">\(escape(AuditRecord.statement))</p>

            """
        out += summary(overview)
        out += controls(overview)
        out += findings(overview)
        out += followUp(record)
        out += samples(overview)
        out += interviews(overview)
        out += policies(record)
        out += coverage(record)
        return out + "</body></html>\n"
    }

    private func escape(_ text: String) -> String { HTMLText.escape(text) }

    /// An id or a code, which never wraps.
    private func id(_ text: String) -> String { "<code class=\"id\">\(escape(text))</code>" }

    private func plural(_ count: Int, _ one: String, _ many: String) -> String { "\(count) \(count == 1 ? one : many)" }

    // MARK: Summary

    private func summary(_ overview: RecordOverview) -> String {
        let record = overview.record
        var out = "<h2 id=\"summary\">Summary</h2>\n<div class=\"figures\">\n"
        out += "<div class=\"figure\"><h3>Controls</h3><p class=\"figure-total\">\(record.controls.count)</p><ul>"
        for (result, count) in overview.results {
            out += "<li><span class=\"dot r-\(result.rawValue)\"></span>\(count) \(RecordSummaryRenderer.label(result))</li>"
        }
        out += "</ul></div>\n<div class=\"figure\"><h3>Findings</h3><p class=\"figure-total\">\(record.findings.count)</p><ul>"
        for (severity, count) in overview.severities {
            out += "<li><span class=\"sev-\(Self.cssClass(severity))\">\(count) \(severity.rawValue)</span></li>"
        }
        out += "<li>\(overview.overdueFindings) past their due date</li></ul></div>\n"
        out += "<div class=\"figure\"><h3>The audit</h3><table class=\"facts\">"
        let dates: [(String, String)] = [
            ("Window", "\(record.cycle.start)…\(record.cycle.end)"), ("Type", "\(record.cycle.type)"),
            ("Fieldwork", record.cycle.fieldwork ?? "not set"), ("Clock", record.clock),
        ]
        for (label, value) in dates { out += "<tr><th>\(label)</th><td class=\"nowrap\">\(escape(value))</td></tr>" }
        out += "<tr><th>Commit</th><td>\(id(String(record.auditedCommit.prefix(12))))</td></tr></table></div>\n"
        out += "<div class=\"figure\"><h3>Due in \(plural(record.dueWithin ?? 0, "day", "days"))</h3>"
        if record.due == nil {
            out += "<p>\(escape(overview.notRecorded))</p>"
        } else {
            let items = overview.dueItems
            let overdue = items.filter { $0.status == .overdue }.count
            out += "<p class=\"figure-total\">\(items.count)</p><ul><li\(overdue > 0 ? " class=\"sev-high\"" : "")>\(overdue) overdue, still counted</li><li>\(items.count - overdue) upcoming</li></ul>"
        }
        out += "</div>\n</div>\n"
        out += due(overview)
        out += "<h3>Scope and sources</h3>\n<table class=\"facts\">\n"
        let facts: [(String, String)] = [
            ("Organization", record.organization ?? "not set"), ("System", record.system ?? "not set"),
            ("Categories", record.categories.joined(separator: ", ")), ("Tester", record.tester ?? "not named"),
            ("Tool", record.tool),
        ]
        for (label, value) in facts { out += "<tr><th>\(label)</th><td>\(escape(value))</td></tr>\n" }
        out += "<tr><th>Audited commit</th><td>\(id(record.auditedCommit))</td></tr>\n"
        out += "<tr><th>Previous record (sha-256)</th><td>\(id(record.previous ?? "none"))</td></tr>\n</table>\n"
        return out
    }

    /// What falls due, overdue first, by owner, a daily control's run of periods on one line.
    private func due(_ overview: RecordOverview) -> String {
        var out = "<h3 id=\"due\">What is due from \(escape(overview.dueSpan))</h3>\n"
        guard overview.record.due != nil else { return out + "<p>\(escape(overview.notRecorded))</p>\n" }
        if overview.dueItems.isEmpty { return out + "<p>Nothing is due.</p>\n" }
        for status in DueItem.Status.allCases {
            let owners = overview.dueRuns(status)
            guard !owners.isEmpty else { continue }
            out += "<p class=\"due-\(status.rawValue)\"><strong>\(escape(DueLines.heading(status)))</strong></p>\n"
            out += "<table class=\"due\"><thead><tr><th>owner</th><th>due</th><th>what</th><th>land in</th>"
            out += status == .overdue ? "<th>note</th></tr></thead>\n" : "</tr></thead>\n"
            for (owner, runs) in owners {
                let who = owner.map { key in escape(key) + (overview.name(of: key).map { " (\(escape($0)))" } ?? "") } ?? "No owner"
                for run in runs {
                    let line = DueLines.line(run, values: escape, paths: { "<code>\(escape($0))</code>" })
                    out += "<tr><td>\(who)</td><td class=\"nowrap\">\(line.deadline)</td><td>\(line.what)</td><td class=\"nowrap\">\(line.path)</td>"
                    out += status == .overdue ? "<td>\(line.note.map(escape) ?? "")</td></tr>\n" : "</tr>\n"
                }
            }
            out += "</table>\n"
        }
        return out
    }

    // MARK: Controls

    private func controls(_ overview: RecordOverview) -> String {
        var out = "<h2 id=\"controls\">Controls</h2>\n<p class=\"legend\">"
        for state in PeriodResult.State.allCases {
            out += "<span class=\"\(Self.cssClass(state))\"></span>\(RecordSummaryRenderer.label(state))"
        }
        out += "</p>\n"
        if overview.record.controls.isEmpty { out += "<p>No controls.</p>\n" }
        for control in overview.record.controls {
            let timeline = ControlTimeline(control)
            out += "<div class=\"card control\"><div class=\"card-head\">\(id(control.id)) <strong>\(escape(control.title ?? ""))</strong>"
            out += "<span class=\"result r-\(control.result.rawValue)\">\(RecordSummaryRenderer.label(control.result))</span></div>\n"
            let meta = [
                "owner " + escape(control.owner ?? "none"), escape(control.frequency?.rawValue ?? "no frequency"),
                "risk " + escape(control.risk?.rawValue ?? "not set"), control.status.rawValue,
                "sample \(control.sample.size) of \(control.sample.population)",
            ]
            out += "<p class=\"meta\">" + meta.map { "<span>\($0)</span>" }.joined(separator: " · ") + "</p>\n"
            out += "<p class=\"rule\">Conclusion: \(escape(control.conclusion ?? "the rule was not recorded"))</p>\n"
            out += TimelineHTML.html(timeline)
            out += "<p class=\"counts\">\(escape(timeline.counts))\(control.startedOn.map { "; started operating on \(escape($0))" } ?? "")</p>\n"
            // A backfilled period reads as missing in the timeline; say what came after the fact, and when.
            for period in control.periods {
                guard let backfilled = period.backfilled else { continue }
                let dates = period.start == period.end ? escape(period.start) : "\(escape(period.start))…\(escape(period.end))"
                out += "<p class=\"counts\">\(dates): missing, backfilled on \(escape(backfilled))</p>\n"
            }
            out += "</div>\n"
        }
        return out
    }

    // MARK: Findings

    private func findings(_ overview: RecordOverview) -> String {
        var out = "<h2 id=\"findings\">Findings, by severity and subject</h2>\n"
        let groups = overview.findingGroups
        if groups.isEmpty { return out + "<p>No findings.</p>\n" }
        for group in groups {
            let open = RecordOverview.opensUnfolded(group.severity) ? " open" : ""
            let overdue = group.overdue == 0 ? "" : ", \(group.overdue) past their due date"
            out += "<details class=\"severity\"\(open)><summary><span class=\"sev-\(Self.cssClass(group.severity))\">\(RecordOverview.title(group.severity))</span> — "
            out += "\(plural(group.count, "finding", "findings")) on \(plural(group.subjects.count, "subject", "subjects"))\(overdue)</summary>\n"
            out += "<table><thead><tr><th>id</th><th>code</th><th>owner</th><th>due</th><th>status</th><th>finding</th></tr></thead>\n"
            for subject in group.subjects {
                out += "<tbody><tr class=\"group\"><th colspan=\"6\">\(id(subject.subject)) \(escape(subject.control?.title ?? ""))</th></tr>\n"
                for finding in subject.findings {
                    out += "<tr class=\"finding\"><td>\(id(finding.id))</td><td>\(id(finding.code))</td><td>\(escape(finding.owner ?? "—"))</td>"
                    out += "<td class=\"nowrap\">\(escape(finding.due))</td><td class=\"status-\(finding.status.rawValue)\">\(finding.status.rawValue)</td>"
                    out += "<td>\(escape(finding.message))</td></tr>\n"
                }
                out += "</tbody>\n"
            }
            out += "</table></details>\n"
        }
        return out
    }

    private func followUp(_ record: AuditRecord) -> String {
        guard !record.followUp.isEmpty else { return "" }
        let remediated = record.followUp.filter { $0.status == .remediated }.count
        var out = "<h2 id=\"follow-up\">Findings of the last committed run of this cycle</h2>\n"
        out += "<details class=\"follow-up\"><summary>\(plural(record.followUp.count, "finding", "findings")): "
        out += "\(remediated) remediated, \(record.followUp.count - remediated) still raised</summary>\n"
        out += "<table><thead><tr><th>id</th><th>code</th><th>subject</th><th>now</th></tr></thead>\n"
        for item in record.followUp {
            out += "<tr><td>\(id(item.id))</td><td>\(id(item.code))</td><td>\(escape(item.subject))</td><td class=\"status-\(item.status.rawValue)\">\(item.status.rawValue)</td></tr>\n"
        }
        return out + "</table></details>\n"
    }

    // MARK: Samples, interviews, policies, coverage

    private func samples(_ overview: RecordOverview) -> String {
        let record = overview.record
        var out = "<h2 id=\"samples\">Samples and the tester's conclusions</h2>\n"
        out += "<p>Tested by \(escape(record.tester ?? "no tester named yet")). Each item is drawn from the control's population by its seed; "
        out += "the tester's conclusions come from the cycle's testing.yaml.</p>\n"
        let sampled = overview.sampledControls
        if sampled.isEmpty { out += "<p>No sample to inspect.</p>\n" }
        for control in sampled {
            let sample = control.sample
            out += "<div class=\"card sample\"><div class=\"card-head\">\(id(control.id)) <strong>\(escape(control.title ?? ""))</strong></div>\n"
            out += "<p class=\"meta\"><span>\(sample.size) of \(plural(sample.population, "item", "items"))</span>"
            out += sample.sizeRule.map { " · <span>\(escape($0))</span>" } ?? ""
            out += sample.seed.map { " · <span>seed \(id(String($0.prefix(12))))</span>" } ?? ""
            out += "</p>\n<table><thead><tr><th>item</th><th>conclusion</th></tr></thead>\n"
            for item in sample.items {
                let conclusion = RecordOverview.conclusion(of: item, in: sample)
                out += "<tr><td><code>\(escape(item))</code></td><td class=\"\(Self.conclusionClass(sample.conclusions[item]))\">\(escape(conclusion))</td></tr>\n"
            }
            out += "</table></div>\n"
        }
        if let unsampled = record.unsampledConclusions {
            out += "<h3 id=\"unsampled-conclusions\">Conclusions outside the samples</h3>\n"
            out += "<p>The tester concluded on these items, but they are not in their control's sample for this record.</p>\n"
            out += "<table><thead><tr><th>control</th><th>item</th><th>conclusion</th></tr></thead>\n"
            for conclusion in unsampled {
                out += "<tr><td>\(id(conclusion.control))</td><td><code>\(escape(conclusion.item))</code></td><td class=\"\(Self.conclusionClass(conclusion.conclusion))\">\(escape(conclusion.conclusion))</td></tr>\n"
            }
            out += "</table>\n"
        }
        return out
    }

    private func interviews(_ overview: RecordOverview) -> String {
        var out = "<h2 id=\"interviews\">Interviews</h2>\n"
        guard let interviews = overview.record.interviews else { return out + "<p>\(escape(overview.notRecorded))</p>\n" }
        if interviews.isEmpty { return out + "<p>No control owner to interview.</p>\n" }
        let landed = interviews.filter { $0.landed != nil }.count
        out += "<p>\(landed) of \(plural(interviews.count, "control owner's note has", "control owners' notes have")) landed on the mainline by the clock.</p>\n"
        out += "<table><thead><tr><th>owner</th><th>note</th><th>landed</th></tr></thead>\n"
        for interview in interviews {
            let who = id(interview.owner) + (interview.name.map { " \(escape($0))" } ?? "")
            let when = interview.landed.map { day in
                "<span class=\"nowrap\">\(escape(day))</span>" + (interview.commit.map { " in \(id(String($0.prefix(10))))" } ?? "")
            } ?? "<span class=\"status-overdue\">not landed</span>"
            out += "<tr><td>\(who)</td><td><code>\(escape(interview.note))</code></td><td>\(when)</td></tr>\n"
        }
        return out + "</table>\n"
    }

    private func policies(_ record: AuditRecord) -> String {
        var out = "<h2 id=\"policies\">Policies and their proven approvals</h2>\n"
        out += "<table><thead><tr><th>policy</th><th>version</th><th>owner</th><th>proven approvals</th></tr></thead>\n"
        for policy in record.policies {
            let approvals = policy.approvals.map { approval in
                let how = approval.binding.map(RecordSummaryRenderer.label) ?? "landed in"
                return "\(escape(approval.by)) (\(escape(approval.version ?? "?")), \(escape(approval.landed)), \(how) \(id(String((approval.bindingCommit ?? approval.commit).prefix(10)))))"
            }
            let cell = approvals.isEmpty ? "<span class=\"status-overdue\">none</span>" : approvals.joined(separator: "; ")
            out += "<tr><td>\(id(policy.id))</td><td>\(escape(policy.version ?? "—"))</td><td>\(escape(policy.owner ?? "—"))</td><td>\(cell)</td></tr>\n"
        }
        return out + "</table>\n"
    }

    private func coverage(_ record: AuditRecord) -> String {
        let uncovered = record.criteria.filter(\.controls.isEmpty).count
        var out = "<h2 id=\"coverage\">Criteria coverage</h2>\n"
        out += "<p>\(record.criteria.count - uncovered) of \(plural(record.criteria.count, "criterion", "criteria")) in scope covered by an active control; \(uncovered) uncovered.</p>\n"
        out += "<table><thead><tr><th>criterion</th><th>controls</th></tr></thead>\n"
        for criterion in record.criteria {
            let controls = criterion.controls.isEmpty ? "<strong>none</strong>" : criterion.controls.map(id).joined(separator: " ")
            out += "<tr class=\"\(criterion.controls.isEmpty ? "uncovered" : "covered")\"><td>\(id(criterion.id)) \(escape(criterion.title))</td><td>\(controls)</td></tr>\n"
        }
        return out + "</table>\n"
    }

    // MARK: Classes

    /// The class that colours a period in the timeline and the legend.
    static func cssClass(_ state: PeriodResult.State) -> String {
        switch state {
        case .onTime: "on-time"
        case .late: "late"
        case .missing: "missing"
        case .pending: "pending"
        case .notStarted: "not-started"
        }
    }

    /// The class that colours a severity.
    static func cssClass(_ severity: FindingSeverity) -> String {
        switch severity {
        case .high: "high"
        case .medium: "medium"
        case .low: "low"
        case .info: "info"
        }
    }

    /// The class that colours a tester's conclusion as the record writes it.
    static func conclusionClass(_ conclusion: String?) -> String {
        guard let conclusion else { return "untested" }
        if conclusion == "pass" { return "pass" }
        return conclusion.hasPrefix("exception") ? "exception" : "untested"
    }
}
