import EvidentCore
import EvidentReporting

/// The three files of a record, as `evident audit` writes them into `audits/<cycle>/`.
enum RecordFiles {
    static let json = "record.json"
    static let markdown = "record.md"
    static let html = "report.html"

    /// The sha-256 of the record's Markdown and HTML renderings (which do not show the digests).
    static func renderings(of record: AuditRecord) throws -> AuditRecord.Renderings {
        AuditRecord.Renderings(markdown: SHA256.hex(try RecordFormat.markdown.renderer.render(record)),
                               html: SHA256.hex(try RecordFormat.html.renderer.render(record)))
    }

    /// Each file's name and bytes.
    static func contents(of record: AuditRecord) throws -> [(name: String, bytes: [UInt8])] {
        [(json, try RecordFormat.json.renderer.render(record)),
         (markdown, try RecordFormat.markdown.renderer.render(record)),
         (html, try RecordFormat.html.renderer.render(record))]
    }
}
