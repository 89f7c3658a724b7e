import EvidentCore
import Foundation
import GitFixtures
import Testing

/// `evident export oscal`, validated by loading the output into compliance-trestle's OSCAL 1.1
/// models (and `trestle validate`), which `.ci/run` installs.
@Suite struct OSCALExportTests {
    /// The example program through 2026, AC-01's second quarter missing; the record is written.
    private func audited(in folder: TemporaryDirectory) throws -> FixtureRepository {
        var repository = try FixtureRepository(in: folder.url)
        var files = ExampleProgram.base.mapValues { Optional($0) }
        files["evidence/AC-01/2026-01-15-review.md"] = "Q1"
        try repository.commit(files, on: "2026-01-16", message: "Program")
        try repository.commit(["evidence/AC-01/2026-07-08-review.md": "Q3", "evidence/AC-01/2026-10-05-review notes/export.csv": "Q4"], on: "2026-10-06")
        try repository.commit(["README.md": "done"], on: "2026-12-20")
        let audit = try EvidentBinary.run(["audit", "--fail-on", "never"], in: repository.url)
        #expect(audit.status == 0, "\(audit.error)")
        return repository
    }

    /// Loads a document into trestle's model of `kind`; the output is trestle's verdict.
    private func trestleLoads(_ file: URL, as kind: String) throws -> (status: Int32, output: String) {
        let model = kind == "assessment-results" ? "trestle.oscal.assessment_results import AssessmentResults as M" : "trestle.oscal.component import ComponentDefinition as M"
        let script = "import pathlib, sys\nfrom \(model)\nm = M.oscal_read(pathlib.Path(sys.argv[1]))\nprint('loaded', type(m).__name__)"
        let result = try Process.capture(executable: "/usr/bin/env", arguments: ["python3", "-c", script, file.path], in: file.deletingLastPathComponent())
        return (result.status, String(decoding: result.standardOutput + result.standardError, as: UTF8.self))
    }

    /// The `trestle` command, run through the Python that has it installed.
    private func trestle(_ arguments: [String], in folder: URL) throws -> Process.Captured {
        try Process.capture(executable: "/usr/bin/env", arguments: ["python3", "-c", "import sys; from trestle.cli import run; sys.argv[0] = 'trestle'; run()"] + arguments,
                            in: folder)
    }

    /// `trestle validate` in a trestle workspace: every registered validator (duplicate uuids among them).
    private func trestleValidates(_ file: URL, folder: String, name: String) throws -> (status: Int32, output: String) {
        let workspace = try TemporaryDirectory("trestle")
        let initialise = try trestle(["init"], in: workspace.url)
        #expect(initialise.status == 0, "\(String(decoding: initialise.standardError, as: UTF8.self))")
        let target = workspace.url.appendingPathComponent("\(folder)/model/\(name).json")
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: file, to: target)
        let result = try trestle(["validate", "-f", target.path], in: workspace.url)
        return (result.status, String(decoding: result.standardOutput + result.standardError, as: UTF8.self))
    }

    private func uuids(in value: Any) -> [String] {
        switch value {
        case let object as [String: Any]:
            return (object["uuid"] as? String).map { [$0] }.map { $0 + object.values.flatMap(uuids) } ?? object.values.flatMap(uuids)
        case let array as [Any]: return array.flatMap(uuids)
        default: return []
        }
    }

    @Test func assessmentResultsLoadIntoTrestleAndCarryTheRecord() throws {
        let folder = try TemporaryDirectory()
        let repository = try audited(in: folder)
        let output = folder.url.appendingPathComponent("assessment-results.json")
        let export = try EvidentBinary.run(["export", "oscal", "--cycle", "2026", "--output", output.path], in: repository.url)
        #expect(export.status == 0, "\(export.error)")
        let loaded = try trestleLoads(output, as: "assessment-results")
        #expect(loaded.status == 0 && loaded.output.contains("loaded AssessmentResults"), "\(loaded.output)")
        let validated = try trestleValidates(output, folder: "assessment-results", name: "assessment-results")
        #expect(validated.status == 0 && validated.output.contains("VALID"), "\(validated.output)")

        let record = try JSONSerialization.jsonObject(with: Data(contentsOf: repository.url.appendingPathComponent("audits/2026/record.json"))) as! [String: Any]
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as! [String: Any]
        let results = document["assessment-results"] as! [String: Any]
        #expect((results["metadata"] as! [String: Any])["oscal-version"] as? String == "1.1.3")
        let result = (results["results"] as! [[String: Any]])[0]
        #expect(result["start"] as? String == "2026-01-01T00:00:00Z" && result["end"] as? String == "2026-12-31T23:59:59Z")
        let props = Dictionary((result["props"] as! [[String: Any]]).map { ($0["name"] as! String, $0["value"] as! String) }) { first, _ in first }
        #expect(props["audited-commit"] == record["audited_commit"] as? String)
        let reviewed = ((result["reviewed-controls"] as! [String: Any])["control-selections"] as! [[String: Any]])[0]["include-controls"] as! [[String: Any]]
        #expect(reviewed.count == 33, "the 33 common criteria of a security-only scope")

        // AC-01's observation lists its evidence with the landing commit and its exact time.
        let observations = result["observations"] as! [[String: Any]]
        let ac01 = try #require(observations.first { ($0["title"] as? String)?.hasPrefix("AC-01:") == true })
        let evidence = ac01["relevant-evidence"] as! [[String: Any]]
        #expect(evidence.map { $0["href"] as! String } == ["evidence/AC-01/2026-01-15-review.md", "evidence/AC-01/2026-07-08-review.md", "evidence/AC-01/2026-10-05-review%20notes"])
        let q3 = evidence[1]
        let q3Props = Dictionary(((q3["props"] as! [[String: Any]]).map { ($0["name"] as! String, $0["value"] as! String) })) { first, _ in first }
        let landing = try Git.text(["log", "-1", "--format=%H %ct", "--", "evidence/AC-01/2026-07-08-review.md"], in: repository.url).split(separator: " ")
        #expect(q3Props["landing-commit"] == String(landing[0]))
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        #expect(q3Props["landed-at"] == formatter.string(from: Date(timeIntervalSince1970: Double(landing[1])!)))

        // Every finding of the record, with its risk, its status and the criterion it is about.
        let recordFindings = record["findings"] as! [[String: Any]]
        let findings = result["findings"] as! [[String: Any]]
        let risks = result["risks"] as! [[String: Any]]
        #expect(findings.count == recordFindings.count && risks.count == recordFindings.count)
        let riskUUIDs = Set(risks.map { $0["uuid"] as! String })
        #expect(findings.allSatisfy { finding in
            ((finding["related-risks"] as? [[String: Any]]) ?? []).allSatisfy { riskUUIDs.contains($0["risk-uuid"] as! String) }
        })
        let missing = try #require(findings.first { ($0["title"] as? String) == "EVID-MISSING-PERIOD on AC-01" })
        let target = missing["target"] as! [String: Any]
        #expect(target["type"] as? String == "objective-id" && (target["status"] as! [String: Any])["state"] as? String == "not-satisfied")
        let firstCriterion = (record["criteria"] as! [[String: Any]]).first { ($0["controls"] as! [String]).contains("AC-01") }?["id"] as? String
        #expect(target["target-id"] as? String == firstCriterion)
        // As in the record, only medium and high findings leave their criterion unmet.
        func severity(_ item: [String: Any]) -> String? {
            (item["props"] as? [[String: Any]])?.first { $0["name"] as? String == "severity" }?["value"] as? String
        }
        let states = findings.map { (severity($0)!, ((($0["target"] as! [String: Any])["status"] as! [String: Any])["state"] as! String)) }
        #expect(states.contains { $0.0 == "low" || $0.0 == "info" }, "the fixture has low or info findings: \(states)")
        #expect(states.allSatisfy { ["high", "medium"].contains($0.0) ? $0.1 == "not-satisfied" : $0.1 == "satisfied" })
        let missingRisk = try #require(risks.first { ($0["title"] as? String) == "EVID-MISSING-PERIOD on AC-01" })
        #expect(missingRisk["status"] as? String == "open" && missingRisk["deadline"] as? String == "2027-01-18T23:59:59Z")

        // Deterministic: unique version 5 uuids, and the same bytes on a re-export.
        let all = uuids(in: document)
        #expect(Set(all).count == all.count, "uuids are unique")
        #expect(all.allSatisfy { $0.count == 36 && Array($0)[14] == "5" })
        let again = try EvidentBinary.run(["export", "oscal", "--cycle", "2026"], in: repository.url)
        #expect(again.outputData == (try Data(contentsOf: output)))
    }

    @Test func componentDefinitionLoadsIntoTrestleAndMapsCriteria() throws {
        let folder = try TemporaryDirectory()
        var repository = try FixtureRepository(in: folder.url)
        #expect(try EvidentBinary.run(["init", "--categories", "availability"], in: repository.url).status == 0)
        try repository.commit([:], on: "2026-01-05", message: "Program")
        let export = try EvidentBinary.run(["export", "oscal", "--components"], in: repository.url)
        #expect(export.status == 0, "\(export.error)")
        let output = folder.url.appendingPathComponent("component-definition.json")
        try export.outputData.write(to: output)
        let loaded = try trestleLoads(output, as: "component-definition")
        #expect(loaded.status == 0 && loaded.output.contains("loaded ComponentDefinition"), "\(loaded.output)")
        let validated = try trestleValidates(output, folder: "component-definitions", name: "component-definition")
        #expect(validated.status == 0 && validated.output.contains("VALID"), "\(validated.output)")

        let program = try Program.load(from: InMemoryFiles(try readTree(repository.url)))
        let document = try JSONSerialization.jsonObject(with: export.outputData) as! [String: Any]
        let components = (document["component-definition"] as! [String: Any])["components"] as! [[String: Any]]
        #expect(components.count == program.controls.count + program.policies.count)
        #expect(components.filter { $0["type"] as? String == "policy" }.count == program.policies.count)
        for control in program.controls {
            let component = try #require(components.first { ($0["title"] as? String)?.hasPrefix("\(control.id.value):") == true })
            let requirements = ((component["control-implementations"] as! [[String: Any]])[0]["implemented-requirements"] as! [[String: Any]])
            #expect(requirements.map { $0["control-id"] as! String } == control.criteria.map(\.value), "\(control.id.value)")
        }
        let covered = Set(components.flatMap { ($0["control-implementations"] as? [[String: Any]] ?? []).flatMap { ($0["implemented-requirements"] as! [[String: Any]]).map { $0["control-id"] as! String } } })
        #expect(covered == Set(TrustServicesCriteria.inScope([.security, .availability]).map(\.id)), "every in-scope criterion is implemented")
        let all = uuids(in: document)
        #expect(Set(all).count == all.count)
        #expect(try EvidentBinary.run(["export", "oscal", "--components"], in: repository.url).outputData == export.outputData)
    }

    @Test func trestleRejectsABrokenDocument() throws {
        let folder = try TemporaryDirectory()
        let repository = try audited(in: folder)
        let export = try EvidentBinary.run(["export", "oscal", "--cycle", "2026"], in: repository.url)
        var text = String(decoding: export.outputData, as: UTF8.self)
        text = text.replacingOccurrences(of: "\"state\" : \"not-satisfied\"", with: "\"state\" : \"half-satisfied\"")
        let broken = folder.url.appendingPathComponent("broken.json")
        try Data(text.utf8).write(to: broken)
        let loaded = try trestleLoads(broken, as: "assessment-results")
        #expect(loaded.status != 0, "the validation can fail: \(loaded.output)")
    }

    @Test func badInputIsRefused() throws {
        let folder = try TemporaryDirectory()
        let repository = try audited(in: folder)
        let none = try EvidentBinary.run(["export", "oscal", "--cycle", "2031"], in: repository.url)
        #expect(none.status == 2 && none.error.contains("there is no record of cycle '2031' at audits/2031/record.json; run `evident audit --cycle 2031` first"))
        #expect(try EvidentBinary.run(["export", "oscal"], in: repository.url).status == 2)
        #expect(try EvidentBinary.run(["export", "oscal", "--cycle", "2026", "--components"], in: repository.url).status == 2)
        try Data("{}".utf8).write(to: repository.url.appendingPathComponent("audits/2026/record.json"))
        let garbage = try EvidentBinary.run(["export", "oscal", "--cycle", "2026"], in: repository.url)
        #expect(garbage.status == 2 && garbage.error.contains("audits/2026/record.json:1:1: not an Evident record: 'statement' is missing"), "\(garbage.error)")
        let unwritable = try EvidentBinary.run(["export", "oscal", "--components", "-o", "/nonexistent/folder/out.json"], in: repository.url)
        #expect(unwritable.status == 2 && unwritable.error.contains("cannot write /nonexistent/folder/out.json"))
    }

    /// The committed files of a repository's working tree, as text.
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
