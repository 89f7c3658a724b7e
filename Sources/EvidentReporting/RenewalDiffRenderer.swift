import EvidentCore

/// `evident diff`: the renewal diff as text, Markdown or a self-contained HTML page.
public struct RenewalDiffRenderer: TextDocumentRenderer {
    public typealias Document = RenewalDiff

    public var layout: ReportDocument.Layout

    public init(layout: ReportDocument.Layout) {
        self.layout = layout
    }

    public func text(_ diff: RenewalDiff) -> String {
        Self.document(diff).rendered(as: layout)
    }

    static func document(_ diff: RenewalDiff) -> ReportDocument {
        func side(_ side: RenewalDiff.Side) -> String {
            "\(side.start) to \(side.end), audited commit \(side.commit.prefix(12)) at clock \(side.clock)"
                + (side.recorded ? " (committed record)" : " (no committed record: fresh audit)")
        }
        let entries = { (entries: [RenewalDiff.Entry]) in entries.map { [$0.id, $0.title ?? "", $0.owner ?? ""] } }
        var sections: [ReportDocument.Section] = []

        var controls: [ReportDocument.Block] = []
        controls.append(.paragraph("\(diff.controls.added.count) added, \(diff.controls.removed.count) removed, \(diff.controls.retired.count) retired, \(diff.controls.changed.count) changed."))
        controls += labelled("Added", .table(headers: ["control", "title", "owner"], rows: entries(diff.controls.added)), diff.controls.added.isEmpty)
        controls += labelled("Removed", .table(headers: ["control", "title", "owner"], rows: entries(diff.controls.removed)), diff.controls.removed.isEmpty)
        controls += labelled("Retired", .table(headers: ["control", "title", "owner"], rows: entries(diff.controls.retired)), diff.controls.retired.isEmpty)
        controls += changes(diff.controls.changed, kind: "control")
        sections.append(.init(title: "Controls", blocks: controls))

        var criteria: [ReportDocument.Block] = [
            .paragraph("Gained: \(list(diff.criteria.gained)). Lost: \(list(diff.criteria.lost)).")
        ]
        if !diff.criteria.uncovered.isEmpty {
            criteria.append(.paragraph("Not covered by any active control in \(diff.to.cycle): \(list(diff.criteria.uncovered))."))
        }
        sections.append(.init(title: "Criteria coverage", blocks: criteria))

        sections.append(.init(title: "Owners", blocks: diff.owners.isEmpty ? [.paragraph("No owner changed.")] : [
            .table(headers: ["kind", "id", diff.from.cycle, diff.to.cycle], rows: diff.owners.map { [$0.kind, $0.id, $0.before ?? "—", $0.after ?? "—"] })
        ]))

        var policies: [ReportDocument.Block] = [
            .paragraph("\(diff.policies.added.count) added, \(diff.policies.removed.count) removed, \(diff.policies.changed.count) changed.")
        ]
        policies += labelled("Added", .table(headers: ["policy", "title", "owner"], rows: entries(diff.policies.added)), diff.policies.added.isEmpty)
        policies += labelled("Removed", .table(headers: ["policy", "title", "owner"], rows: entries(diff.policies.removed)), diff.policies.removed.isEmpty)
        policies += changes(diff.policies.changed, kind: "policy")
        sections.append(.init(title: "Policies", blocks: policies))

        let rows = diff.populations.map { row in
            [row.control, row.before.map { "\($0.summary) (\($0.result.rawValue))" } ?? "—", row.after.map { "\($0.summary) (\($0.result.rawValue))" } ?? "—", row.changed ? "changed" : ""]
        }
        var populations: [ReportDocument.Block] = [.table(headers: ["control", diff.from.cycle, diff.to.cycle, ""], rows: rows)]
        if !diff.pending.isEmpty {
            populations.append(.paragraph("Still pending at the side's clock (evidence not yet due), so not compared:"))
            populations.append(.table(headers: ["cycle", "control", "periods"],
                                      rows: diff.pending.map { [$0.cycle, $0.control, $0.periods.joined(separator: ", ")] }))
        }
        sections.append(.init(title: "Populations, side by side", blocks: populations))

        let findingRows = { (groups: [RenewalDiff.FindingGroup]) in
            groups.map { [$0.severity.rawValue, $0.code, $0.subject, $0.owner ?? "—", "\($0.before) → \($0.after)", $0.message] }
        }
        let headers = ["severity", "code", "subject", "owner", "count", "latest finding"]
        var findings: [ReportDocument.Block] = [
            .paragraph("\(diff.findings.new.count) new, \(diff.findings.resolved.count) resolved, \(diff.findings.recurring.count) recurring"
                       + (diff.findings.pending.isEmpty ? "." : ", \(diff.findings.pending.count) pending."))
        ]
        if !diff.findings.recurring.isEmpty {
            findings.append(.paragraph("Recurring findings were raised in both cycles: each is a process or ownership problem to fix at the root, not occurrence by occurrence."))
        }
        findings += labelled("Recurring", .table(headers: headers, rows: findingRows(diff.findings.recurring)), diff.findings.recurring.isEmpty)
        findings += labelled("New", .table(headers: headers, rows: findingRows(diff.findings.new)), diff.findings.new.isEmpty)
        findings += labelled("Resolved", .table(headers: headers, rows: findingRows(diff.findings.resolved)), diff.findings.resolved.isEmpty)
        if !diff.findings.pending.isEmpty {
            findings.append(.paragraph("Pending: raised on one side only, for periods the other side had not judged yet; neither new nor resolved until both have:"))
            findings.append(.table(headers: headers + ["pending on the other side"],
                                   rows: diff.findings.pending.map { findingRows([$0])[0] + [($0.pending ?? []).joined(separator: ", ")] }))
        }
        sections.append(.init(title: "Findings", blocks: findings))

        return ReportDocument(title: "Renewal diff — cycle \(diff.from.cycle) to \(diff.to.cycle)",
                              facts: [("From", "\(diff.from.cycle): \(side(diff.from))"), ("To", "\(diff.to.cycle): \(side(diff.to))")],
                              sections: sections)
    }

    private static func labelled(_ label: String, _ block: ReportDocument.Block, _ empty: Bool) -> [ReportDocument.Block] {
        empty ? [] : [.paragraph("\(label):"), block]
    }

    private static func changes(_ changes: [RenewalDiff.Change], kind: String) -> [ReportDocument.Block] {
        var blocks: [ReportDocument.Block] = []
        for change in changes {
            var facts = change.fields.map { "\($0.field): \($0.before ?? "—") → \($0.after ?? "—")" }
            if let approved = change.approved {
                facts.append(approved ? "the new version's approval is proven by the history" : "no proven approval for the new version")
            }
            facts += (change.approvals ?? []).map { "proven: \($0)" }
            blocks.append(.paragraph("Changed \(kind) \(change.id)\(change.title.map { " (\($0))" } ?? ""):"))
            if !facts.isEmpty { blocks.append(.list(facts)) }
            if !change.text.isEmpty { blocks.append(.diff(caption: "\(change.id): text", lines: change.text)) }
        }
        return blocks
    }

    private static func list(_ ids: [String]) -> String { ids.isEmpty ? "none" : ids.joined(separator: ", ") }
}
