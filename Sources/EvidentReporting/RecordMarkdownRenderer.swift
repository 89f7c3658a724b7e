import EvidentCore

/// `audits/<cycle>/record.md`: the record for people, with the same content as record.json.
/// Every string of the record is written through `MarkdownText`, as running text or as a code
/// span; the markup around them is Evident's.
public struct RecordMarkdownRenderer: TextDocumentRenderer {
    public typealias Document = AuditRecord

    public init() {}

    public func text(_ record: AuditRecord) -> String {
        let cell = MarkdownText.inline
        let code = { (text: String) in MarkdownText.code(text, in: .tableCell) }
        var out = "# Internal audit record — cycle \(cell(record.cycle.id))\n\n"
        out += "> \(AuditRecord.statement)\n\n"
        out += "| | |\n|---|---|\n"
        if let organization = record.organization { out += "| Organization | \(cell(organization)) |\n" }
        if let system = record.system { out += "| System | \(cell(system)) |\n" }
        out += "| Window | \(cell(record.cycle.start)) to \(cell(record.cycle.end)) (type \(record.cycle.type)) |\n"
        if let fieldwork = record.cycle.fieldwork { out += "| Fieldwork | \(cell(fieldwork)) |\n" }
        out += "| Audited commit | \(code(record.auditedCommit)) |\n| Clock | \(cell(record.clock)) |\n| Categories | \(cell(record.categories.joined(separator: ", "))) |\n"
        if let tester = record.tester { out += "| Tester | \(cell(tester)) |\n" }
        out += "| Previous record (sha-256) | \(record.previous.map(code) ?? "none") |\n| Tool | \(cell(record.tool)) |\n\n"

        out += "## Findings, by audit impact\n\n"
        if record.findings.isEmpty {
            out += "No findings.\n\n"
        } else {
            out += "| id | severity | code | subject | owner | due | status | finding |\n|---|---|---|---|---|---|---|---|\n"
            for finding in record.findings {
                out += "| \(cell(finding.id)) | \(finding.severity.rawValue) | \(code(finding.code)) | \(cell(finding.subject)) | \(cell(finding.owner ?? "—")) | \(cell(finding.due)) | \(finding.status.rawValue) | \(cell(finding.message)) |\n"
            }
            out += "\n"
        }

        if !record.followUp.isEmpty {
            out += "## Findings of the last committed run of this cycle\n\n| id | code | subject | now |\n|---|---|---|---|\n"
            for item in record.followUp {
                out += "| \(cell(item.id)) | \(code(item.code)) | \(cell(item.subject)) | \(item.status.rawValue) |\n"
            }
            out += "\n"
        }

        out += "## Criteria coverage\n\n| criterion | controls |\n|---|---|\n"
        for criterion in record.criteria {
            out += "| \(cell(criterion.id)) \(cell(criterion.title)) | \(criterion.controls.isEmpty ? "**none**" : cell(criterion.controls.joined(separator: ", "))) |\n"
        }

        out += "\n## Controls\n\n| control | owner | frequency | result | periods | sample |\n|---|---|---|---|---|---|\n"
        for control in record.controls {
            let periods = control.periods.map { Self.symbol($0.state) }.joined()
            out += "| \(cell(control.id)) \(cell(control.title ?? "")) | \(cell(control.owner ?? "—")) | \(control.frequency?.rawValue ?? "—") | \(control.result.rawValue) | \(periods.isEmpty ? "—" : periods) | \(control.sample.size) of \(control.sample.population) |\n"
        }
        out += "\nPeriods: " + PeriodResult.State.allCases.map { "\(Self.symbol($0)) \(RecordSummaryRenderer.label($0))" }.joined(separator: ", ") + ".\n"
        // A backfilled period reads as missing above; say what came after the fact, and when.
        let backfilled = record.controls.flatMap { control in
            control.periods.compactMap { period in
                period.backfilled.map { "- \(cell(control.id)), \(cell(period.start)) to \(cell(period.end)): missing, backfilled on \(cell($0)) ("
                    + period.occurrences.map { MarkdownText.code($0.path) }.joined(separator: ", ") + ")\n" }
            }
        }
        if !backfilled.isEmpty { out += "\nBackfilled periods (still missing):\n\n" + backfilled.joined() }

        out += "\n## Conclusions\n\n"
        for control in record.controls {
            out += "- \(cell(control.id)): \(control.result.rawValue) — \(cell(control.conclusion ?? "—"))\n"
        }

        out += "\n## Samples to inspect\n\n"
        for control in record.controls where !control.sample.items.isEmpty {
            out += "- \(cell(control.id)): " + control.sample.items.map { item in
                MarkdownText.code(item) + (control.sample.conclusions[item].map { " (\(cell($0)))" } ?? "")
            }.joined(separator: ", ") + "\n"
        }
        if let unsampled = record.unsampledConclusions {
            out += "\n## Conclusions outside the samples\n\n"
            out += "The tester concluded on these items, but they are not in their control's sample for this record.\n\n"
            out += "| control | item | conclusion |\n|---|---|---|\n"
            for conclusion in unsampled {
                out += "| \(cell(conclusion.control)) | \(code(conclusion.item)) | \(cell(conclusion.conclusion)) |\n"
            }
        }

        out += "\n## Policies\n\n| policy | version | proven approvals |\n|---|---|---|\n"
        for policy in record.policies {
            let approvals = policy.approvals.map { approval in
                "\(cell(approval.by)) (\(cell(approval.version ?? "?")), \(cell(approval.landed)), \(approval.binding.map(RecordSummaryRenderer.label) ?? "landed in") "
                    + "\(code(String((approval.bindingCommit ?? approval.commit).prefix(10)))))"
            }.joined(separator: "; ")
            out += "| \(cell(policy.id)) | \(cell(policy.version ?? "—")) | \(approvals.isEmpty ? "none" : approvals) |\n"
        }
        return out
    }

    static func symbol(_ state: PeriodResult.State) -> String {
        switch state {
        case .onTime: "✓"
        case .late: "!"
        case .missing: "✗"
        case .pending: "…"
        case .notStarted: "–"
        }
    }
}
