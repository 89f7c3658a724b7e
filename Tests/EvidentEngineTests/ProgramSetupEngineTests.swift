import EvidentCore
import EvidentEngine
import Foundation
import GitFixtures
import Testing

/// `Scaffold.write`, `codeOwners(check:)` and `installPreCommitHook`: what `evident init`,
/// `evident codeowners` and `evident hook install` do, in process.
@Suite struct ProgramSetupEngineTests {
    @Test func scaffoldWritesTheStarterProgramAndNeverOverwrites() throws {
        let folder = try TemporaryDirectory()
        let fixture = try FixtureRepository(in: folder.url)
        let request = ScaffoldRequest(folder: fixture.url.path, categories: ["availability, privacy"], organization: "Example Corp", year: 2026)
        let first = try Scaffold.write(request)
        #expect(first.categories == [.security, .availability, .privacy])
        #expect(first.folder == fixture.url.standardizedFileURL.path)
        #expect(first.kept.isEmpty)
        let files = StarterProgram.files(categories: [.security, .availability, .privacy], organization: "Example Corp", year: 2026, mainline: "main")
        #expect(first.written == files.count)
        let diagnostics = try Fixtures.open(fixture).lint(LintRequest(today: Day("2026-06-01")!))
        #expect(diagnostics.allSatisfy { $0.ruleID == "PEOPLE-PLACEHOLDER" } && diagnostics.count == StarterProgram.roles.count,
                "the starter program lints clean but for its placeholder people: \(diagnostics.map(\.message))")
        let second = try Scaffold.write(request)
        #expect(second.written == 0 && second.kept == files.keys.sorted())

        let unknown = #expect(throws: EngineError.self) {
            try Scaffold.write(ScaffoldRequest(folder: folder.path("other").path, categories: ["privcy"], organization: "X", year: 2026))
        }
        #expect(unknown?.status == .usage && unknown?.message.contains("did you mean 'privacy'?") == true, "\(unknown?.message ?? "")")
        #expect(!FileManager.default.fileExists(atPath: folder.path("other").path), "nothing is written on bad input")
    }

    @Test func codeOwnersAreWrittenCheckedAndKeptUpToDate() throws {
        let folder = try TemporaryDirectory()
        var fixture = try FixtureRepository(in: folder.url)
        _ = try Scaffold.write(ScaffoldRequest(folder: fixture.url.path, categories: [], organization: "Example Corp", year: 2026))
        let yaml = fixture.url.appendingPathComponent("evident.yaml")
        let text = String(decoding: try Data(contentsOf: yaml), as: UTF8.self)
            .replacingOccurrences(of: "email: it-lead@example.com,", with: "email: it-lead@example.com, github: it-team,")
        try Data(text.utf8).write(to: yaml)
        let owners = fixture.url.appendingPathComponent(".github/CODEOWNERS")
        try Data("* @platform-team\n".utf8).write(to: owners, options: .atomic)
        let repository = try Fixtures.open(fixture)

        #expect(try repository.codeOwners(check: true).state == .missing)
        let written = try repository.codeOwners(check: false)
        #expect(written.file == ".github/CODEOWNERS")
        let controls = try FileManager.default.contentsOfDirectory(atPath: fixture.url.appendingPathComponent("controls").path).count
        let policies = try FileManager.default.contentsOfDirectory(atPath: fixture.url.appendingPathComponent("policies").path).count
        #expect(written.state == .written(lines: controls + policies - written.unmapped.count))
        let section = String(decoding: try Data(contentsOf: owners), as: UTF8.self)
        #expect(section.hasPrefix("* @platform-team\n\n# BEGIN evident"))
        #expect(section.contains("\n/controls/AC-02.md @it-team\n"), "\(section)")
        #expect(try repository.codeOwners(check: true).state == .upToDate)
        #expect(try repository.codeOwners(check: false).state == .unchanged)
        try fixture.commit([:], message: "Program and CODEOWNERS")

        let control = fixture.url.appendingPathComponent("controls/AC-02.md")
        let changed = String(decoding: try Data(contentsOf: control), as: UTF8.self).replacingOccurrences(of: "owner: it-lead", with: "owner: security-lead")
        try Data(changed.utf8).write(to: control)
        #expect(try repository.codeOwners(check: true).state == .outOfDate)
        let stale = try repository.lint(LintRequest(today: Day("2026-06-01")!)).filter { $0.ruleID == "CODEOWNERS-STALE" }
        #expect(stale.map(\.location) == [SourceLocation(file: ".github/CODEOWNERS", line: 3, column: 1)])
        #expect(stale.map(\.severity) == [.warning])
        if case .written = try repository.codeOwners(check: false).state {} else { Issue.record("the stale section is rewritten") }
        #expect(String(decoding: try Data(contentsOf: owners), as: UTF8.self).contains("\n/controls/AC-02.md security-lead@example.com\n"))
        #expect(try repository.lint(LintRequest(today: Day("2026-06-01")!)).allSatisfy { $0.ruleID != "CODEOWNERS-STALE" })
    }

    @Test func theHookIsInstalledAndAForeignOneKeptUnlessForced() throws {
        let folder = try TemporaryDirectory()
        let fixture = try FixtureRepository(in: folder.url)
        let hook = fixture.url.appendingPathComponent(".git/hooks/pre-commit")
        try Data("#!/bin/sh\necho mine\n".utf8).write(to: hook)
        let repository = try Fixtures.open(fixture)
        let refused = #expect(throws: EngineError.self) { try repository.installPreCommitHook(running: "/opt/it's/evident", force: false) }
        #expect(refused?.status == .usage && refused?.message.contains("--force") == true)
        #expect(String(decoding: try Data(contentsOf: hook), as: UTF8.self) == "#!/bin/sh\necho mine\n")
        let installed = try repository.installPreCommitHook(running: "/opt/it's/evident", force: true)
        #expect(installed.standardizedFileURL.path == hook.standardizedFileURL.path)
        let script = String(decoding: try Data(contentsOf: hook), as: UTF8.self)
        #expect(script.hasPrefix("#!/bin/sh\n\(ComplianceRepository.hookMarker)\n"))
        #expect(script.contains("exec '/opt/it'\\''s/evident' lint --staged\n"), "the executable is shell-quoted: \(script)")
        #expect(FileManager.default.isExecutableFile(atPath: hook.path))
        _ = try repository.installPreCommitHook(running: "evident", force: false)
        #expect(String(decoding: try Data(contentsOf: hook), as: UTF8.self).contains("exec 'evident' lint --staged"), "reinstalling its own hook is fine")
    }
}
