import EvidentCore
import Foundation
import Testing

/// The grammars of ids, GitHub handles and paths, and where the parsers enforce them.
@Suite struct NameGrammarTests {
    @Test(arguments: ["AC-01", "POL-ACCESS", "2026", "2026-h1.v2", "security-lead", "it_lead", "A", String(repeating: "x", count: 64)])
    func identifiersTheProgramUses(_ id: String) {
        #expect(Identifier.problem(with: id) == nil)
    }

    @Test(arguments: [
        ("", "is empty"), ("../../../outside/pwn", "contains '/'"), (".hidden", "must start with a letter or digit, not '.'"),
        ("-x", "must start with a letter or digit, not '-'"), ("AC 01", "contains a space"), ("AC-01\n", "contains a line break (U+000A)"),
        ("AC\u{1B}[31m", "contains the character U+001B"), ("AC-é", "contains the character U+00E9"), (String(repeating: "x", count: 65), "is longer than 64 characters"),
    ])
    func identifiersThatCouldNameAnotherFolder(_ id: String, _ problem: String) {
        #expect(Identifier.problem(with: id) == problem)
    }

    @Test(arguments: ["alice", "@alice", "it-team", "a-b-c", "@example/security", "example/security_team-2", String(repeating: "a", count: 39)])
    func handlesGitHubAllows(_ handle: String) {
        #expect(GitHubHandle.problem(with: handle) == nil)
    }

    @Test(arguments: ["good\n* @attacker", "alice @mallory", "-alice", "alice-", "al--ice", "@", "org/", "org/team/x", "org/-team",
                      "alice@example.com", String(repeating: "a", count: 40), "al\u{0}ice"])
    func handlesThatCouldAddAnOwner(_ handle: String) {
        #expect(GitHubHandle.problem(with: handle) != nil)
        #expect(GitHubHandle.owner(handle) == nil)
    }

    @Test func ownersAreWrittenWithTheirAt() {
        #expect(GitHubHandle.owner("alice") == "@alice")
        #expect(GitHubHandle.owner("@example/security") == "@example/security")
    }

    @Test(arguments: ["compliance", "./compliance/", "evidence/AC-05", ".evident/allowed_signers", "a//b", "."])
    func pathsInsideTheRepository(_ path: String) {
        #expect(RelativePath.problem(with: path) == nil)
    }

    @Test(arguments: [
        ("", "is empty"), ("/etc", "is an absolute path"), ("../x", "climbs out of its folder with '..'"),
        ("../../../../etc", "climbs out of its folder with '..'"), ("controls/../../x", "climbs out of its folder with '..'"),
        (".git/hooks", "names the .git folder, which belongs to git"), ("x/.GIT", "names the .git folder, which belongs to git"),
        ("a\u{0}b", "contains the character U+0000"), ("a\nb", "contains a line break (U+000A)"),
    ])
    func pathsOutsideTheRepository(_ path: String, _ problem: String) {
        #expect(RelativePath.problem(with: path) == problem)
    }

    @Test func pathsAreNormalized() {
        #expect(RelativePath.normalized("./compliance//controls/") == "compliance/controls")
        #expect(RelativePath.normalized("./") == ".")
    }
}

/// evident.yaml's paths, ids, handles and windows, reported where they are written.
@Suite struct ConfigurationConfinementTests {
    static let base = ExampleProgram.base["evident.yaml"]!

    private func program(_ files: [String: String], kinds: [String: ProgramFileEntry.Kind] = [:]) throws -> Program {
        try Program.load(from: InMemoryFiles(ExampleProgram.base.merging(files) { $1 }, kinds: kinds))
    }

    private func located(_ program: Program, _ rule: String) -> [String] {
        program.diagnostics.filter { $0.ruleID == rule }.map { "\($0.location)" }
    }

    @Test func layoutFoldersMustStayInsideTheRepository() throws {
        for (yaml, column) in [("root: ../x\n", 7), ("root: /srv/compliance\n", 7)] {
            #expect(throws: InputError.self) { try ProgramLayout.parse(yaml) }
            do {
                _ = try ProgramLayout.parse(yaml)
            } catch {
                #expect(error.location == SourceLocation(file: "evident.yaml", line: 1, column: column))
                #expect(error.ruleID == "PATH-INVALID")
            }
        }
        let escaping = "paths:\n  evidence: ../../../../etc\n"
        #expect(throws: InputError.self) { try ProgramLayout.parse(escaping) }
        let program = try program(["evident.yaml": Self.base + escaping])
        #expect(located(program, "PATH-INVALID") == ["evident.yaml:10:13"])
        #expect(program.configuration.layout.evidence == "evidence", "the defaults stand")
        #expect(try ProgramLayout.parse("root: ./compliance/\npaths:\n  audits: records/\n").audits == "compliance/records")
    }

    @Test func aRootOutsideTheRepositoryIsNeitherListedNorRead() throws {
        let program = try program(["evident.yaml": Self.base + "root: ../x\n", "../x/controls/OUT.md": "---\nid: OUT\n---\n"])
        #expect(located(program, "PATH-INVALID") == ["evident.yaml:9:7"])
        #expect(program.controls.map(\.file) == ["controls/AC-01.md"])
    }

    @Test func aCycleWhoseIdIsAPathIsLeftOut() throws {
        let yaml = Self.base.replacingOccurrences(of: "{id: \"2026\"", with: "{id: \"../../../outside/pwn\"")
        let program = try program(["evident.yaml": yaml])
        #expect(located(program, "NAME-INVALID") == ["evident.yaml:8:10"])
        #expect(program.configuration.cycles.isEmpty)
        #expect(program.diagnostics.first { $0.ruleID == "NAME-INVALID" }?.message
            == "the cycle id contains '/'; an id is a letter or digit followed by letters, digits, '.', '_' or '-', at most 64 characters")
    }

    @Test func controlAndPolicyIdsAndPeopleKeysAreIds() throws {
        let control = ExampleProgram.base["controls/AC-01.md"]!.replacingOccurrences(of: "id: AC-01", with: "id: AC/01")
        let policy = ExampleProgram.policy("access-control").replacingOccurrences(of: "id: POL-ACCESS-CONTROL", with: "id: \"POL ACCESS\"")
        let yaml = Self.base.replacingOccurrences(of: "  dave: {", with: "  \"dave\\nsmith\": {")
        let program = try program(["controls/AC-01.md": control, "policies/POL-ACCESS-CONTROL.md": policy, "evident.yaml": yaml])
        #expect(located(program, "NAME-INVALID").sorted() == ["controls/AC-01.md:2:5", "evident.yaml:6:3", "policies/POL-ACCESS-CONTROL.md:2:5"])
    }

    @Test func aHandleThatWouldAddAnOwnerIsLeftOut() throws {
        let yaml = Self.base.replacingOccurrences(of: "github: alice", with: "github: \"good\\n* @attacker\"")
        let program = try program(["evident.yaml": yaml])
        #expect(located(program, "NAME-INVALID") == ["evident.yaml:4:64"])
        #expect(program.configuration.people["alice"]?.github == nil)
        let section = CodeOwners.section(for: program)
        #expect(!section.text.contains("@attacker"))
        #expect(section.text.contains("/controls/AC-01.md alice@example.com\n"), "the address stands in for the handle")
    }

    @Test func anAddressWithALineBreakIsLeftOut() throws {
        let yaml = Self.base.replacingOccurrences(of: "email: bob@example.com", with: "email: \"bob@example.com\\n* @attacker\"")
        let program = try program(["evident.yaml": yaml])
        #expect(located(program, "SCHEMA-TYPE") == ["evident.yaml:5:33"])
        #expect(program.configuration.people["bob"]?.email == nil)
    }

    @Test func aWindowLongerThanFiveYearsIsLeftOut() throws {
        func cycles(_ start: String, _ end: String) throws -> Program {
            try program(["evident.yaml": Self.base.replacingOccurrences(of: "start: 2026-01-01, end: 2026-12-31", with: "start: \(start), end: \(end)")])
        }
        let millennia = try cycles("0000-01-01", "9999-12-31")
        #expect(located(millennia, "CYCLE-WINDOW") == ["evident.yaml:8:51"])
        #expect(millennia.configuration.cycles.isEmpty)
        #expect(try cycles("2026-01-01", "2031-01-01").configuration.cycles.isEmpty)
        #expect(try cycles("2026-01-01", "2030-12-31").configuration.cycles.map(\.id) == ["2026"], "five years exactly")
        #expect(try cycles("2024-02-29", "2029-02-27").configuration.cycles.count == 1)
        #expect(try cycles("2024-02-29", "2029-02-28").configuration.cycles.isEmpty)
    }

    @Test func aControlsEvidenceFolderStaysInside() throws {
        let control = ExampleProgram.base["controls/AC-01.md"]!.replacingOccurrences(of: "risk: moderate", with: "risk: moderate\nevidence: ../../etc")
        let program = try program(["controls/AC-01.md": control])
        #expect(located(program, "PATH-INVALID") == ["controls/AC-01.md:9:11"])
        #expect(program.controls.first?.evidence.value == "evidence/AC-01", "the default stands")
    }
}

/// No symbolic link is read: each is reported by its path, whatever it points at.
@Suite struct SymbolicLinkTests {
    private func program(_ files: [String: String], links: [String]) throws -> Program {
        try Program.load(from: InMemoryFiles(ExampleProgram.base.merging(files) { $1 }, kinds: Dictionary(uniqueKeysWithValues: links.map { ($0, .symlink) })))
    }

    private func links(_ program: Program) -> [String] {
        program.diagnostics.filter { $0.ruleID == "PATH-SYMLINK" }.map(\.location.file)
    }

    @Test func aLinkedConfigurationIsNotRead() throws {
        // The text stands for what the link points at: were it read, its organization would show.
        let program = try program(["evident.yaml": "organization: Leaked\n"], links: ["evident.yaml"])
        #expect(links(program) == ["evident.yaml"])
        #expect(program.configuration.organization == nil)
        let message = try #require(program.diagnostics.first { $0.ruleID == "PATH-SYMLINK" }?.message)
        #expect(message.hasPrefix("evident.yaml is a symbolic link"))
        #expect(!message.contains("Leaked"))
    }

    @Test func aLinkedCodeOwnersIsNotRead() throws {
        let program = try program([".github/CODEOWNERS": "* @owner\n"], links: [".github/CODEOWNERS"])
        #expect(links(program) == [".github/CODEOWNERS"])
        #expect(program.codeOwners == nil)
        let folder = try self.program([".github": "elsewhere", "CODEOWNERS": "* @owner\n"], links: [".github"])
        #expect(links(folder) == [".github"])
        #expect(folder.codeOwners == nil, "the first place GitHub looks is a link: no other file stands in for it")
    }

    @Test func linksAmongTheProgramsFilesAreReportedOnce() throws {
        let program = try program([
            "controls/AC-02.md": "---\nid: AC-02\n---\n", "policies/notes": "x", "risk/register.md": "x",
            "audits/2026/record.json": "{}", "audits/2026/testing.yaml": "tester: dave\n",
        ], links: ["controls/AC-02.md", "policies/notes", "risk/register.md", "audits/2026/record.json", "audits/2026/testing.yaml"])
        #expect(links(program).sorted() == ["audits/2026/record.json", "audits/2026/testing.yaml", "controls/AC-02.md", "policies/notes", "risk/register.md"])
        #expect(program.controls.map(\.file) == ["controls/AC-01.md"])
        #expect(program.testingWorkpapers.isEmpty)
    }

    @Test func aLinkedRootIsReportedOnceAndNothingBelowItIsRead() throws {
        let yaml = ExampleProgram.base["evident.yaml"]! + "root: compliance\n"
        let program = try program(["evident.yaml": yaml, "compliance": "/srv/elsewhere", "compliance/controls/AC-09.md": "---\nid: AC-09\n---\n"],
                                  links: ["compliance"])
        #expect(links(program) == ["compliance"])
        #expect(program.controls.isEmpty)
        #expect(program.evidenceNonFiles.isEmpty, "a link above the evidence folder is no evidence")
    }

    @Test func aLinkedEvidenceFolderIsEvidenceThatIsNotAFile() throws {
        let program = try program(["evidence": "/etc"], links: ["evidence"])
        #expect(links(program).isEmpty)
        #expect(program.evidenceNonFiles.map(\.path) == ["evidence"])
    }
}

/// The CODEOWNERS section never writes a value that would add an owner or a rule.
@Suite struct CodeOwnersInjectionTests {
    @Test func malformedHandlesAndNamesGetNoOwnerLine() throws {
        var program = try Program.load(from: InMemoryFiles(ExampleProgram.base))
        // Values a caller built by hand, past the parser's checks.
        program.configuration.people["alice"]?.github = "good\n* @attacker"
        program.configuration.people["alice"]?.email = "alice@example.com\n* @attacker"
        program.controls[0].file = "controls/AC-01\n* @attacker.md"
        let section = CodeOwners.section(for: program)
        #expect(!section.text.contains("@attacker"), "\(section.text)")
        #expect(section.unmapped.contains("controls/AC-01\n* @attacker.md"))
        #expect(section.text.split(separator: "\n").allSatisfy { $0.hasPrefix("#") || $0.hasPrefix("/") })
    }
}
