import EvidentCore

/// `audits/<cycle>/report.html`: one self-contained page (no scripts, fonts or images fetched)
/// with the scope and coverage, the findings by impact, and a timeline per control. Every
/// string of the record is written through `HTMLText.escape(_:)`.
public struct RecordHTMLRenderer: TextDocumentRenderer {
    public typealias Document = AuditRecord

    public init() {}

    public func text(_ record: AuditRecord) -> String {
        let escape = HTMLText.escape
        var out = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <title>Internal audit record — cycle \(escape(record.cycle.id))</title>
            <style>
            \(Self.style)
            </style></head><body>
            <h1>Internal audit record — cycle \(escape(record.cycle.id))</h1>
            <p class="note">\(escape(AuditRecord.statement))</p>
            <table>
            """
        let facts: [(String, String?)] = [
            ("Organization", record.organization), ("System", record.system),
            ("Window", "\(record.cycle.start) to \(record.cycle.end) (type \(record.cycle.type))"), ("Fieldwork", record.cycle.fieldwork),
            ("Audited commit", record.auditedCommit), ("Clock", record.clock), ("Categories", record.categories.joined(separator: ", ")),
            ("Previous record (sha-256)", record.previous ?? "none"), ("Tool", record.tool),
        ]
        for (label, value) in facts {
            guard let value else { continue }
            out += "<tr><th>\(escape(label))</th><td>\(escape(value))</td></tr>\n"
        }
        out += "</table>\n<h2 id=\"findings\">Findings, by audit impact</h2>\n"
        if record.findings.isEmpty {
            out += "<p>No findings.</p>\n"
        } else {
            out += "<table><tr><th>id</th><th>severity</th><th>code</th><th>subject</th><th>owner</th><th>due</th><th>status</th><th>finding</th></tr>\n"
            for finding in record.findings {
                out += "<tr class=\"finding\"><td>\(escape(finding.id))</td><td class=\"sev-\(Self.cssClass(finding.severity))\">\(escape(finding.severity.rawValue))</td>"
                out += "<td><code>\(escape(finding.code))</code></td><td>\(escape(finding.subject))</td><td>\(escape(finding.owner ?? "—"))</td>"
                out += "<td>\(escape(finding.due))</td><td>\(escape(finding.status.rawValue))</td><td>\(escape(finding.message))</td></tr>\n"
            }
            out += "</table>\n"
        }
        if !record.followUp.isEmpty {
            out += "<h2 id=\"follow-up\">Findings of the last committed run of this cycle</h2>\n<table><tr><th>id</th><th>code</th><th>subject</th><th>now</th></tr>\n"
            for item in record.followUp {
                out += "<tr><td>\(escape(item.id))</td><td><code>\(escape(item.code))</code></td><td>\(escape(item.subject))</td><td>\(escape(item.status.rawValue))</td></tr>\n"
            }
            out += "</table>\n"
        }
        out += "<h2 id=\"timelines\">Controls and their periods</h2>\n<p class=\"legend\">"
        for state in PeriodResult.State.allCases {
            out += "<span class=\"\(Self.cssClass(state))\"></span>\(RecordSummaryRenderer.label(state))"
        }
        out += "</p>\n<table><tr><th>control</th><th>owner</th><th>frequency</th><th>result</th><th>timeline</th><th>sample</th></tr>\n"
        for control in record.controls {
            out += "<tr class=\"control\"><td>\(escape(control.id)) \(escape(control.title ?? ""))</td><td>\(escape(control.owner ?? "—"))</td>"
            out += "<td>\(escape(control.frequency?.rawValue ?? "—"))</td><td title=\"\(escape(control.conclusion ?? ""))\">\(escape(control.result.rawValue))</td><td><div class=\"timeline\">"
            for period in control.periods {
                let occurrences = period.occurrences.map { "\($0.path) claimed \($0.claimed), landed \($0.landed ?? "never")" }.joined(separator: "; ")
                let backfill = period.backfilled.map { " (backfilled on \($0))" } ?? ""
                let title = "\(period.start) to \(period.end): \(period.state.rawValue)\(backfill)\(occurrences.isEmpty ? "" : " — " + occurrences)"
                out += "<span class=\"\(Self.cssClass(period.state))\" title=\"\(escape(title))\"></span>"
            }
            if control.periods.isEmpty { out += "\(control.occurrences.count) occurrences (event-driven)" }
            out += "</div></td><td>\(control.sample.size) of \(control.sample.population)</td></tr>\n"
        }
        if let unsampled = record.unsampledConclusions {
            out += "</table>\n<h2 id=\"unsampled-conclusions\">Conclusions outside the samples</h2>\n<table><tr><th>control</th><th>item</th><th>conclusion</th></tr>\n"
            for conclusion in unsampled {
                out += "<tr><td>\(escape(conclusion.control))</td><td><code>\(escape(conclusion.item))</code></td><td>\(escape(conclusion.conclusion))</td></tr>\n"
            }
        }
        out += "</table>\n<h2 id=\"coverage\">Criteria coverage</h2>\n<table><tr><th>criterion</th><th>controls</th></tr>\n"
        for criterion in record.criteria {
            out += "<tr><td>\(escape(criterion.id)) \(escape(criterion.title))</td><td>\(criterion.controls.isEmpty ? "<strong>none</strong>" : escape(criterion.controls.joined(separator: ", ")))</td></tr>\n"
        }
        out += "</table>\n<h2 id=\"policies\">Policies</h2>\n<table><tr><th>policy</th><th>version</th><th>proven approvals</th></tr>\n"
        for policy in record.policies {
            let approvals = policy.approvals.map { "\($0.by) (\($0.version ?? "?"), \($0.landed), \($0.binding.map(RecordSummaryRenderer.label) ?? "landed in") \(($0.bindingCommit ?? $0.commit).prefix(10)))" }.joined(separator: "; ")
            out += "<tr><td>\(escape(policy.id))</td><td>\(escape(policy.version ?? "—"))</td><td>\(escape(approvals.isEmpty ? "none" : approvals))</td></tr>\n"
        }
        out += "</table>\n</body></html>\n"
        return out
    }

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

    /// The report's look, shared by every HTML page Evident writes.
    static let style = """
        body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;color:#1d2430;padding:0 1rem}
        h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #d5dae1}
        table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #d5dae1;padding:.3rem .5rem;text-align:left;vertical-align:top}
        th{background:#f2f4f7}.note{background:#fff8e1;border:1px solid #f0d27a;padding:.6rem .8rem}
        .sev-high{color:#a40e26;font-weight:600}.sev-medium{color:#9a5b00;font-weight:600}.sev-low{color:#2d5d9f}.sev-info{color:#5b6572}
        .timeline{display:flex;gap:2px;min-width:12rem}.timeline span{flex:1;height:1.1rem;border-radius:2px}
        .on-time{background:#2e9d5b}.late{background:#e8a317}.missing{background:#d6334a}.pending{background:#c9ced6}.not-started{background:repeating-linear-gradient(45deg,#eef0f3,#eef0f3 3px,#d9dde3 3px,#d9dde3 6px)}
        .legend span{display:inline-block;width:.9rem;height:.9rem;border-radius:2px;margin:0 .25rem 0 .8rem;vertical-align:middle}
        code{font-size:.9em}
        """
}
