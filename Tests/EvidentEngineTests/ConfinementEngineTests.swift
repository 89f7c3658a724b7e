import EvidentCore
import EvidentEngine
import Foundation
import GitFixtures
import Testing

/// Nothing outside the repository is read, listed, shown or written, whatever the repository
/// holds: links to outside files, paths that climb out, ids that are paths, handles that add
/// owners, windows of millennia. Each case is what a hostile pull request could commit.
@Suite struct ConfinementEngineTests {
    static let june = Day("2026-06-01")!
    static let base = ExampleProgram.base["evident.yaml"]!
    /// Text that must never appear in anything Evident says: it is only in files outside the repository.
    static let secret = "OUTSIDE-SECRET-7f3a"

    /// A folder with the repository in `repo/` and a folder beside it, `outside/`, holding a
    /// secret file and a secret evident.yaml.
    private struct Setup {
        let folder: TemporaryDirectory
        var fixture: FixtureRepository
        var outside: URL { folder.url.appendingPathComponent("outside", isDirectory: true) }
        var top: URL { fixture.url }

        init(files: [String: String?] = ExampleProgram.base.mapValues { Optional($0) }) throws {
            folder = try TemporaryDirectory()
            fixture = try FixtureRepository(in: folder.url)
            try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("outside"), withIntermediateDirectories: true)
            try Data("organization: \(ConfinementEngineTests.secret)\n".utf8).write(to: folder.url.appendingPathComponent("outside/evident.yaml"))
            try Data("\(ConfinementEngineTests.secret)\n".utf8).write(to: folder.url.appendingPathComponent("outside/secret.txt"))
            try fixture.commitApproved(files, on: "2026-01-10", message: "Program")
        }

        func repository() throws -> ComplianceRepository { try Fixtures.open(fixture) }

        func lint(staged: Bool = false) throws -> [Diagnostic] {
            try repository().lint(LintRequest(staged: staged, readsHistory: false, today: ConfinementEngineTests.june))
        }

        /// Replaces `path` in the working tree with a link to `target`.
        func link(_ path: String, to target: String) throws {
            let url = top.appendingPathComponent(path)
            try? FileManager.default.removeItem(at: url)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
        }

        func write(_ path: String, _ text: String) throws {
            try Data(text.utf8).write(to: top.appendingPathComponent(path))
        }

        /// Every file now under outside/, relative to it.
        func outsideFiles() throws -> [String] {
            try FileManager.default.subpathsOfDirectory(atPath: outside.path).sorted()
        }
    }

    private func mentionsOutside(_ diagnostics: [Diagnostic]) -> Bool {
        diagnostics.contains { $0.message.contains(Self.secret) || $0.location.file.hasPrefix("../") || $0.location.file.hasPrefix("/") }
    }

    // MARK: Links in the working tree

    @Test func aLinkedConfigurationIsReportedAndNeverRead() throws {
        let setup = try Setup()
        try setup.link("evident.yaml", to: "../outside/evident.yaml")
        let diagnostics = try setup.lint()
        let link = try #require(diagnostics.first { $0.ruleID == "PATH-SYMLINK" })
        #expect(link.location == SourceLocation(file: "evident.yaml", line: 1, column: 1))
        #expect(link.severity == .error && link.message.hasPrefix("evident.yaml is a symbolic link"))
        #expect(!mentionsOutside(diagnostics))
        // Every use case that reads the working tree's layout refuses it, by its name.
        let refused = #expect(throws: EngineError.self) { try setup.repository().audit(AuditRequest()) }
        #expect(refused?.status == .usage)
        #expect(refused?.message.hasPrefix("evident.yaml is a symbolic link") == true, "\(refused?.message ?? "")")
        #expect(refused?.message.contains(Self.secret) == false)
    }

    @Test func aLinkedFolderOnTheWayIsReportedAndNotListed() throws {
        var files = ExampleProgram.base.mapValues { Optional($0) }
        files["evident.yaml"] = Self.base + "root: .\npaths:\n  controls: program/controls\n"
        let setup = try Setup(files: files)
        try FileManager.default.createDirectory(at: setup.outside.appendingPathComponent("controls"), withIntermediateDirectories: true)
        try Data("---\nid: \(Self.secret)\n---\n".utf8).write(to: setup.outside.appendingPathComponent("controls/OUT.md"))
        try setup.link("program", to: "../outside")
        let diagnostics = try setup.lint()
        #expect(diagnostics.filter { $0.ruleID == "PATH-SYMLINK" }.map(\.location.file) == ["program"])
        #expect(!mentionsOutside(diagnostics), "\(diagnostics.map(\.message))")
    }

    @Test func anEvidenceFolderOutsideTheRepositoryIsNotListed() throws {
        var files = ExampleProgram.base.mapValues { Optional($0) }
        files["evident.yaml"] = Self.base + "paths:\n  evidence: ../outside\n"
        let setup = try Setup(files: files)
        let diagnostics = try setup.lint()
        #expect(diagnostics.filter { $0.ruleID == "PATH-INVALID" }.map(\.location) == [SourceLocation(file: "evident.yaml", line: 10, column: 13)])
        #expect(!mentionsOutside(diagnostics), "\(diagnostics.map(\.location.file))")
        let staged = #expect(throws: EngineError.self) { try setup.lint(staged: true) }
        #expect(staged?.status == .usage && staged?.message.hasPrefix("evident.yaml:10:13: 'paths.evidence' climbs out") == true, "\(staged?.message ?? "")")
    }

    @Test func aRootOutsideTheRepositoryIsNotParsed() throws {
        var files = ExampleProgram.base.mapValues { Optional($0) }
        files["evident.yaml"] = Self.base + "root: ../outside\n"
        let setup = try Setup(files: files)
        try FileManager.default.createDirectory(at: setup.outside.appendingPathComponent("controls"), withIntermediateDirectories: true)
        try Data("---\nid: \(Self.secret)\n---\n".utf8).write(to: setup.outside.appendingPathComponent("controls/OUT.md"))
        let diagnostics = try setup.lint()
        #expect(diagnostics.filter { $0.ruleID == "PATH-INVALID" }.map(\.location) == [SourceLocation(file: "evident.yaml", line: 9, column: 7)])
        #expect(!mentionsOutside(diagnostics))
        let refused = #expect(throws: EngineError.self) { try setup.repository().audit(AuditRequest()) }
        #expect(refused?.status == .usage && refused?.message.hasPrefix("evident.yaml:9:7: 'root' climbs out") == true, "\(refused?.message ?? "")")
    }

    @Test func aLinkedCodeOwnersIsNeitherReadNorReplaced() throws {
        let setup = try Setup()
        try Data("* @outsider\n".utf8).write(to: setup.outside.appendingPathComponent("CODEOWNERS"))
        try setup.link(".github/CODEOWNERS", to: "../../outside/CODEOWNERS")
        #expect(try setup.lint().filter { $0.ruleID == "PATH-SYMLINK" }.map(\.location.file) == [".github/CODEOWNERS"])
        let refused = #expect(throws: EngineError.self) { try setup.repository().codeOwners(check: false) }
        #expect(refused?.status == .usage && refused?.message.contains(".github/CODEOWNERS is a symbolic link") == true, "\(refused?.message ?? "")")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: setup.top.appendingPathComponent(".github/CODEOWNERS").path) == "../../outside/CODEOWNERS",
                "the link is still a link: nothing was copied into the repository")
        #expect(String(decoding: try Data(contentsOf: setup.outside.appendingPathComponent("CODEOWNERS")), as: UTF8.self) == "* @outsider\n")
    }

    @Test func aLinkedGitHubFolderIsNotWrittenInto() throws {
        let setup = try Setup()
        try setup.link(".github", to: "../outside")
        #expect(throws: EngineError.self) { try setup.repository().codeOwners(check: false) }
        #expect(try setup.outsideFiles() == ["evident.yaml", "secret.txt"])
    }

    // MARK: Ids and handles

    @Test func aCycleIdThatIsAPathIsAnErrorAndNothingIsWritten() throws {
        var files = ExampleProgram.base.mapValues { Optional($0) }
        files["evident.yaml"] = Self.base.replacingOccurrences(of: "{id: \"2026\"", with: "{id: \"../../outside/pwn\"")
        let setup = try Setup(files: files)
        #expect(try setup.lint().filter { $0.ruleID == "NAME-INVALID" }.map(\.location) == [SourceLocation(file: "evident.yaml", line: 8, column: 10)])
        let refused = #expect(throws: EngineError.self) { try setup.repository().audit(AuditRequest()) }
        #expect(refused?.status == .usage && refused?.message.contains("[NAME-INVALID]") == true, "\(refused?.message ?? "")")
        #expect(try setup.outsideFiles() == ["evident.yaml", "secret.txt"])
    }

    @Test func aHandleThatAddsAnOwnerIsAnErrorAndNoCodeOwnersIsWritten() throws {
        var files = ExampleProgram.base.mapValues { Optional($0) }
        files["evident.yaml"] = Self.base.replacingOccurrences(of: "github: alice", with: "github: \"good\\n* @attacker\"")
        let setup = try Setup(files: files)
        #expect(try setup.lint().filter { $0.ruleID == "NAME-INVALID" }.map(\.location) == [SourceLocation(file: "evident.yaml", line: 4, column: 64)])
        let refused = #expect(throws: EngineError.self) { try setup.repository().codeOwners(check: false) }
        #expect(refused?.status == .usage)
        #expect(!FileManager.default.fileExists(atPath: setup.top.appendingPathComponent(".github/CODEOWNERS").path))
    }

    @Test func anExportedCycleIsAnId() throws {
        let setup = try Setup()
        let refused = #expect(throws: EngineError.self) { try setup.repository().assessmentResults(cycle: "../../outside/x", ref: nil) }
        #expect(refused?.status == .usage && refused?.message.hasPrefix("--cycle contains '/'") == true, "\(refused?.message ?? "")")
    }

    // MARK: Windows

    /// Seven years: more than the five a window may last. (A window of millennia made the audit
    /// write 1.3 GB; CLI tests run that one.)
    @Test func aWindowLongerThanFiveYearsIsRefusedByLintAndAudit() throws {
        var files = ExampleProgram.base.mapValues { Optional($0) }
        files["evident.yaml"] = Self.base.replacingOccurrences(of: "start: 2026-01-01, end: 2026-12-31", with: "start: 2020-01-01, end: 2026-12-31")
        let setup = try Setup(files: files)
        #expect(try setup.lint().filter { $0.ruleID == "CYCLE-WINDOW" }.map(\.location) == [SourceLocation(file: "evident.yaml", line: 8, column: 51)])
        let refused = #expect(throws: EngineError.self) { try setup.repository().audit(AuditRequest()) }
        #expect(refused?.status == .usage)
        #expect(refused?.message.hasPrefix("evident.yaml:8:51: cycle '2026' runs from 2020-01-01 to 2026-12-31, longer than 5 years") == true, "\(refused?.message ?? "")")
    }

    // MARK: Links in git trees

    @Test func committedLinksAreReportedNotResolved() throws {
        var setup = try Setup()
        try setup.link("controls/AC-02.md", to: "AC-01.md")
        try setup.fixture.commit([:], on: "2026-02-01", message: "A control that is a link")
        #expect(try setup.lint(staged: true).filter { $0.ruleID == "PATH-SYMLINK" }.map(\.location.file) == ["controls/AC-02.md"])
        let refused = #expect(throws: EngineError.self) { try setup.repository().audit(AuditRequest()) }
        #expect(refused?.message.hasPrefix("controls/AC-02.md:1:1: controls/AC-02.md is a symbolic link") == true, "\(refused?.message ?? "")")

        // evident.yaml as a committed link to a copy inside the repository: still not read.
        try setup.write("config.yaml", Self.base)
        try setup.link("evident.yaml", to: "config.yaml")
        try FileManager.default.removeItem(at: setup.top.appendingPathComponent("controls/AC-02.md"))
        try setup.fixture.commit([:], on: "2026-02-02", message: "The configuration is a link")
        let staged = try setup.lint(staged: true)
        #expect(staged.filter { $0.ruleID == "PATH-SYMLINK" }.map(\.location.file) == ["evident.yaml"])
        #expect(!staged.contains { $0.ruleID == "YAML-SYNTAX" || $0.ruleID == "SCHEMA-TYPE" }, "the link's target was not parsed as YAML")
        // The working tree gets a real file again; the committed link is what the audit reads.
        try FileManager.default.removeItem(at: setup.top.appendingPathComponent("evident.yaml"))
        try setup.write("evident.yaml", Self.base)
        let committed = #expect(throws: EngineError.self) { try setup.repository().audit(AuditRequest()) }
        #expect(committed?.message.hasPrefix("evident.yaml:1:1: evident.yaml is a symbolic link") == true, "\(committed?.message ?? "")")
    }

    @Test func aCommittedRecordThatIsALinkIsNoRecord() throws {
        var setup = try Setup()
        try setup.write("notes.json", "{}\n")
        try setup.link("audits/2026/record.json", to: "../../notes.json")
        try setup.fixture.commit([:], on: "2026-02-01", message: "A record that is a link")
        let report = try setup.repository().verify()
        #expect(report.problems == ["audits/2026/record.json: a symbolic link, not a record; Evident never follows links, so a record must be committed as a file"])
    }

    // MARK: Writing

    @Test func theRecordIsNotWrittenThroughALinkedFolder() throws {
        let folder = try TemporaryDirectory()
        let fixture = try Fixtures.yearOfEvidence(in: folder)
        let outside = folder.url.appendingPathComponent("outside", isDirectory: true)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        let audits = fixture.url.appendingPathComponent("audits")
        try FileManager.default.removeItem(at: audits)
        try FileManager.default.createSymbolicLink(atPath: audits.path, withDestinationPath: "../outside")
        let repository = try Fixtures.open(fixture)
        let run = try repository.audit(AuditRequest())
        let refused = #expect(throws: EngineError.self) { try repository.writeRecord(of: run) }
        #expect(refused?.status == .usage && refused?.message.hasPrefix("audits is a symbolic link") == true, "\(refused?.message ?? "")")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
    }

    @Test func aRecordFileThatIsALinkIsNotWrittenThrough() throws {
        let folder = try TemporaryDirectory()
        let fixture = try Fixtures.yearOfEvidence(in: folder)
        let outside = folder.url.appendingPathComponent("outside.md")
        try Data("mine\n".utf8).write(to: outside)
        let repository = try Fixtures.open(fixture)
        let run = try repository.audit(AuditRequest())
        try FileManager.default.createSymbolicLink(atPath: fixture.url.appendingPathComponent("audits/2026/record.md").path, withDestinationPath: "../../../outside.md")
        let refused = #expect(throws: EngineError.self) { try repository.writeRecord(of: run) }
        #expect(refused?.message.hasPrefix("audits/2026/record.md is a symbolic link") == true, "\(refused?.message ?? "")")
        #expect(String(decoding: try Data(contentsOf: outside), as: UTF8.self) == "mine\n")
    }

    @Test func aRecordThatIsALinkIsNotExported() throws {
        let folder = try TemporaryDirectory()
        let fixture = try Fixtures.yearOfEvidence(in: folder)
        let repository = try Fixtures.open(fixture)
        try repository.writeRecord(of: try repository.audit(AuditRequest()))
        let outside = folder.url.appendingPathComponent("record.json")
        try FileManager.default.moveItem(at: fixture.url.appendingPathComponent("audits/2026/record.json"), to: outside)
        try FileManager.default.createSymbolicLink(atPath: fixture.url.appendingPathComponent("audits/2026/record.json").path, withDestinationPath: outside.path)
        let refused = #expect(throws: EngineError.self) { try repository.assessmentResults(cycle: "2026", ref: nil) }
        #expect(refused?.status == .usage && refused?.message.hasPrefix("audits/2026/record.json is a symbolic link") == true, "\(refused?.message ?? "")")
    }

    @Test func initDoesNotWriteThroughALink() throws {
        let folder = try TemporaryDirectory()
        let fixture = try FixtureRepository(in: folder.url)
        let outside = folder.url.appendingPathComponent("outside", isDirectory: true)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: fixture.url.appendingPathComponent("policies").path, withDestinationPath: "../outside")
        let refused = #expect(throws: EngineError.self) {
            try Scaffold.write(ScaffoldRequest(folder: fixture.url.path, categories: [], organization: "Example Corp", year: 2026))
        }
        #expect(refused?.status == .usage && refused?.message.contains("policies is a symbolic link") == true, "\(refused?.message ?? "")")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
    }

    /// A file where a folder belongs is no file to keep: the files below it cannot be written.
    @Test func initStopsAtAFileWhereAFolderBelongs() throws {
        let folder = try TemporaryDirectory()
        let fixture = try FixtureRepository(in: folder.url)
        try Data("not a folder\n".utf8).write(to: fixture.url.appendingPathComponent("policies"))
        let refused = #expect(throws: EngineError.self) {
            try Scaffold.write(ScaffoldRequest(folder: fixture.url.path, categories: [], organization: "Example Corp", year: 2026))
        }
        #expect(refused?.status == .usage && refused?.message.contains("policies is a file, where a folder must be") == true, "\(refused?.message ?? "")")
    }

    @Test func initKeepsAConfigurationThatIsALink() throws {
        let folder = try TemporaryDirectory()
        let fixture = try FixtureRepository(in: folder.url)
        try FileManager.default.createSymbolicLink(atPath: fixture.url.appendingPathComponent("evident.yaml").path, withDestinationPath: "../missing.yaml")
        let outcome = try Scaffold.write(ScaffoldRequest(folder: fixture.url.path, categories: [], organization: "Example Corp", year: 2026))
        #expect(outcome.kept == ["evident.yaml"])
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("missing.yaml").path), "nothing was written through the dangling link")
    }
}
