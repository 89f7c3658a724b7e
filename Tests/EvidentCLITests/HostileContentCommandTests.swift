import EvidentCore
import Foundation
import GitFixtures
import Testing

/// The commands through the binary, on a repository an attacker wrote: evidence file names, a
/// control's title, an owner, a person's name and commit authors carry newlines, ESC, `::`,
/// `##[`, `|`, `<script>` and a quote with a combining mark. Whatever the command and the format,
/// standard output and standard error hold no control character and no line that starts a
/// workflow command, but for the annotations `--format github` writes.
@Suite struct HostileContentCommandTests {
    /// `value` as a YAML double-quoted scalar, every character YAML does not allow raw (controls,
    /// DEL, C1, and for good measure the separators and bidirectional controls) as `\u` escapes.
    private static func yaml(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar.value {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x20..<0x7F: out.unicodeScalars.append(scalar)
            case 0..<0xA0, 0x2028...0x202E, 0x2066...0x2069: out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// The example program with a hostile title, owner and person's name; evidence named after
    /// every hostile sample, dated (an occurrence the audit reports on) and undated (a lint
    /// error), committed by a hostile author; `main` then gets the record of its audit.
    private func program(in folder: TemporaryDirectory) throws -> FixtureRepository {
        var repository = try FixtureRepository(in: folder.url)
        var files = ExampleProgram.base.mapValues { Optional($0) }
        files["evident.yaml"] = ExampleProgram.base["evident.yaml"]!.replacingOccurrences(
            of: "bob: {name: Bob Jones,", with: "bob: {name: \(Self.yaml(HostileText.samples[0] + HostileText.samples[1])),")
        files["controls/AC-01.md"] = ExampleProgram.base["controls/AC-01.md"]!
            .replacingOccurrences(of: "title: Example control", with: "title: \(Self.yaml(HostileText.samples.joined(separator: " ")))")
            .replacingOccurrences(of: "operator: bob", with: "operator: \(Self.yaml(HostileText.samples[5]))")
        try repository.commitApproved(files, on: "2026-01-10", message: "Program")

        var evidence: [String: String?] = [:]
        for (index, name) in HostileText.fileNames.enumerated() {
            evidence["evidence/AC-01/2026-02-\(10 + index)-\(name).md"] = "Reviewed \(index).\n"
            evidence["evidence/AC-01/\(name).md"] = "Undated \(index).\n"
        }
        try repository.commit(evidence, on: "2026-05-01", message: "Evidence")
        try commit(asAuthor: "::error title=pwn::\u{1B}[2J|a|b|\"\u{301}##[add-mask]x", in: repository)
        return repository
    }

    /// A commit whose author name git's own commands would not write (a leading `::`), made as a
    /// raw commit object, as anyone who pushes can.
    private func commit(asAuthor name: String, in repository: FixtureRepository) throws {
        try Data("Q3\n".utf8).write(to: repository.url.appendingPathComponent("evidence/AC-01/2026-07-08-review.md"))
        try Git.run(["add", "-A"], in: repository.url)
        let tree = try Git.text(["write-tree"], in: repository.url)
        let parent = try Git.text(["rev-parse", "HEAD"], in: repository.url)
        let identity = "\(name) <eve@example.com> 1783512000 +0000"
        let object = "tree \(tree)\nparent \(parent)\nauthor \(identity)\ncommitter \(identity)\n\nQ3 review\n"
        let id = try Git.text(["hash-object", "-t", "commit", "-w", "--literally", "--stdin"], in: repository.url, input: object)
        try Git.run(["update-ref", "refs/heads/main", id], in: repository.url)
    }

    private func expectSafe(_ result: EvidentBinary.Result, annotations: Bool = false, markdownTables: Bool = false,
                            sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(result.status != 2 && result.status != 3 || !result.error.isEmpty, "a failure says why", sourceLocation: sourceLocation)
        #expect(OutputSafety.problems(in: result.output, annotations: annotations, markdownTables: markdownTables) == [], "standard output", sourceLocation: sourceLocation)
        #expect(OutputSafety.problems(in: result.error) == [], "standard error", sourceLocation: sourceLocation)
    }

    @Test func lintInEveryFormat() throws {
        let folder = try TemporaryDirectory()
        let repository = try program(in: folder)
        let text = try EvidentBinary.run(["lint", "--today", "2026-12-31"], in: repository.url)
        #expect(text.status == 1, "the undated evidence: \(text.output)\(text.error)")
        #expect(text.output.contains("\"evidence/AC-01/x\\n::error title=pwn::owned.md\":1:1: error: "), "\(text.output)")
        expectSafe(text)
        expectSafe(try EvidentBinary.run(["lint", "--today", "2026-12-31", "--format", "markdown"], in: repository.url), markdownTables: true)
        let github = try EvidentBinary.run(["lint", "--today", "2026-12-31", "--format", "github"], in: repository.url)
        expectSafe(github, annotations: true)
        let annotations = github.output.split(separator: "\n")
        #expect(annotations.count == text.output.split(separator: "\n").count - 1, "one annotation per diagnostic, none injected")
    }

    @Test func auditAndTheRecordItWrites() throws {
        let folder = try TemporaryDirectory()
        let repository = try program(in: folder)
        let audit = try EvidentBinary.run(["audit", "--fail-on", "never"], in: repository.url)
        #expect(audit.status == 0, "\(audit.error)")
        expectSafe(audit)
        // The summary shortens messages; --all prints them whole, the hostile file names included.
        let all = try EvidentBinary.run(["audit", "--dry-run", "--all", "--fail-on", "never"], in: repository.url)
        #expect(all.output.contains("evidence/AC-01/2026-02-10-x\\n::error title=pwn::owned.md claims 2026-02-10"), "the findings name the hostile files: \(all.output)")
        expectSafe(all)
        for grouping in ["control", "code"] {
            expectSafe(try EvidentBinary.run(["audit", "--dry-run", "--all", "--group-by", grouping, "--fail-on", "never"], in: repository.url))
        }
        let markdown = String(decoding: try Data(contentsOf: repository.url.appendingPathComponent("audits/2026/record.md")), as: UTF8.self)
        #expect(OutputSafety.problems(in: markdown, markdownTables: true) == [])
        expectSafe(try EvidentBinary.run(["audit", "--dry-run", "--format", "markdown", "--fail-on", "never"], in: repository.url), markdownTables: true)

        try Git.run(["add", "-A"], in: repository.url)
        try Git.run(["commit", "-q", "-m", "Record"], in: repository.url, environment: Git.environment(time: 1_790_000_000))
        let verify = try EvidentBinary.run(["verify"], in: repository.url)
        #expect(verify.status == 0, "\(verify.output)\(verify.error)")
        expectSafe(verify)
    }

    @Test func historyShowsHostileAuthorsAndPathsEscaped() throws {
        let folder = try TemporaryDirectory()
        let repository = try program(in: folder)
        let history = try EvidentBinary.run(["history", "--root", "evidence"], in: repository.url)
        #expect(history.status == 0, "\(history.error)")
        #expect(history.output.contains("\\072:error title=pwn::"), "\(history.output)")
        expectSafe(history)
    }

    @Test func reviewOfAHostileChange() throws {
        let folder = try TemporaryDirectory()
        var repository = try program(in: folder)
        try Git.run(["checkout", "-q", "-b", "change"], in: repository.url)
        let control = ExampleProgram.base["controls/AC-01.md"]!
            .replacingOccurrences(of: "title: Example control", with: "title: \(Self.yaml(HostileText.samples.reversed().joined(separator: "|")))")
            .replacingOccurrences(of: "owner: alice", with: "owner: \(Self.yaml(HostileText.samples[6]))")
        var change: [String: String?] = ["controls/AC-01.md": control, "evidence/AC-01/2026-02-10-\(HostileText.fileNames[0]).md": "edited\n"]
        for (index, name) in HostileText.fileNames.enumerated() { change["evidence/AC-01/2026-08-\(10 + index)-new \(name).md"] = "New.\n" }
        try repository.commit(change, on: "2026-08-01", message: "The change")
        var outputs: [String: String] = [:]
        for format in ["text", "markdown", "github"] {
            let review = try EvidentBinary.run(["pr", "--base", "main", "--today", "2026-08-02", "--format", format], in: repository.url)
            #expect(review.status == 1, "modified evidence is an error (\(format)): \(review.error)")
            expectSafe(review, annotations: format == "github", markdownTables: format == "markdown")
            outputs[format] = review.output
        }
        #expect(outputs["text"]?.contains("- evidence/AC-01/2026-08-10-new x\\n::error title=pwn::owned.md\n") == true, "\(outputs["text"] ?? "")")
        #expect(outputs["markdown"]?.contains("\\<script\\>alert(1)\\</script\\>") == true, "\(outputs["markdown"] ?? "")")
    }

    /// A YAML value echoed in an error on standard error: `mainline` names no branch.
    @Test func errorsEchoingYAMLValuesAreEncoded() throws {
        let folder = try TemporaryDirectory()
        var repository = try FixtureRepository(in: folder.url)
        var files = ExampleProgram.base.mapValues { Optional($0) }
        files["evident.yaml"] = ExampleProgram.base["evident.yaml"]! + "mainline: \(Self.yaml("x\n::error title=pwn::owned\u{1B}[2J"))\n"
        try repository.commitApproved(files, on: "2026-01-10", message: "Program")
        let audit = try EvidentBinary.run(["audit", "--dry-run"], in: repository.url)
        #expect(audit.status == 2)
        #expect(audit.error.contains("x\\n::error title=pwn::owned\\033[2J"), "\(audit.error)")
        expectSafe(audit)
        let unknownCycle = try EvidentBinary.run(["audit", "--dry-run", "--cycle", "::error::x\u{1B}[2J"], in: repository.url)
        #expect(unknownCycle.status == 2)
        expectSafe(unknownCycle)
    }
}
