import EvidentCore
import EvidentReporting

/// The three files of a record, as `evident audit` writes them into `audits/<cycle>/`.
enum RecordFiles {
    static let json = "record.json"
    static let markdown = "record.md"
    static let html = "report.html"

    /// The record's Markdown and HTML renderings (which do not show the digests), and their sha-256.
    static func renderings(of record: AuditRecord) throws -> (digests: AuditRecord.Renderings, files: [(name: String, bytes: [UInt8])]) {
        let markdown = try RecordFormat.markdown.renderer.render(record)
        let html = try RecordFormat.html.renderer.render(record)
        return (AuditRecord.Renderings(markdown: SHA256.hex(markdown), html: SHA256.hex(html)), [(self.markdown, markdown), (self.html, html)])
    }
}
