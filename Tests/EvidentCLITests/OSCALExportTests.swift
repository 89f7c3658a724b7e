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
        try repository.commitApproved(files, on: "2026-01-16", message: "Program")
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

    /// The two members every OSCAL document is recognised by.
    private struct OSCALJSON: Decodable {
        struct Root: Decodable {
            struct Metadata: Decodable {
                var oscalVersion: String

                enum CodingKeys: String, CodingKey { case oscalVersion = "oscal-version" }
            }

            var uuid: String
            var metadata: Metadata
        }

        var assessmentResults: Root?
        var componentDefinition: Root?

        enum CodingKeys: String, CodingKey {
            case assessmentResults = "assessment-results"
            case componentDefinition = "component-definition"
        }
    }

    /// What the documents say is ExportEngineTests'; here, that what the command writes is OSCAL
    /// as compliance-trestle reads it, and the same bytes each time.
    @Test func assessmentResultsLoadIntoTrestle() throws {
        let folder = try TemporaryDirectory()
        let repository = try audited(in: folder)
        let output = folder.url.appendingPathComponent("assessment-results.json")
        let export = try EvidentBinary.run(["export", "oscal", "--cycle", "2026", "--output", output.path], in: repository.url)
        #expect(export.status == 0, "\(export.error)")
        #expect(export.output.isEmpty, "--output writes the file, not standard output")
        let loaded = try trestleLoads(output, as: "assessment-results")
        #expect(loaded.status == 0 && loaded.output.contains("loaded AssessmentResults"), "\(loaded.output)")
        let validated = try trestleValidates(output, folder: "assessment-results", name: "assessment-results")
        #expect(validated.status == 0 && validated.output.contains("VALID"), "\(validated.output)")
        let document = try JSONDecoder().decode(OSCALJSON.self, from: Data(contentsOf: output))
        #expect(document.assessmentResults?.metadata.oscalVersion == "1.1.3" && document.componentDefinition == nil)
        let again = try EvidentBinary.run(["export", "oscal", "--cycle", "2026"], in: repository.url)
        #expect(again.outputData == (try Data(contentsOf: output)))
    }

    @Test func componentDefinitionLoadsIntoTrestle() throws {
        let folder = try TemporaryDirectory()
        var repository = try FixtureRepository(in: folder.url)
        #expect(try EvidentBinary.run(["init", "--categories", "availability"], in: repository.url).status == 0)
        try repository.commitApproved([:], on: "2026-01-05", message: "Program")
        let export = try EvidentBinary.run(["export", "oscal", "--components"], in: repository.url)
        #expect(export.status == 0, "\(export.error)")
        let output = folder.url.appendingPathComponent("component-definition.json")
        try export.outputData.write(to: output)
        let loaded = try trestleLoads(output, as: "component-definition")
        #expect(loaded.status == 0 && loaded.output.contains("loaded ComponentDefinition"), "\(loaded.output)")
        let validated = try trestleValidates(output, folder: "component-definitions", name: "component-definition")
        #expect(validated.status == 0 && validated.output.contains("VALID"), "\(validated.output)")
        let document = try JSONDecoder().decode(OSCALJSON.self, from: export.outputData)
        #expect(document.componentDefinition?.metadata.oscalVersion == "1.1.3" && document.assessmentResults == nil)
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
        #expect(none.status == 2 && none.error.contains("evident.yaml has no cycle '2031'; its cycles are 2026"), "\(none.error)")
        #expect(try EvidentBinary.run(["export", "oscal"], in: repository.url).status == 2)
        #expect(try EvidentBinary.run(["export", "oscal", "--cycle", "2026", "--components"], in: repository.url).status == 2)
        try Data("{}".utf8).write(to: repository.url.appendingPathComponent("audits/2026/record.json"))
        let garbage = try EvidentBinary.run(["export", "oscal", "--cycle", "2026"], in: repository.url)
        #expect(garbage.status == 2 && garbage.error.contains("audits/2026/record.json:1:1: not an Evident record: 'statement' is missing"), "\(garbage.error)")
        let unwritable = try EvidentBinary.run(["export", "oscal", "--components", "-o", "/nonexistent/folder/out.json"], in: repository.url)
        #expect(unwritable.status == 2 && unwritable.error.contains("cannot write /nonexistent/folder/out.json"))
    }
}
