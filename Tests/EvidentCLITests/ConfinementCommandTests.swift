import EvidentCore
import Foundation
import GitFixtures
import Testing

/// What a hostile repository gets out of the binary: an error naming the file, the exit code it
/// means, and nothing from outside the repository.
@Suite struct ConfinementCommandTests {
    static let base = ExampleProgram.base["evident.yaml"]!

    private func program(in folder: TemporaryDirectory, configuration: String = base) throws -> FixtureRepository {
        var repository = try FixtureRepository(in: folder.url)
        var files = ExampleProgram.base.mapValues { Optional($0) }
        files["evident.yaml"] = configuration
        try repository.commitApproved(files, on: "2026-01-10", message: "Program")
        return repository
    }

    /// The case: evident.yaml links to the process environment, which holds a secret.
    /// (Where there is no /proc, a file outside the repository holds it.)
    @Test func aConfigurationLinkedOutsideIsALintErrorThatShowsNothingOfIt() throws {
        let folder = try TemporaryDirectory()
        let repository = try program(in: folder)
        let secret = "EVIDENT_TEST_SECRET=c0ffee-\(UUID().uuidString)"
        var target = "/proc/self/environ"
        if !FileManager.default.fileExists(atPath: target) {
            target = folder.url.appendingPathComponent("environ").path
            try Data("\(secret)\n".utf8).write(to: URL(fileURLWithPath: target))
        }
        let configuration = repository.url.appendingPathComponent("evident.yaml")
        try FileManager.default.removeItem(at: configuration)
        try FileManager.default.createSymbolicLink(atPath: configuration.path, withDestinationPath: target)
        let environment = ["EVIDENT_TEST_SECRET": String(secret.dropFirst("EVIDENT_TEST_SECRET=".count))]
        let result = try EvidentBinary.run(["lint", "--no-history", "--today", "2026-06-01"], in: repository.url, environment: environment)
        #expect(result.status == 1, "\(result.error)")
        #expect(result.output.contains("evident.yaml:1:1: error: evident.yaml is a symbolic link"), "\(result.output)")
        #expect(!result.output.contains("c0ffee") && !result.error.contains("c0ffee"))
        let audit = try EvidentBinary.run(["audit", "--dry-run"], in: repository.url, environment: environment)
        #expect(audit.status == 2)
        #expect(audit.error.contains("evident.yaml is a symbolic link") && !audit.error.contains("c0ffee"), "\(audit.error)")
    }

    /// The case: a window of ten thousand years made `audit` write 1.3 GB. Lint and
    /// audit both refuse it, and nothing is written.
    @Test func aWindowOfMillenniaIsRefusedByLintAndAudit() throws {
        let folder = try TemporaryDirectory()
        let configuration = Self.base.replacingOccurrences(of: "start: 2026-01-01, end: 2026-12-31", with: "start: 0000-01-01, end: 9999-12-31")
        let repository = try program(in: folder, configuration: configuration)
        let lint = try EvidentBinary.run(["lint", "--no-history", "--today", "2026-06-01"], in: repository.url)
        #expect(lint.status == 1)
        #expect(lint.output.contains("evident.yaml:8:51: error: cycle '2026' runs from 0000-01-01 to 9999-12-31, longer than 5 years"), "\(lint.output)")
        let audit = try EvidentBinary.run(["audit"], in: repository.url)
        #expect(audit.status == 2, "\(audit.error)")
        #expect(audit.error.contains("evident.yaml:8:51: cycle '2026' runs from 0000-01-01 to 9999-12-31, longer than 5 years"), "\(audit.error)")
        #expect(audit.error.contains("[CYCLE-WINDOW]"))
        #expect(!FileManager.default.fileExists(atPath: repository.url.appendingPathComponent("audits").path))
    }

    @Test func aCycleIdThatClimbsOutWritesNothing() throws {
        let folder = try TemporaryDirectory()
        let configuration = Self.base.replacingOccurrences(of: "{id: \"2026\"", with: "{id: \"../../outside/pwn\"")
        let repository = try program(in: folder, configuration: configuration)
        let audit = try EvidentBinary.run(["audit"], in: repository.url)
        #expect(audit.status == 2)
        #expect(audit.error.contains("evident.yaml:8:10: the cycle id contains '/'"), "\(audit.error)")
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("outside").path))
    }

    @Test func aHandleThatAddsAnOwnerGetsNoCodeOwners() throws {
        let folder = try TemporaryDirectory()
        let configuration = Self.base.replacingOccurrences(of: "github: alice", with: "github: \"good\\n* @attacker\"")
        let repository = try program(in: folder, configuration: configuration)
        let result = try EvidentBinary.run(["codeowners"], in: repository.url)
        #expect(result.status == 2)
        #expect(result.error.contains("evident.yaml:4:64: 'github' contains a line break (U+000A)"), "\(result.error)")
        #expect(!FileManager.default.fileExists(atPath: repository.url.appendingPathComponent(".github/CODEOWNERS").path))
    }
}
