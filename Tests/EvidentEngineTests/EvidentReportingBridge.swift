import EvidentCore
import EvidentReporting

/// The record's JSON as Evident writes it, for tests that forge records.
enum EvidentReportingBridge {
    static func json(_ record: AuditRecord) throws -> String {
        try RecordFormat.json.renderer.string(record)
    }
}
