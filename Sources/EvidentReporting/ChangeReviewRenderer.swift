import EvidentCore

/// `evident pr`: the review of a change as Markdown (a pull-request comment or
/// `$GITHUB_STEP_SUMMARY`) or plain text.
public struct ChangeReviewRenderer: TextDocumentRenderer {
    public typealias Document = ChangeReview

    public var layout: ReportDocument.Layout

    public init(layout: ReportDocument.Layout) {
        self.layout = layout
    }

    public func text(_ review: ChangeReview) -> String {
        Self.document(review).rendered(as: layout)
    }

    static func document(_ review: ChangeReview) -> ReportDocument {
        let errors = review.diagnostics.filter { $0.severity == .error }.count
        let warnings = review.diagnostics.filter { $0.severity == .warning }.count
        var sections: [ReportDocument.Section] = []
        let verdict = errors > 0 ? "This change has \(errors) \(errors == 1 ? "error" : "errors") to fix before it merges."
            : warnings > 0 ? "No errors; \(warnings) \(warnings == 1 ? "warning" : "warnings") to look at." : "No problems found in the changed files."
        sections.append(.init(title: "Summary", blocks: [.paragraph(verdict)]))
        let rows = review.items.map { item -> [String] in
            var what = item.fields.map { "\($0.field): \($0.before ?? "—") → \($0.after ?? "—")" }
            if item.textChanged { what.append("text changed") }
            return [item.change.rawValue, item.kind.rawValue, item.id, item.title ?? "", item.owner ?? "", what.joined(separator: "; ")]
        }
        sections.append(.init(title: "Controls and policies", blocks: rows.isEmpty ? [.paragraph("The change touches no control or policy.")]
                              : [.table(headers: ["change", "kind", "id", "title", "owner", "what changed"], rows: rows)]))
        var evidence: [ReportDocument.Block] = []
        if !review.evidenceAdded.isEmpty { evidence += [.paragraph("Added:"), .list(review.evidenceAdded)] }
        if !review.evidenceChanged.isEmpty {
            evidence += [.paragraph("Modified or deleted (evidence is append-only: an error):"), .list(review.evidenceChanged)]
        }
        if !evidence.isEmpty { sections.append(.init(title: "Evidence", blocks: evidence)) }
        sections.append(.init(title: "Lint of the changed files", blocks: review.diagnostics.isEmpty ? [.paragraph("Clean.")] : [
            .table(headers: ["severity", "rule", "where", "message"],
                   rows: review.diagnostics.map { [$0.severity.rawValue, $0.rule, "\($0.file):\($0.line):\($0.column)", $0.message] })
        ]))
        sections.append(.init(title: "Approvals needed", blocks: review.approvers.isEmpty ? [.paragraph("No control or policy owner needs to approve this change.")] : [
            .table(headers: ["owner", "GitHub", "for"], rows: review.approvers.map { [$0.owner, $0.handle ?? "—", $0.items.joined(separator: ", ")] })
        ]))
        return ReportDocument(title: "Evident: compliance review of this change",
                              facts: [("Base", review.base), ("Head", review.head), ("Merge base", String(review.mergeBase.prefix(12)))],
                              sections: sections)
    }
}
