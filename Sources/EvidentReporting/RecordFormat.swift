import EvidentCore

/// The formats of the audit record (`evident audit --format`).
public enum RecordFormat: String, CaseIterable, Sendable {
    /// A summary for the terminal.
    case text
    /// `record.json`, the record of reference.
    case json
    /// `record.md`.
    case markdown
    /// `report.html`.
    case html

    public var renderer: any DocumentRenderer<AuditRecord> {
        switch self {
        case .text: RecordSummaryRenderer()
        case .json: RecordJSONRenderer()
        case .markdown: RecordMarkdownRenderer()
        case .html: RecordHTMLRenderer()
        }
    }
}
