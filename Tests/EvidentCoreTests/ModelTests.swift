import EvidentCore
import Foundation
import Testing

@Suite struct ModelTests {
    @Test func daysParseOnlyRealDates() {
        #expect(Day("2026-02-28")?.description == "2026-02-28")
        #expect(Day("0042-03-09")?.description == "0042-03-09")
        #expect(Day("2024-02-29") != nil)
        #expect(Day("2026-02-29") == nil)
        #expect(Day("2026-2-1") == nil)
        #expect(Day("2026-13-01") == nil)
        for text in ["2026-01-155", "20260-1-15", "2026/01/15", "2026-01-1", "", "２０２６-01-15", "2026-01-1٥", "+026-01-15", "2026-00-10", "2026-01-00"] {
            #expect(Day(text) == nil, "\(text)")
        }
        #expect(EvidenceOccurrence.claimedDate(ofName: "2026-01-15-review.md") == Day("2026-01-15"))
        #expect(EvidenceOccurrence.claimedDate(ofName: "2026-01-15") == Day("2026-01-15"))
        #expect(EvidenceOccurrence.claimedDate(ofName: "2026-01-15review") == nil)
        #expect(EvidenceOccurrence.claimedDate(ofName: "2026-01-15\u{301}-x") == nil, "a combining mark makes the tenth character not a digit")
        #expect(Day(epochSeconds: 1_767_225_600).description == "2026-01-01")
        #expect(Day("2026-01-01")!.adding(days: 365).description == "2027-01-01")
        #expect(Day("2026-01-01")!.days(until: Day("2026-03-01")!) == 59)
    }

    @Test func utcTimesAreISO8601() {
        #expect(UTCTime.iso8601(0) == "1970-01-01T00:00:00Z")
        #expect(UTCTime.iso8601(1_769_938_200) == "2026-02-01T09:30:00Z")
        #expect(UTCTime.iso8601(-1) == "1969-12-31T23:59:59Z")
        #expect(UTCTime.offset(minutes: -330) == "-05:30")
    }

    @Test func impossibleDatesAreCalledImpossible() throws {
        #expect(Day.problem(with: "2026-02-28") == nil)
        #expect(Day.problem(with: "2026-02-30") == "is an impossible date: February 2026 has 28 days, not 30")
        #expect(Day.problem(with: "2024-02-30") == "is an impossible date: February 2024 has 29 days, not 30")
        #expect(Day.problem(with: "2026-13-01") == "is an impossible date: there is no month 13")
        #expect(Day.problem(with: "2026-00-10") == "is an impossible date: there is no month 0")
        #expect(Day.problem(with: "2026-04-00") == "is an impossible date: there is no day 0")
        for text in ["2026-2-1", "2026/01/15", "", "yesterday", "2026-01-1٥", "+026-01-15", "2026-01-15T00:00"] {
            #expect(Day.problem(with: text) == "is not a date written YYYY-MM-DD", "\(text)")
        }
        let yaml = "organization: X\ncycles:\n  - {id: \"2026\", start: 2026-02-30, end: 2026-12-31}\n"
        let program = try Program.load(from: InMemoryFiles(["evident.yaml": yaml]))
        let problem = try #require(program.diagnostics.first { $0.ruleID == "SCHEMA-TYPE" })
        #expect(problem.message == "'start' is an impossible date: February 2026 has 28 days, not 30")
        #expect("\(problem.location.line):\(problem.location.column)" == "3:25")
    }

    @Test func configurationProblemsPointAtLineAndColumn() throws {
        let yaml = """
            organization: X
            categories: [security, privcy]
            people:
              alice: {name: Alice, emial: a@example.com}
            cycles:
              - {id: "2026", start: 2026-01-01, end: 2026-13-01}
            trust:
              require_signed: perhaps

            """
        let program = try Program.load(from: InMemoryFiles(["evident.yaml": yaml]))
        let found = program.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.ruleID)" }
        #expect(found.contains("2:24 SCHEMA-TYPE"))
        #expect(found.contains("4:24 SCHEMA-UNKNOWN-KEY"))
        #expect(found.contains("6:42 SCHEMA-TYPE"))
        #expect(found.contains("8:19 SCHEMA-TYPE"))
        #expect(program.diagnostics.first { $0.location.line == 2 }?.message.contains("did you mean 'privacy'?") == true)
        #expect(program.configuration.people["alice"]?.name == "Alice")
    }

    @Test func layoutKeysAreLintedToo() throws {
        // `root`, `mainline` and `paths` are read by the layout; their errors must still surface.
        let program = try Program.load(from: InMemoryFiles(["evident.yaml": "organization: X\nroot: [a, b]\n"]))
        #expect(program.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.ruleID)" } == ["2:7 SCHEMA-TYPE"])
        let broken = try Program.load(from: InMemoryFiles(["evident.yaml": "organization: [X\n"]))
        #expect(broken.diagnostics.filter { $0.ruleID == "YAML-SYNTAX" }.count == 1)
        #expect(broken.diagnostics.count == 1, "a syntax error is reported once, not again by the layout")
    }

    @Test func controlsAndPoliciesKeepTheirLocations() throws {
        let control = "---\nid: AC-05\ntitle: Review\ncriteria: [CC6.2, CC6.3]\nowner: alice\nfrequency: quarterly\nrisk: high\ngrace_days: 10\n---\nBody\n"
        let program = try Program.load(from: InMemoryFiles(["controls/AC-05.md": control]))
        let parsed = try #require(program.controls.first)
        #expect(parsed.id.value == "AC-05" && parsed.id.location.line == 2 && parsed.id.location.column == 5)
        #expect(parsed.criteria.map(\.value) == ["CC6.2", "CC6.3"])
        #expect(parsed.criteria[1].location == SourceLocation(file: "controls/AC-05.md", line: 4, column: 19))
        #expect(parsed.frequency?.value == .quarterly && parsed.risk?.value == .high && parsed.graceDays == 10)
        #expect(parsed.evidence.value == "evidence/AC-05")
        #expect(parsed.body == "Body\n")
    }

    @Test func monorepoRootMovesEveryFolder() throws {
        let program = try Program.load(from: InMemoryFiles([
            "evident.yaml": "root: compliance\n",
            "compliance/controls/AC-01.md": "---\nid: AC-01\n---\n",
            "compliance/evidence/AC-01/2026-01-02.md": "x",
        ]))
        #expect(program.controls.first?.evidence.value == "compliance/evidence/AC-01")
        #expect(program.evidence.map(\.path) == ["compliance/evidence/AC-01/2026-01-02.md"])
    }

    @Test func evidenceOccurrencesAreFilesOrFoldersWithSidecars() throws {
        let program = try Program.load(from: InMemoryFiles([
            "evidence/README.md": "about",
            "evidence/AC-01/.gitkeep": "",
            "evidence/AC-01/2026-03-31-review.csv": "a",
            "evidence/AC-01/2026-03-31-review.csv.meta.yaml": "performed_by: bob\n",
            "evidence/AC-01/2026-06-30-review/users.csv": "a",
            "evidence/AC-01/2026-06-30-review/signoff.md": "b",
            "evidence/AC-01/notes.txt": "c",
        ]))
        #expect(program.evidence.map(\.name) == ["2026-03-31-review.csv", "2026-06-30-review", "notes.txt"])
        #expect(program.evidence[0].sidecar == "evidence/AC-01/2026-03-31-review.csv.meta.yaml")
        #expect(program.evidence[1].isFolder && program.evidence[1].files.count == 2)
        #expect(program.evidence[1].claimedDate == Day("2026-06-30"))
        #expect(program.evidence[2].claimedDate == nil)
        #expect(program.looseEvidenceFiles == ["evidence/README.md"])
        #expect(program.evidenceFolders == ["evidence/AC-01"])
    }

    @Test func lfsPointersAreRecognised() {
        let hash = String(repeating: "ab", count: 32)
        let pointer = "version https://git-lfs.github.com/spec/v1\noid sha256:\(hash)\nsize 1234\n"
        #expect(LFSPointer.objectID(in: Data(pointer.utf8)) == hash)
        #expect(LFSPointer.objectID(in: Data("just a file\n".utf8)) == nil)
    }

    @Test func approvalsAreProvenByTheCommitThatBindsThem() {
        func policy(_ approvals: String) -> String {
            "---\nid: POL-A\ntitle: A\nowner: alice\nversion: \"1.1\"\ntopic: backup\napprovals:\n\(approvals)---\n"
        }
        let dave = "  - {by: dave, version: \"1.1\", date: 2026-01-06}\n"
        let people = ["dave": Person(key: "dave", name: "Dave", email: "dave@example.com", emails: ["d@corp.example"], github: nil, role: nil,
                                    location: SourceLocation(file: "evident.yaml", line: 1, column: 1))]
        let revisions = [
            PolicyRevision(commit: "c1", day: Day("2026-01-05")!, authorName: "Alice", authorEmail: "alice@example.com", approvedBy: [], text: policy("")),
            // Backdated and forged: the entry claims January and Dave, but Alice added it in March.
            PolicyRevision(commit: "c2", day: Day("2026-03-02")!, authorName: "Alice", authorEmail: "alice@example.com", approvedBy: [], text: policy(dave)),
            // Alice names Dave in a trailer of her own commit: still not Dave's.
            PolicyRevision(commit: "c3", day: Day("2026-03-10")!, authorName: "Alice", authorEmail: "alice@example.com",
                           approvedBy: ["Dave <DAVE@example.com>"], text: policy(dave + "\n")),
            // Dave commits Alice's change with his trailer, from his other address: bound.
            PolicyRevision(commit: "c4", day: Day("2026-04-01")!, authorName: "Alice", authorEmail: "alice@example.com", committerName: "Dave",
                           committerEmail: "D@corp.example", approvedBy: ["Dave <dave@example.com>"], text: policy(dave + "\n\n")),
        ]
        let proof = ApprovalProof.proof(of: revisions, people: people)
        #expect(proof.firstLanded == Day("2026-01-05"))
        #expect(proof.approvals.map(\.commit) == ["c4"])
        #expect(proof.approvals.map(\.day) == [Day("2026-04-01")!])
        #expect(proof.approvals.map(\.binding) == [.committer])
        #expect(proof.unbound.map(\.commit) == ["c2", "c3"])
        #expect(proof.unbound.first?.reason == "commit c2 that added it was authored by Alice <alice@example.com>, not by dave")
        #expect(proof.unbound.last?.reason == "commit c3 was committed by Alice <alice@example.com>, not by dave")

        // An entry and the trailer for it in Dave's own commit are one approval.
        let own = [PolicyRevision(commit: "d1", day: Day("2026-02-01")!, authorName: "Dave", authorEmail: "dave@example.com",
                                  approvedBy: ["Dave <dave@example.com>"], text: policy(dave))]
        #expect(ApprovalProof.proof(of: own, people: people).approvals.map(\.binding) == [.author])
        // With signing required, an unsigned (or someone else's) signature binds nothing.
        #expect(ApprovalProof.proof(of: own, people: people, requireSigned: true).approvals.isEmpty)
        var signed = own
        signed[0].signers = ["mallory@example.com"]
        #expect(ApprovalProof.proof(of: signed, people: people, requireSigned: true).approvals.isEmpty)
        signed[0].signers = ["dave@example.com"]
        #expect(ApprovalProof.proof(of: signed, people: people, requireSigned: true).approvals.count == 1)
    }

    /// An entry that came in through a merge is bound by the side-branch commit that added it.
    @Test func anEntryMergedFromASideBranchIsBoundByTheCommitThatAddedIt() {
        let text = "---\nid: POL-A\ntitle: A\nowner: alice\nversion: \"1.0\"\ntopic: backup\napprovals:\n  - {by: dave, version: \"1.0\"}\n---\n"
        let people = ["dave": Person(key: "dave", name: "Dave", email: "dave@example.com", github: nil, role: nil,
                                    location: SourceLocation(file: "evident.yaml", line: 1, column: 1))]
        func merge(sideAuthor: String) -> [PolicyRevision] {
            [PolicyRevision(commit: "m1", day: Day("2026-02-01")!, authorName: "Merger", authorEmail: "merge@example.com", approvedBy: [], text: text,
                            sideCommits: [PolicySideCommit(commit: "s1", authorName: "Alice", authorEmail: "alice@example.com", text: text.replacingOccurrences(of: "  - {by: dave, version: \"1.0\"}\n", with: "")),
                                          PolicySideCommit(commit: "s2", authorName: "Side", authorEmail: sideAuthor, text: text)])]
        }
        let bound = ApprovalProof.proof(of: merge(sideAuthor: "dave@example.com"), people: people)
        #expect(bound.approvals.map(\.bindingCommit) == ["s2"])
        #expect(bound.approvals.map(\.commit) == ["m1"])
        #expect(ApprovalProof.proof(of: merge(sideAuthor: "alice@example.com"), people: people).unbound.map(\.commit) == ["m1"])
    }

    /// Lint, the audit, the renewal diff and the record read coverage from these, so a retired
    /// control must stop covering in all of them at once.
    @Test func coverageCountsOnlyActiveControlsAndPolicies() throws {
        var files = ExampleProgram.base
        files["evident.yaml"] = files["evident.yaml"]! + "required_topics: [backup]\n"
        files["controls/AC-02.md"] = "---\nid: AC-02\ntitle: Old\ncriteria: [A1.1, CC6.1]\nowner: alice\nfrequency: annual\nstatus: retired\nretired_on: 2026-03-01\n---\n"
        files["policies/POL-BACKUP.md"] = "---\nid: POL-BACKUP\ntitle: Backup\nowner: alice\nversion: \"1.0\"\ntopic: backup\nstatus: retired\n---\n"
        files["controls/AC-01.md"] = files["controls/AC-01.md"]!.replacingOccurrences(of: "CC9.2", with: "CC9.1")
        let program = try Program.load(from: InMemoryFiles(files))
        #expect(!program.coveredCriteria.contains("A1.1") && !program.coveredCriteria.contains("CC9.2"))
        #expect(program.uncoveredCriteria.map(\.id) == ["CC9.2"], "A1.1 is not in scope")
        #expect(program.activeControlIDs(covering: "CC6.1") == ["AC-01"])
        #expect(program.activeControlIDs(covering: "CC9.2").isEmpty)
        #expect(program.missingPolicyTopics == ["backup"])
    }
}

@Suite struct EvidenceDetailsTests {
    @Test func sidecarsAreParsedWithLocations() throws {
        let program = try Program.load(from: InMemoryFiles([
            "evidence/AC-01/2026-03-31-export.csv": "a",
            "evidence/AC-01/2026-03-31-export.csv.meta.yaml": "performed_by: bob\nperformed_on: 2026-04-01\ncovers: {from: 2026-01-01, to: 2026-03-31}\nsource: SELECT * FROM users\nperformer: x\n",
        ]))
        let details = try #require(program.evidence.first?.details)
        #expect(details.performedBy?.value == "bob")
        #expect(details.performedBy?.location == SourceLocation(file: "evidence/AC-01/2026-03-31-export.csv.meta.yaml", line: 1, column: 15))
        #expect(details.performedOn == Day("2026-04-01"))
        #expect(details.covers == Day("2026-01-01")!...Day("2026-03-31")!)
        #expect(details.source == "SELECT * FROM users")
        #expect(program.diagnostics.map(\.ruleID) == ["SCHEMA-UNKNOWN-KEY"])
    }
}
