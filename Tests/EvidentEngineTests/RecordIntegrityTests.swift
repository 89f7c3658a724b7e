import EvidentCore
import EvidentEngine
import Foundation
import GitFixtures
import Testing

/// `verify` catches an edit to any of the record's three files, and still checks what it can of
/// a record written by another Evident version.
@Suite struct RecordIntegrityTests {
    /// The example program with cycle 2026 audited and its record committed.
    private func recorded(in folder: TemporaryDirectory) throws -> FixtureRepository {
        var fixture = try FixtureRepository(in: folder.url)
        var files = ExampleProgram.base.mapValues { Optional($0) }
        files["risk/risk-assessment.md"] = "---\nkind: risk-assessment\n---\nRegister.\n"
        try fixture.commitApproved(files, on: "2026-01-10", message: "Program")
        try fixture.commit(["evidence/AC-01/2026-04-10-review.md": "Q2", "audits/2026/interviews/alice.md": "Notes"], on: "2026-04-11")
        let repository = try ComplianceRepository(discoveringFrom: fixture.url.path)
        try repository.writeRecord(of: try repository.audit(AuditRequest()))
        try fixture.commit([:], on: "2026-07-10", message: "Record the 2026 internal audit")
        return fixture
    }

    /// The record's JSON without the members formats 2 and 3 added, as an older Evident wrote it.
    static func formatOne(_ json: String) throws -> String {
        let added: Set<String> = ["format_version", "renderings", "conclusion", "population_sha256", "seed", "size_rule",
                                  "binding", "binding_commit", "unsampled_conclusions"]
        // Format 3 added these to findings (a control's `periods` is older).
        let addedToFindings: Set<String> = ["periods", "items", "count"]
        func strip(_ value: Any, inFindings: Bool = false) -> Any {
            if let object = value as? [String: Any] {
                return Dictionary(uniqueKeysWithValues: object.filter { !added.contains($0.key) && !(inFindings && addedToFindings.contains($0.key)) }
                    .map { ($0.key, strip($0.value, inFindings: $0.key == "findings")) })
            }
            if let array = value as? [Any] { return array.map { strip($0, inFindings: inFindings) } }
            return value
        }
        let stripped = strip(try JSONSerialization.jsonObject(with: Data(json.utf8)))
        let data = try JSONSerialization.data(withJSONObject: stripped, options: [.prettyPrinted, .sortedKeys])
        #expect(!String(decoding: data, as: UTF8.self).contains("\"seed\""))
        return String(decoding: data, as: UTF8.self)
    }

    private func text(_ path: String, in fixture: FixtureRepository) throws -> String {
        String(decoding: try Data(contentsOf: fixture.url.appendingPathComponent(path)), as: UTF8.self)
    }

    @Test func theFreshRecordVerifiesAndKeepsTheDigestsOfItsRenderings() throws {
        let folder = try TemporaryDirectory()
        let fixture = try recorded(in: folder)
        let report = try ComplianceRepository(discoveringFrom: fixture.url.path).verify()
        #expect(report.isClean && report.notes.isEmpty, "\(report.problems) \(report.notes)")
        let record = try AuditRecord.read(try Data(contentsOf: fixture.url.appendingPathComponent("audits/2026/record.json")), file: "record.json")
        #expect(record.formatVersion == AuditRecord.currentFormat)
        #expect(record.renderings?.markdown == SHA256.hex(try Data(contentsOf: fixture.url.appendingPathComponent("audits/2026/record.md"))))
        #expect(record.renderings?.html == SHA256.hex(try Data(contentsOf: fixture.url.appendingPathComponent("audits/2026/report.html"))))
    }

    @Test(arguments: ["audits/2026/record.md", "audits/2026/report.html"])
    func anEditToARenderingIsCaught(_ path: String) throws {
        let folder = try TemporaryDirectory()
        var fixture = try recorded(in: folder)
        let edited = try text(path, in: fixture).replacingOccurrences(of: "EVID-", with: "EVlD-")
        try fixture.commit([path: edited + "\n"], on: "2026-07-11", message: "Tidy")
        let report = try ComplianceRepository(discoveringFrom: fixture.url.path).verify()
        #expect(report.problems == ["\(path): differs from the file the audit wrote (its sha-256 is not the one audits/2026/record.json keeps): it was edited afterwards"])
    }

    @Test func aDeletedRenderingIsCaught() throws {
        let folder = try TemporaryDirectory()
        var fixture = try recorded(in: folder)
        try fixture.commit(["audits/2026/report.html": nil], on: "2026-07-11", message: "Drop the report")
        let report = try ComplianceRepository(discoveringFrom: fixture.url.path).verify()
        #expect(report.problems == ["audits/2026/report.html: missing, though audits/2026/record.json was written with it"])
    }

    /// A format-1 record by 0.1.0 (no digests): checked for its place and chain, with a note.
    @Test func aRecordByAnOlderEvidentVerifiesWithANoteSayingWhatWasNotRederived() throws {
        let folder = try TemporaryDirectory()
        var fixture = try recorded(in: folder)
        var record = try AuditRecord.read(try Data(contentsOf: fixture.url.appendingPathComponent("audits/2026/record.json")), file: "record.json")
        record.tool = "evident 0.1.0"
        record.formatVersion = nil
        record.renderings = nil
        // What 0.1.0 wrote: none of the members format 2 added.
        let old = try Self.formatOne(try EvidentReportingBridge.json(record))
        try fixture.commit(["audits/2026/record.json": old, "audits/2026/record.md": "edited, unknowably"], on: "2026-07-11", message: "An older record")
        let report = try ComplianceRepository(discoveringFrom: fixture.url.path).verify()
        #expect(report.isClean, "\(report.problems)")
        #expect(report.notes == ["audits/2026/record.json: written by evident 0.1.0, not \(EvidentVersion.tool), so its findings, populations and samples were not re-derived; checked its audited commit's place on the first-parent mainline, its chain to the previous record; record.md and report.html were not checked: a record of format 1 keeps no digest of them"])

        // Its link to a previous record is still checked.
        record.previous = String(repeating: "a", count: 64)
        try fixture.commit(["audits/2026/record.json": try Self.formatOne(try EvidentReportingBridge.json(record))], on: "2026-07-12", message: "Forge a link")
        let forged = try ComplianceRepository(discoveringFrom: fixture.url.path).verify()
        #expect(forged.problems.count == 1)
        #expect(forged.problems.first?.contains("its link to the previous cycle's record (previous: aaaa") == true)
    }
}
