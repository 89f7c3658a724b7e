import EvidentCore
import Foundation
import GitFixtures
import Testing

/// What `evident audit` prints for a person, on the program a new user builds a year on
/// (`TwelveMonthProgram`): a summary first, then the findings grouped, in at most 40 lines.
@Suite struct AuditSummaryTests {
    @Test func theTwelveMonthProgramsSummaryIsItsGoldenFileAndFitsFortyLines() throws {
        let folder = try TemporaryDirectory()
        let fixture = try TwelveMonthProgram.build(in: folder)
        let result = try EvidentBinary.run(["audit", "--fail-on", "never"], in: fixture.url)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.error.isEmpty, "\(result.error)")
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count <= 40, "\(lines.count) lines:\n\(result.output)")
        let golden = GoldenFile("audit-twelve-months.txt", besides: #filePath)
        if let mismatch = try golden.mismatch(result.output) {
            Issue.record(Comment(rawValue: mismatch))
        }
    }

    /// The README shows the golden output as it is: regenerating the file means updating it.
    @Test func theReadmeShowsTheGoldenSummary() throws {
        let golden = try String(contentsOf: GoldenFile("audit-twelve-months.txt", besides: #filePath).url, encoding: .utf8)
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        #expect(try String(contentsOf: readme, encoding: .utf8).contains("```\n" + golden + "```\n"), "README.md's audit section shows audit-twelve-months.txt")
    }
}

/// `--group-by` and `--all` on the same program, through the binary.
@Suite struct AuditGroupingCommandTests {
    /// The findings section of a text output: from its heading to the blank line after it.
    static func findingsSection(_ output: String) -> [String] {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return Array(lines.drop { !$0.hasPrefix("Findings by") }.prefix { !$0.isEmpty })
    }

    @Test func eachGroupingHasItsHeadingsAndEveryFindingOnce() throws {
        let folder = try TemporaryDirectory()
        let fixture = try TwelveMonthProgram.build(in: folder)
        for (grouping, headings) in [("owner", ["alice (Alice Smith): 5 findings", "bob (Bob Jones): 3 findings"]),
                                     ("control", ["DL-01 Control DL-01: 2 findings", "POL-BACKUP: 1 finding", "WK-01 Control WK-01: 1 finding"]),
                                     ("code", ["EVID-MISSING-PERIOD: 4 findings", "POL-CHANGE-UNAPPROVED: 1 finding", "EVID-LATE: 3 findings"])] {
            let result = try EvidentBinary.run(["audit", "--dry-run", "--fail-on", "never", "--group-by", grouping], in: fixture.url)
            #expect(result.status == 0, "\(result.error)")
            let section = Self.findingsSection(result.output)
            let listed = section.filter { $0.hasPrefix("  ") }
            #expect(listed.count == 8, "\(grouping): \(result.output)")
            for heading in headings { #expect(section.contains(heading), "\(grouping): \(heading) in \(result.output)") }
            #expect(result.output.hasSuffix("\nDry run: nothing written.\n"))
        }
        let byCode = try EvidentBinary.run(["audit", "--dry-run", "--fail-on", "never", "--group-by", "code"], in: fixture.url)
        let codes = Self.findingsSection(byCode.output).filter { !$0.hasPrefix(" ") }.dropFirst()
        #expect(Array(codes) == ["EVID-MISSING-PERIOD: 4 findings", "POL-CHANGE-UNAPPROVED: 1 finding", "EVID-LATE: 3 findings"], "the high codes first")
    }

    @Test func aBadGroupingIsAUsageError() throws {
        let folder = try TemporaryDirectory()
        var fixture = try FixtureRepository(in: folder.url)
        try fixture.commitApproved(ExampleProgram.base.mapValues { Optional($0) }, on: "2026-03-01", message: "Program")
        let result = try EvidentBinary.run(["audit", "--dry-run", "--group-by", "severity"], in: fixture.url)
        #expect(result.status == 2)
        #expect(result.output.isEmpty)
        #expect(result.error.split(separator: "\n").first
                == "Error: The value 'severity' is invalid for '--group-by <grouping>'. Please provide one of 'owner', 'control' or 'code'.", "\(result.error)")
    }

    /// Forty controls of one owner, each missing its quarters: more findings than a screen holds.
    @Test func manyFindingsAreCappedUnlessAll() throws {
        let folder = try TemporaryDirectory()
        var fixture = try FixtureRepository(in: folder.url)
        var files = ExampleProgram.base.mapValues { Optional($0) }
        let control = ExampleProgram.base["controls/AC-01.md"]!
        for index in 2...40 {
            let id = String(format: "AC-%02d", index)
            files["controls/\(id).md"] = control.replacingOccurrences(of: "AC-01", with: id)
            files["evidence/\(id)/.gitkeep"] = ""
        }
        try fixture.commitApproved(files, on: "2026-01-10", message: "Program")
        try fixture.commit(["README.md": "later"], on: "2026-12-20")
        let capped = try EvidentBinary.run(["audit", "--fail-on", "never"], in: fixture.url)
        #expect(capped.status == 0, "\(capped.error)")
        #expect(capped.output.split(separator: "\n").count <= 40, "\(capped.output)")
        // The summary's count of findings, against which both listings are checked.
        let total = try #require(capped.output.firstMatch(of: #/\n(\d+) findings: /#).flatMap { Int($0.1) }, "\(capped.output)")
        #expect(total >= 40, "every control misses its quarters: \(capped.output)")
        // Each group lists at most six findings and counts the rest on a line of its own, so
        // every finding is either listed or counted, under a heading that counts its group.
        var headed = 0
        var accounted = 0
        var group: (count: Int, listed: Int)?
        func close() {
            guard let group else { return }
            #expect(group.listed == min(group.count, 6), "a group of \(group.count) lists \(group.listed): \(capped.output)")
        }
        for line in Self.findingsSection(capped.output).dropFirst() {
            if let heading = line.wholeMatch(of: #/.+: (\d+) findings?/#), let count = Int(heading.1) {
                close()
                group = (count, 0)
                headed += count
            } else if let more = line.wholeMatch(of: #/  … and (\d+) more — see audits\/2026\/record\.md, or run with --all/#), let count = Int(more.1) {
                #expect(group.map { $0.listed + count == $0.count } == true, "\(line): \(capped.output)")
                accounted += count
            } else if line.hasPrefix("  ") {
                group?.listed += 1
                accounted += 1
            }
        }
        close()
        #expect(headed == total && accounted == total, "\(headed) and \(accounted) of \(total): \(capped.output)")
        #expect(capped.output.contains("… and "), "the listing was cut: \(capped.output)")
        let dryRun = try EvidentBinary.run(["audit", "--dry-run", "--fail-on", "never"], in: fixture.url)
        #expect(dryRun.output.contains("more — run with --all, or without --dry-run to write audits/2026/record.md\n"), "\(dryRun.output)")
        let all = try EvidentBinary.run(["audit", "--dry-run", "--fail-on", "never", "--all"], in: fixture.url)
        #expect(!all.output.contains("… and"), "\(all.output)")
        #expect(Self.findingsSection(all.output).filter { $0.hasPrefix("  ") }.count == total, "every finding listed once: \(all.output)")
    }
}
