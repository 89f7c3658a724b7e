import EvidentCore
import Foundation
import GitFixtures
import Testing

/// `evident codeowners` on a program made with `evident init`, and lint's stale warning.
@Suite struct CodeOwnersCommandTests {
    @Test func writesChecksAndLintWarnsWhenStale() throws {
        let folder = try TemporaryDirectory()
        var repository = try FixtureRepository(in: folder.url)
        #expect(try EvidentBinary.run(["init"], in: repository.url).status == 0)
        // Give the owners GitHub handles, as a team would.
        let yaml = repository.url.appendingPathComponent("evident.yaml")
        var text = String(decoding: try Data(contentsOf: yaml), as: UTF8.self)
        text = text.replacingOccurrences(of: "email: it-lead@example.com,", with: "email: it-lead@example.com, github: it-team,")
        try Data(text.utf8).write(to: yaml)
        let owners = repository.url.appendingPathComponent(".github/CODEOWNERS")
        try Data("* @platform-team\n".utf8).write(to: owners, options: .atomic)

        let missing = try EvidentBinary.run(["codeowners", "--check"], in: repository.url)
        #expect(missing.status == 1 && missing.output.contains(".github/CODEOWNERS: the Evident section is missing"))
        let write = try EvidentBinary.run(["codeowners"], in: repository.url)
        #expect(write.status == 0, "\(write.error)")
        let written = String(decoding: try Data(contentsOf: owners), as: UTF8.self)
        #expect(written.hasPrefix("* @platform-team\n\n# BEGIN evident"))
        #expect(written.contains("\n/controls/AC-02.md @it-team\n"), "\(written)")
        let controls = try FileManager.default.contentsOfDirectory(atPath: repository.url.appendingPathComponent("controls").path).count
        let policies = try FileManager.default.contentsOfDirectory(atPath: repository.url.appendingPathComponent("policies").path).count
        #expect(written.split(separator: "\n").filter { $0.hasPrefix("/controls/") || $0.hasPrefix("/policies/") }.count == controls + policies)
        #expect(try EvidentBinary.run(["codeowners", "--check"], in: repository.url).status == 0)
        #expect(try EvidentBinary.run(["codeowners"], in: repository.url).output.contains("already up to date"))
        try repository.commit([:], message: "Program and CODEOWNERS")
        #expect(!(try EvidentBinary.run(["lint", "--fail-on", "never"], in: repository.url).output.contains("CODEOWNERS-STALE")))

        // AC-02 changes hands: the section is stale, for --check, lint and lint --staged.
        let control = repository.url.appendingPathComponent("controls/AC-02.md")
        let changed = String(decoding: try Data(contentsOf: control), as: UTF8.self).replacingOccurrences(of: "owner: it-lead", with: "owner: security-lead")
        try Data(changed.utf8).write(to: control)
        #expect(try EvidentBinary.run(["codeowners", "--check"], in: repository.url).output.contains("out of date"))
        let lint = try EvidentBinary.run(["lint", "--fail-on", "never"], in: repository.url)
        #expect(lint.output.contains(".github/CODEOWNERS:3:1: warning: the Evident section of .github/CODEOWNERS does not match the owners of the controls and policies; run `evident codeowners` [CODEOWNERS-STALE]"), "\(lint.output)")
        try Git.run(["add", "-A"], in: repository.url)
        #expect(try EvidentBinary.run(["lint", "--staged", "--fail-on", "never"], in: repository.url).output.contains("[CODEOWNERS-STALE]"))
        #expect(try EvidentBinary.run(["codeowners"], in: repository.url).status == 0)
        #expect(String(decoding: try Data(contentsOf: owners), as: UTF8.self).contains("\n/controls/AC-02.md security-lead@example.com\n"))
        #expect(!(try EvidentBinary.run(["lint", "--fail-on", "never"], in: repository.url).output.contains("CODEOWNERS-STALE")))
    }
}
