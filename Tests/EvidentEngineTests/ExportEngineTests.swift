import EvidentCore
import EvidentEngine
import EvidentReporting
import Foundation
import GitFixtures
import Testing

/// `assessmentResults(cycle:ref:)` and `componentDefinition(ref:)`: the OSCAL documents, typed.
/// That they load into OSCAL's own models is checked through the binary (OSCALExportTests).
@Suite struct ExportEngineTests {
    /// The example program through 2026, AC-01's second quarter missing and no interview note,
    /// audited on 5 January 2027 (after the window, so the missing note is a low finding); the
    /// record is written into the working tree (not committed), as `evident audit` leaves it.
    private func audited(in folder: TemporaryDirectory) throws -> (FixtureRepository, AuditRecord) {
        var repository = try FixtureRepository(in: folder.url)
        var files = ExampleProgram.base.mapValues { Optional($0) }
        files["evidence/AC-01/2026-01-15-review.md"] = "Q1"
        try repository.commitApproved(files, on: "2026-01-16", message: "Program")
        try repository.commit(["evidence/AC-01/2026-07-08-review.md": "Q3", "evidence/AC-01/2026-10-05-review notes/export.csv": "Q4"], on: "2026-10-06")
        try repository.commit(["README.md": "done"], on: "2027-01-05")
        let run = try Fixtures.auditAndWrite(repository)
        return (repository, run.record)
    }

    /// Every `uuid` member anywhere in a typed document, found by reflection.
    private func uuids(in value: Any) -> [String] {
        Mirror(reflecting: value).children.flatMap { child -> [String] in
            if child.label == "uuid", let uuid = child.value as? String { return [uuid] }
            return uuids(in: child.value)
        }
    }

    private func properties(_ props: [OSCAL.Property]?) -> [String: String] {
        Dictionary((props ?? []).map { ($0.name, $0.value) }) { first, _ in first }
    }

    @Test func assessmentResultsCarryTheRecord() throws {
        let folder = try TemporaryDirectory()
        let (fixture, written) = try audited(in: folder)
        let record = try AuditRecord.read(try Data(contentsOf: fixture.url.appendingPathComponent("audits/2026/record.json")), file: "audits/2026/record.json")
        #expect(record == written)
        let repository = try Fixtures.open(fixture)
        let document = try repository.assessmentResults(cycle: "2026", ref: nil)
        let results = document.assessmentResults
        #expect(results.metadata.oscalVersion == "1.1.3")
        #expect(results.results.count == 1)
        let result = try #require(results.results.first)
        #expect(result.start == "2026-01-01T00:00:00Z" && result.end == "2026-12-31T23:59:59Z")
        #expect(properties(result.props)["audited-commit"] == record.auditedCommit)
        let reviewed = try #require(result.reviewedControls.controlSelections.first).includeControls
        #expect(reviewed.count == 33, "the 33 common criteria of a security-only scope")

        // AC-01's observation lists its evidence with the landing commit and its exact time.
        let ac01 = try #require(result.observations?.first { $0.title?.hasPrefix("AC-01:") == true })
        let evidence = ac01.relevantEvidence ?? []
        #expect(evidence.map(\.href) == ["evidence/AC-01/2026-01-15-review.md", "evidence/AC-01/2026-07-08-review.md", "evidence/AC-01/2026-10-05-review%20notes"])
        let q3 = properties(try #require(evidence.dropFirst().first).props)
        let landing = try Git.text(["log", "-1", "--format=%H %ct", "--", "evidence/AC-01/2026-07-08-review.md"], in: fixture.url).split(separator: " ")
        #expect(q3["landing-commit"] == String(landing[0]))
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        #expect(q3["landed-at"] == formatter.string(from: Date(timeIntervalSince1970: Double(landing[1])!)))

        // Every finding of the record, with its risk, its status and the criterion it is about.
        let findings = result.findings ?? []
        let risks = result.risks ?? []
        #expect(findings.count == record.findings.count && risks.count == record.findings.count)
        let riskUUIDs = Set(risks.map(\.uuid))
        #expect(findings.allSatisfy { finding in (finding.relatedRisks ?? []).allSatisfy { riskUUIDs.contains($0.riskUUID) } })
        let missing = try #require(findings.first { $0.title == "EVID-MISSING-PERIOD on AC-01" })
        #expect(missing.target.type == "objective-id" && missing.target.status.state == "not-satisfied")
        let firstCriterion = record.criteria.first { $0.controls.contains("AC-01") }?.id
        #expect(missing.target.targetID == firstCriterion)
        // As in the record, only medium and high findings leave their criterion unmet.
        let states = findings.map { (properties($0.props)["severity"], $0.target.status.state) }
        #expect(states.contains { $0.0 == "low" || $0.0 == "info" }, "the fixture has low or info findings: \(states)")
        #expect(states.allSatisfy { ["high", "medium"].contains($0.0) ? $0.1 == "not-satisfied" : $0.1 == "satisfied" })
        let missingRisk = try #require(risks.first { $0.title == "EVID-MISSING-PERIOD on AC-01" })
        #expect(missingRisk.status == "open" && missingRisk.deadline == "2027-01-18T23:59:59Z")

        // Deterministic: unique version 5 uuids, and the same document on a re-export.
        let all = uuids(in: document)
        #expect(all.count > 2 * record.findings.count, "every finding, risk, observation and resource has one: \(all.count)")
        #expect(Set(all).count == all.count, "uuids are unique")
        #expect(all.allSatisfy { $0.count == 36 && Array($0)[14] == "5" })
        #expect(try Fixtures.open(fixture).assessmentResults(cycle: "2026", ref: nil) == document)
    }

    @Test func componentDefinitionMapsCriteria() throws {
        let folder = try TemporaryDirectory()
        var fixture = try FixtureRepository(in: folder.url)
        _ = try Scaffold.write(ScaffoldRequest(folder: fixture.url.path, categories: ["availability"], organization: "Example Corp", year: 2026))
        try fixture.commitApproved([:], on: "2026-01-05", message: "Program")
        let document = try Fixtures.open(fixture).componentDefinition(ref: nil)

        let program = try Program.load(from: InMemoryFiles(try readTree(fixture.url)))
        let components = document.componentDefinition.components
        #expect(components.count == program.controls.count + program.policies.count)
        #expect(components.filter { $0.type == "policy" }.count == program.policies.count)
        for control in program.controls {
            let component = try #require(components.first { $0.title.hasPrefix("\(control.id.value):") })
            let requirements = component.controlImplementations?.first?.implementedRequirements ?? []
            #expect(requirements.map(\.controlID) == control.criteria.map(\.value), "\(control.id.value)")
        }
        let covered = Set(components.flatMap { ($0.controlImplementations ?? []).flatMap { $0.implementedRequirements.map(\.controlID) } })
        #expect(covered == Set(TrustServicesCriteria.inScope([.security, .availability]).map(\.id)), "every in-scope criterion is implemented")
        let all = uuids(in: document)
        #expect(all.count > components.count)
        #expect(Set(all).count == all.count)
        #expect(try Fixtures.open(fixture).componentDefinition(ref: "HEAD") == document)
    }

    @Test func badInputIsAUsageError() throws {
        let folder = try TemporaryDirectory()
        let (fixture, _) = try audited(in: folder)
        let repository = try Fixtures.open(fixture)
        let none = #expect(throws: EngineError.self) { try repository.assessmentResults(cycle: "2031", ref: nil) }
        #expect(none?.status == .usage)
        #expect(none?.message == "evident.yaml has no cycle '2031'; its cycles are 2026", "a cycle the program does not define is not one to audit first")
        let recordFile = fixture.url.appendingPathComponent("audits/2026/record.json")
        try FileManager.default.removeItem(at: recordFile)
        let unaudited = #expect(throws: EngineError.self) { try repository.assessmentResults(cycle: "2026", ref: nil) }
        #expect(unaudited?.message == "there is no record of cycle '2026' at audits/2026/record.json; run `evident audit --cycle 2026` first")
        try Data("{}".utf8).write(to: recordFile)
        let garbage = #expect(throws: EngineError.self) { try repository.assessmentResults(cycle: "2026", ref: nil) }
        #expect(garbage?.status == .usage)
        #expect(garbage?.message.contains("audits/2026/record.json:1:1: not an Evident record: 'statement' is missing") == true, "\(garbage?.message ?? "")")
    }

    /// The files of a repository's working tree, as text.
    private func readTree(_ top: URL) throws -> [String: String] {
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: top, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            if url.lastPathComponent == ".git" {
                enumerator?.skipDescendants()
                continue
            }
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            files[String(url.standardizedFileURL.path.dropFirst(top.standardizedFileURL.path.count + 1))] = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        }
        return files
    }
}
