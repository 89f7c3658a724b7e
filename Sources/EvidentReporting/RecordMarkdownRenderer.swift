import EvidentCore

/// `audits/<cycle>/record.md`: the record for people, with the same content as record.json.
public struct RecordMarkdownRenderer: TextDocumentRenderer {
    public typealias Document = AuditRecord

    public init() {}

    public func text(_ record: AuditRecord) -> String {
        var out = "# Internal audit record — cycle \(record.cycle.id)\n\n"
        out += "> \(AuditRecord.statement)\n\n"
        out += "| | |\n|---|---|\n"
        if let organization = record.organization { out += "| Organization | \(cell(organization)) |\n" }
        if let system = record.system { out += "| System | \(cell(system)) |\n" }
        out += "| Window | \(record.cycle.start) to \(record.cycle.end) (type \(record.cycle.type)) |\n"
        if let fieldwork = record.cycle.fieldwork { out += "| Fieldwork | \(fieldwork) |\n" }
        out += "| Audited commit | `\(record.auditedCommit)` |\n| Clock | \(record.clock) |\n| Categories | \(record.categories.joined(separator: ", ")) |\n"
        if let tester = record.tester { out += "| Tester | \(cell(tester)) |\n" }
        out += "| Previous record (sha-256) | \(record.previous.map { "`\($0)`" } ?? "none") |\n| Tool | \(record.tool) |\n\n"

        out += "## Findings, by audit impact\n\n"
        if record.findings.isEmpty {
            out += "No findings.\n\n"
        } else {
            out += "| id | severity | code | subject | owner | due | status | finding |\n|---|---|---|---|---|---|---|---|\n"
            for finding in record.findings {
                out += "| \(finding.id) | \(finding.severity.rawValue) | `\(finding.code)` | \(cell(finding.subject)) | \(cell(finding.owner ?? "—")) | \(finding.due) | \(finding.status.rawValue) | \(cell(finding.message)) |\n"
            }
            out += "\n"
        }

        if !record.followUp.isEmpty {
            out += "## Findings of the last committed run of this cycle\n\n| id | code | subject | now |\n|---|---|---|---|\n"
            for item in record.followUp {
                out += "| \(item.id) | `\(item.code)` | \(cell(item.subject)) | \(item.status.rawValue) |\n"
            }
            out += "\n"
        }

        out += "## Criteria coverage\n\n| criterion | controls |\n|---|---|\n"
        for criterion in record.criteria {
            out += "| \(criterion.id) \(cell(criterion.title)) | \(criterion.controls.isEmpty ? "**none**" : criterion.controls.joined(separator: ", ")) |\n"
        }

        out += "\n## Controls\n\n| control | owner | frequency | result | periods | sample |\n|---|---|---|---|---|---|\n"
        for control in record.controls {
            let periods = control.periods.map { Self.symbol($0.state) }.joined()
            out += "| \(control.id) \(cell(control.title ?? "")) | \(cell(control.owner ?? "—")) | \(control.frequency?.rawValue ?? "—") | \(control.result.rawValue) | \(periods.isEmpty ? "—" : periods) | \(control.sample.size) of \(control.sample.population) |\n"
        }
        out += "\nPeriods: " + PeriodResult.State.allCases.map { "\(Self.symbol($0)) \(RecordSummaryRenderer.label($0))" }.joined(separator: ", ") + ".\n"
        // A backfilled period reads as missing above; say what came after the fact, and when.
        let backfilled = record.controls.flatMap { control in
            control.periods.compactMap { period in
                period.backfilled.map { "- \(control.id), \(period.start) to \(period.end): missing, backfilled on \($0) ("
                    + period.occurrences.map { "`\($0.path)`" }.joined(separator: ", ") + ")\n" }
            }
        }
        if !backfilled.isEmpty { out += "\nBackfilled periods (still missing):\n\n" + backfilled.joined() }

        out += "\n## Conclusions\n\n"
        for control in record.controls {
            out += "- \(control.id): \(control.result.rawValue) — \(cell(control.conclusion ?? "—"))\n"
        }

        out += "\n## Samples to inspect\n\n"
        for control in record.controls where !control.sample.items.isEmpty {
            out += "- \(control.id): " + control.sample.items.map { item in
                "`\(item)`" + (control.sample.conclusions[item].map { " (\(cell($0)))" } ?? "")
            }.joined(separator: ", ") + "\n"
        }
        if let unsampled = record.unsampledConclusions {
            out += "\n## Conclusions outside the samples\n\n"
            out += "The tester concluded on these items, but they are not in their control's sample for this record.\n\n"
            out += "| control | item | conclusion |\n|---|---|---|\n"
            for conclusion in unsampled {
                out += "| \(cell(conclusion.control)) | `\(conclusion.item)` | \(cell(conclusion.conclusion)) |\n"
            }
        }

        out += "\n## Policies\n\n| policy | version | proven approvals |\n|---|---|---|\n"
        for policy in record.policies {
            let approvals = policy.approvals.map { "\($0.by) (\($0.version ?? "?"), \($0.landed), \($0.binding.map(RecordSummaryRenderer.label) ?? "landed in") `\(($0.bindingCommit ?? $0.commit).prefix(10))`)" }.joined(separator: "; ")
            out += "| \(policy.id) | \(policy.version ?? "—") | \(approvals.isEmpty ? "none" : cell(approvals)) |\n"
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

    /// Text safe in one table cell: `|` escaped, line breaks as spaces.
    private func cell(_ text: String) -> String {
        var text = text
        return text.withUTF8 { utf8 in
            guard utf8.contains(where: { $0 == 0x7C || $0 == 0x0A }) else { return String(decoding: utf8, as: UTF8.self) }
            var out: [UInt8] = []
            out.reserveCapacity(utf8.count + 8)
            for byte in utf8 {
                switch byte {
                case 0x7C: out += [0x5C, 0x7C]
                case 0x0A: out.append(0x20)
                default: out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
