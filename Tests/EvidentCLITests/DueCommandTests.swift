import EvidentCore
import Foundation
import GitFixtures
import Testing

/// `evident due`: its output in each format and its exit codes.
@Suite struct DueCommandTests {
    /// The example program: policies approved on 10 January 2026 (review_days 365), AC-01's Q1
    /// and Q2 evidence on time, Q3's never landed, no interview note.
    private func program(in folder: TemporaryDirectory) throws -> FixtureRepository {
        var repository = try FixtureRepository(in: folder.url)
        var files = ExampleProgram.base.mapValues { Optional($0) }
        files["risk/risk-assessment.md"] = "---\nkind: risk-assessment\n---\nRegister.\n"
        try repository.commitApproved(files, on: "2026-01-10", message: "Program")
        try repository.commit(["evidence/AC-01/2026-04-10-review.md": "Q2"], on: "2026-04-11")
        try repository.commit(["README.md": "done"], on: "2026-12-18")
        return repository
    }

    private static let policies = ExampleProgram.topics.map { ExampleProgram.policyID($0) }.sorted()

    @Test func textListsEachOwnersOverdueApartFromWhatIsUpcoming() throws {
        let folder = try TemporaryDirectory()
        let repository = try program(in: folder)
        let result = try EvidentBinary.run(["due", "--now", "2026-12-20"], in: repository.url)
        #expect(result.status == 0, "\(result.error)")
        let commit = try Git.text(["rev-parse", "HEAD"], in: repository.url)
        let policies = Self.policies.map { "    2027-01-10  \($0) \($0.dropFirst(4).lowercased()) policy: a proven approval (its review falls due) in policies/\($0).md\n" }.joined()
        #expect(result.output == """
            Due from 2026-12-20 through 2027-01-19 (30 days): 1 overdue, 10 upcoming, for 1 owner.
            Read from commit \(commit.prefix(10)).

            alice (Alice Smith): 1 overdue, 10 upcoming
              Overdue, still counted if it lands now:
                2026-10-14  AC-01 Example control: evidence for 2026-07-01…2026-09-30 in evidence/AC-01/ (late; counts until 2027-01-14)
              Upcoming:
                2026-12-31  interview note of alice for cycle 2026 in audits/2026/interviews/alice.md

            """ + policies + """
                2027-01-14  AC-01 Example control: evidence for 2026-10-01…2026-12-31 in evidence/AC-01/

            """, "\(result.output)")
    }

    @Test func jsonIsTheDocumentedDeterministicContract() throws {
        let folder = try TemporaryDirectory()
        let repository = try program(in: folder)
        let arguments = ["due", "--now", "2026-12-20", "--within", "15", "--format", "json"]
        let result = try EvidentBinary.run(arguments, in: repository.url)
        #expect(result.status == 0, "\(result.error)")
        #expect(try EvidentBinary.run(arguments, in: repository.url).outputData == result.outputData, "the same bytes every time")
        let document = try #require(try JSONSerialization.jsonObject(with: result.outputData) as? [String: Any])
        #expect(Set(document.keys) == ["clock", "commit", "counts", "cycles", "format_version", "horizon", "items", "within_days"])
        #expect(document["format_version"] as? Int == 1 && document["clock"] as? String == "2026-12-20" && document["horizon"] as? String == "2027-01-04")
        #expect(document["within_days"] as? Int == 15)
        #expect(document["commit"] as? String == (try Git.text(["rev-parse", "HEAD"], in: repository.url)))
        #expect(document["counts"] as? [String: Int] == ["overdue": 1, "upcoming": 1])
        let cycles = try #require(document["cycles"] as? [[String: Any]])
        #expect(cycles.count == 1 && cycles[0]["id"] as? String == "2026" && cycles[0]["fieldwork"] as? String == "2027-01-25")
        let items = try #require(document["items"] as? [[String: Any]])
        let keys: Set<String> = ["counts_until", "cycle", "deadline", "frequency", "kind", "owner", "owner_name", "path", "period", "status", "subject", "title"]
        #expect(items.allSatisfy { Set($0.keys) == keys }, "every key is always there")
        #expect(items.map { "\($0["status"]!) \($0["kind"]!) \($0["subject"]!) \($0["deadline"]!)" }
            == ["overdue evidence AC-01 2026-10-14", "upcoming interview alice 2026-12-31"])
        #expect(items[0]["period"] as? [String: String] == ["start": "2026-07-01", "end": "2026-09-30"])
        #expect(items[0]["counts_until"] as? String == "2027-01-14" && items[0]["frequency"] as? String == "quarterly")
        #expect(items[0]["owner_name"] as? String == "Alice Smith" && items[0]["title"] as? String == "Example control")
        #expect(items[1]["period"] is NSNull && items[1]["frequency"] is NSNull && items[1]["title"] is NSNull, "what does not apply is null")
        #expect(items[1]["path"] as? String == "audits/2026/interviews/alice.md")
    }

    @Test func markdownIsForAJobSummary() throws {
        let folder = try TemporaryDirectory()
        let repository = try program(in: folder)
        let result = try EvidentBinary.run(["due", "--now", "2026-12-20", "--within", "15", "--format", "markdown"], in: repository.url)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.hasPrefix("## What is due\n\nDue from 2026-12-20 through 2027-01-04 (15 days): **1 overdue**, 1 upcoming, for 1 owner.\n"))
        #expect(result.output.contains("""
            ### alice (Alice Smith)

            **Overdue, still counted if it lands now**

            | due | what | land in | note |
            |---|---|---|---|
            | 2026-10-14 | AC-01 Example control: evidence for 2026-07-01…2026-09-30 | `evidence/AC-01/` | late; counts until 2027-01-14 |

            **Upcoming**

            | due | what | land in |
            |---|---|---|
            | 2026-12-31 | interview note of alice for cycle 2026 | `audits/2026/interviews/alice.md` |

            """), "\(result.output)")
    }

    @Test func theClockIsTodayUnlessNowSaysOtherwise() throws {
        let folder = try TemporaryDirectory()
        let repository = try program(in: folder)
        let result = try EvidentBinary.run(["due", "--within", "0"], in: repository.url)
        #expect(result.status == 0, "\(result.error)")
        let today = Day(epochSeconds: Int64(Date().timeIntervalSince1970))
        #expect(result.output.contains("from \(today) through \(today) (0 days)"), "\(result.output)")
    }

    @Test func badUsageExitsTwo() throws {
        let folder = try TemporaryDirectory()
        let repository = try program(in: folder)
        for arguments in [["--within", "-1"], ["--within", "367"], ["--within", "soon"], ["--now", "2026-02-30"], ["--format", "html"]] {
            let result = try EvidentBinary.run(["due"] + arguments, in: repository.url)
            #expect(result.status == 2, "\(arguments): \(result.output) \(result.error)")
            #expect(result.output.isEmpty)
        }
        let unknown = try EvidentBinary.run(["due", "--as-of", "no-such-ref", "--now", "2026-12-20"], in: repository.url)
        #expect(unknown.status == 3, "\(unknown.error)")
    }

    /// A repository with no evident.yaml: one line that says to run `evident init`, exit 2, for
    /// `due` and for `lint` (which used to print 41 errors).
    @Test func withoutAProgramItSaysToRunInit() throws {
        let folder = try TemporaryDirectory()
        var repository = try FixtureRepository(in: folder.url)
        try repository.commit(["README.md": "Our product.\n"], on: "2026-03-02")
        for command in [["due"], ["lint"], ["audit"]] {
            let result = try EvidentBinary.run(command, in: repository.url)
            #expect(result.status == 2, "\(command): \(result.output)")
            #expect(result.output.isEmpty, "\(command): \(result.output)")
            #expect(result.error.split(separator: "\n").count == 1 && result.error.contains("run `evident init` to scaffold a program"), "\(command): \(result.error)")
        }
    }
}

/// The first cycle `evident init` writes, and what it says about it.
@Suite struct InitCycleTests {
    @Test func theWindowStartsOnTheFirstOfNextMonthAndInitSaysSo() throws {
        let folder = try TemporaryDirectory()
        let result = try EvidentBinary.run(["init"], in: folder.url)
        #expect(result.status == 0, "\(result.error)")
        let today = Day(epochSeconds: Int64(Date().timeIntervalSince1970))
        let cycle = StarterCycle(start: StarterCycle.defaultStart(after: today))
        #expect(result.output.contains("First audit cycle \(cycle.id): the window runs \(cycle.start) to \(cycle.end) (12 months, from the first of next month); fieldwork is set for \(cycle.fieldwork).\n"),
                "\(result.output)")
        #expect(result.output.contains("nothing is judged before then"))
        let yaml = String(decoding: try Data(contentsOf: folder.url.appendingPathComponent("evident.yaml")), as: UTF8.self)
        #expect(yaml.contains("    start: \(cycle.start)\n    end: \(cycle.end)\n    fieldwork: \(cycle.fieldwork)\n"), "\(yaml)")
    }

    @Test func theFlagsSetTheWindow() throws {
        let folder = try TemporaryDirectory()
        let result = try EvidentBinary.run(["init", "--start", "2027-03-01", "--months", "6", "--fieldwork", "2027-10-15"], in: folder.url)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("First audit cycle 2027: the window runs 2027-03-01 to 2027-08-31 (6 months, from --start); fieldwork is set for 2027-10-15."))
        let yaml = String(decoding: try Data(contentsOf: folder.url.appendingPathComponent("evident.yaml")), as: UTF8.self)
        #expect(yaml.contains("  - id: \"2027\"\n    type: 2\n    start: 2027-03-01\n    end: 2027-08-31\n    fieldwork: 2027-10-15\n"), "\(yaml)")

        let year = try TemporaryDirectory()
        let calendar = try EvidentBinary.run(["init", "--year", "2020"], in: year.url)
        #expect(calendar.output.contains("the window runs 2020-01-01 to 2020-12-31 (12 months, the calendar year, from --year)"))
        #expect(calendar.output.contains("The window started before today: the periods already over are audited too"))
        // A window on a quarter's first day opens with a whole quarter; one inside a quarter says so.
        #expect(!calendar.output.contains("Periods follow the calendar"))
        #expect(result.output.contains("its first quarter is 2027-03-01…2027-03-31, so the quarterly controls must operate in it too."), "\(result.output)")
    }

    @Test func conflictingOrImpossibleFlagsWriteNothing() throws {
        for arguments in [["--year", "2026", "--start", "2026-02-01"], ["--months", "30"], ["--start", "2027-01-01", "--fieldwork", "2027-06-30"]] {
            let folder = try TemporaryDirectory()
            let result = try EvidentBinary.run(["init"] + arguments, in: folder.url)
            #expect(result.status == 2, "\(arguments): \(result.output)")
            #expect(result.error.hasPrefix("evident: error: --"), "\(result.error)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty, "nothing is written on bad input")
        }
    }
}
