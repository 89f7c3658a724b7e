import EvidentCore
import EvidentReporting
import Foundation

/// The three files of a record, as `evident audit` writes them into `audits/<cycle>/`.
enum RecordFiles {
    static let json = "record.json"
    static let markdown = "record.md"
    static let html = "report.html"

    /// The record's Markdown and HTML renderings (which do not show the digests), and their
    /// sha-256. The two are independent and, with a year of a daily control's calendar, a
    /// tenth of a warm audit: the HTML is rendered and hashed on a second thread meanwhile.
    static func renderings(of record: AuditRecord) throws -> (digests: AuditRecord.Renderings, files: [(name: String, bytes: [UInt8])]) {
        let report = Rendering()
        let group = DispatchGroup()
        DispatchQueue.global(qos: .userInitiated).async(group: group) {
            report.result = Result { () throws -> ([UInt8], String) in
                let bytes = try RecordFormat.html.renderer.render(record)
                return (bytes, SHA256.hex(bytes))
            }
        }
        let markdown = Result { () throws -> ([UInt8], String) in
            let bytes = try RecordFormat.markdown.renderer.render(record)
            return (bytes, SHA256.hex(bytes))
        }
        group.wait()
        let (markdownBytes, markdownDigest) = try markdown.get()
        let (htmlBytes, htmlDigest) = try report.result!.get()
        return (AuditRecord.Renderings(markdown: markdownDigest, html: htmlDigest), [(self.markdown, markdownBytes), (self.html, htmlBytes)])
    }

    /// The HTML rendering, handed from its thread to the caller after `wait()`.
    private final class Rendering: @unchecked Sendable {
        var result: Result<([UInt8], String), any Error>?
    }
}
