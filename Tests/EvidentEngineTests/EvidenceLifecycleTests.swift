import EvidentCore
import EvidentEngine
import Foundation
import GitFixtures
import Testing

/// What happens to evidence after it lands, proven from back-dated git histories. Each test
/// plants one problem in the clean `ProgramHistory` and names exactly the findings it raises
/// (code, subject, period), and its twin without the problem raises nothing.
@Suite struct EvidenceLifecycleTests {
    private static let q1 = "2026-01-01…2026-03-31"
    private static let q2 = "2026-04-01…2026-06-30"
    private static let q3 = "2026-07-01…2026-09-30"

    private func audit(_ builder: HistoryBuilder, cycle: String = "2026") throws -> AuditRun {
        try builder.repository.audit(AuditRequest(cycle: cycle))
    }

    private func periods(_ run: AuditRun, _ control: String = "AC-01") throws -> [AuditRecord.Period] {
        try #require(run.record.controls.first { $0.id == control }).periods
    }

    @Test func theCleanHistoryRaisesNothing() throws {
        let folder = try TemporaryDirectory()
        var builder = try HistoryBuilder(ProgramHistory(), in: folder)
        try builder.commit()
        let run = try audit(builder)
        #expect(run.findings.isEmpty, "\(run.findings.map(\.message))")
        #expect(try periods(run).map(\.state) == [.onTime, .onTime, .onTime, .onTime])
    }

    // MARK: Every event counts

    /// Q2's review is deleted and added back with other content: the deletion stays a finding,
    /// the content that came back is a change, and the occurrence keeps its first landing.
    @Test func aDeletionStaysAFindingWhenThePathComesBack() throws {
        let folder = try TemporaryDirectory()
        var history = ProgramHistory()
        history.add("2026-05-01", ["evidence/AC-01/2026-04-10-review.md": nil], message: "Remove the review")
        history.add("2026-05-02", ["evidence/AC-01/2026-04-10-review.md": "Q2 2026, rewritten\n"], message: "Put it back")
        var builder = try HistoryBuilder(history, in: folder)
        try builder.commit()
        let run = try audit(builder)
        #expect(positions(run.findings) == ["EVID-DELETED AC-01", "EVID-MODIFIED-AFTER-LANDING AC-01"])
        #expect(run.findings.contains { $0.message == "1 occurrence of AC-01 changed after landing: evidence/AC-01/2026-04-10-review.md was added again after it was deleted on 2026-05-02 by Fixture Author" })
        let q2 = try periods(run)[1]
        #expect(q2.state == .onTime)
        #expect(q2.occurrences.map(\.landed) == ["2026-04-11"], "the first landing, not the re-add")
    }

    /// Deleted twice, each time added back: two deletions and two changes, each kind one
    /// finding that lists both events.
    @Test func everyDeletionCountsNotOnlyTheLast() throws {
        let folder = try TemporaryDirectory()
        var history = ProgramHistory()
        for (gone, back) in [("2026-05-01", "2026-05-02"), ("2026-06-01", "2026-06-02")] {
            history.add(gone, ["evidence/AC-01/2026-04-10-review.md": nil])
            history.add(back, ["evidence/AC-01/2026-04-10-review.md": "Q2 2026, again \(back)\n"])
        }
        var builder = try HistoryBuilder(history, in: folder)
        try builder.commit()
        let run = try audit(builder)
        #expect(positions(run.findings) == ["EVID-DELETED AC-01", "EVID-MODIFIED-AFTER-LANDING AC-01"])
        let deleted = try #require(run.findings.first { $0.code == "EVID-DELETED" })
        #expect(deleted.message == "1 occurrence of AC-01 deleted: evidence/AC-01/2026-04-10-review.md on 2026-05-01 by Fixture Author; evidence/AC-01/2026-04-10-review.md on 2026-06-01 by Fixture Author")
        let changed = try #require(run.findings.first { $0.code == "EVID-MODIFIED-AFTER-LANDING" })
        #expect(changed.message.contains("on 2026-05-02") && changed.message.contains("on 2026-06-02"), "\(changed.message)")
        #expect(Set(run.record.findings.map(\.id)).count == 2)
    }

    // MARK: Byte-exact names

    private static let nfc = "evidence/AC-01/2026-04-10-revue-\u{E9}.md"
    private static let nfd = "evidence/AC-01/2026-04-10-revue-e\u{301}.md"

    /// Two names that differ only in normalisation are two occurrences with two histories: a
    /// change to one of them is found (a `String`-keyed history let the other's hide it).
    @Test func namesThatDifferOnlyInNormalisationAreTwoOccurrences() throws {
        #expect(Self.nfc == Self.nfd && Array(Self.nfc.utf8) != Array(Self.nfd.utf8), "equal as String, different as bytes")
        for planted in [true, false] {
            let folder = try TemporaryDirectory()
            var history = ProgramHistory()
            // One commit each: a Swift dictionary cannot hold both names as keys.
            history.add("2026-04-12", [Self.nfc: "Revue (NFC)\n"])
            history.add("2026-04-12", [Self.nfd: "Revue (NFD)\n"])
            if planted { history.add("2026-05-02", [Self.nfd: "Revue (NFD), edited\n"]) }
            var builder = try HistoryBuilder(history, in: folder)
            try builder.commit()
            let run = try audit(builder)
            let q2 = try periods(run)[1].occurrences.map { Array($0.path.utf8) }
            #expect(q2.count == 3 && q2.contains(Array(Self.nfc.utf8)) && q2.contains(Array(Self.nfd.utf8)))
            #expect(try #require(run.record.controls.first { $0.id == "AC-01" }).sample.population == 6)
            if planted {
                #expect(positions(run.findings) == ["EVID-MODIFIED-AFTER-LANDING AC-01"])
                let changed = try #require(run.findings.first?.items)
                #expect(changed.map { Array($0.utf8) } == [Array(Self.nfd.utf8)], "the change is to the NFD file: \(changed)")
            } else {
                #expect(run.findings.isEmpty, "\(run.findings.map(\.message))")
            }
        }
    }

    /// Names that are not UTF-8 are neither merged with each other nor with the U+FFFD their text
    /// shows: three files, three occurrences, and a change to one is found.
    @Test func namesThatAreNotUTF8KeepTheirBytes() throws {
        for planted in [true, false] {
            let folder = try TemporaryDirectory()
            var builder = try HistoryBuilder(ProgramHistory(), in: folder)
            try builder.commit(through: "2026-04-11")
            try builder.python("""
                for name in [b'2026-04-10-\\xff.md', b'2026-04-10-\\xfe.md', '2026-04-10-\\ufffd.md'.encode()]:
                    open(b'evidence/AC-01/' + name, 'wb').write(b'export ' + name)
                """)
            try builder.commitWorkingTree(on: "2026-04-12")
            if planted {
                try builder.python("open(b'evidence/AC-01/2026-04-10-\\xfe.md', 'wb').write(b'edited')")
                try builder.commitWorkingTree(on: "2026-05-02")
            }
            try builder.commit()
            let run = try audit(builder)
            let q2 = try periods(run)[1]
            #expect(q2.state == .onTime && q2.occurrences.count == 4)
            #expect(q2.occurrences.filter { $0.path == "evidence/AC-01/2026-04-10-\u{FFFD}.md" }.count == 3)
            #expect(try #require(run.record.controls.first { $0.id == "AC-01" }).sample.population == 7)
            #expect(positions(run.findings) == (planted ? ["EVID-MODIFIED-AFTER-LANDING AC-01"] : []), "\(run.findings.map(\.message))")
        }
    }

    // MARK: Symbolic links and submodules

    /// Q2's evidence is a symbolic link to its review and a submodule of scans, and Q3's review
    /// is replaced by a link in August: no link or submodule counts, the replaced file counts as
    /// deleted, and lint names all three, in the index and in the working tree.
    @Test func linksAndSubmodulesAreNotEvidence() throws {
        let folder = try TemporaryDirectory()
        var history = ProgramHistory()
        history.drop("evidence/AC-01/2026-04-10-review.md")
        var builder = try HistoryBuilder(history, in: folder)
        try builder.commit(through: "2026-04-10")
        try FileManager.default.createSymbolicLink(atPath: builder.url.appendingPathComponent("evidence/AC-01/2026-04-10-review.md").path,
                                                   withDestinationPath: "../../README.md")
        // A gitlink with an empty folder, as an unpopulated submodule has.
        let scans = builder.url.appendingPathComponent("evidence/AC-01/2026-04-10-scans")
        try FileManager.default.createDirectory(at: scans, withIntermediateDirectories: true)
        try builder.git(["update-index", "--add", "--cacheinfo", "160000,0123456789abcdef0123456789abcdef01234567,evidence/AC-01/2026-04-10-scans"])
        try builder.commitWorkingTree(on: "2026-04-11", message: "Q2: a link to the review, and the scans as a submodule")
        try builder.commit(through: "2026-07-31")
        let q3 = builder.url.appendingPathComponent("evidence/AC-01/2026-07-08-review.md")
        try FileManager.default.removeItem(at: q3)
        try FileManager.default.createSymbolicLink(atPath: q3.path, withDestinationPath: "../../README.md")
        try builder.commitWorkingTree(on: "2026-08-01", message: "Q3: point at the README instead")
        try builder.commit()

        let run = try audit(builder)
        #expect(positions(run.findings) == ["EVID-DELETED AC-01", "EVID-MISSING-PERIOD AC-01 \(Self.q2) \(Self.q3)"],
                "\(run.findings.map(\.message))")
        #expect(run.findings.contains { $0.message == "1 occurrence of AC-01 deleted: evidence/AC-01/2026-07-08-review.md on 2026-08-01 by Fixture Author" })
        let expected = ["evidence/AC-01/2026-04-10-review.md", "evidence/AC-01/2026-04-10-scans", "evidence/AC-01/2026-07-08-review.md"]
        let staged = try builder.repository.lint(LintRequest(staged: true, readsHistory: false, today: Day("2026-12-20")!))
        #expect(staged.filter { $0.ruleID == "EVIDENCE-NOT-A-FILE" }.map(\.location.file) == expected)
        // In the working tree a submodule is a folder with a .git in it; it is not descended into.
        try Data("gitdir: ../../../.git/modules/scans\n".utf8).write(to: scans.appendingPathComponent(".git"))
        try Data("not evidence\n".utf8).write(to: scans.appendingPathComponent("2026-04-10-scan.txt"))
        let tree = try builder.repository.lint(LintRequest(readsHistory: false, today: Day("2026-12-20")!))
        #expect(tree.filter { $0.ruleID == "EVIDENCE-NOT-A-FILE" }.map(\.location.file) == expected)
        #expect(!tree.contains { $0.location.file.hasPrefix("evidence/AC-01/2026-04-10-scans/") })
    }

    @Test func filesInPlaceOfTheLinksAreEvidenceAndLintClean() throws {
        let folder = try TemporaryDirectory()
        var builder = try HistoryBuilder(ProgramHistory(), in: folder)
        try builder.commit()
        #expect(try audit(builder).findings.isEmpty)
        let lint = try builder.repository.lint(LintRequest(staged: true, readsHistory: false, today: Day("2026-12-20")!))
        #expect(!lint.contains { $0.ruleID == "EVIDENCE-NOT-A-FILE" })
    }

    // MARK: covers never proves the future

    /// A sidecar stretches Q1's review over the whole year when it lands in January: it proves
    /// January's quarter only, so Q2 and Q3, with no evidence of their own, are missing.
    @Test func coversNeverProvesPeriodsThatHadNotBegun() throws {
        for planted in [true, false] {
            let folder = try TemporaryDirectory()
            var history = ProgramHistory()
            history.add("2026-01-16", ["evidence/AC-01/2026-01-15-review.md.meta.yaml": "covers: {from: 2026-01-01, to: 2026-12-31}\n"])
            if planted {
                history.drop("evidence/AC-01/2026-04-10-review.md")
                history.drop("evidence/AC-01/2026-07-08-review.md")
            }
            var builder = try HistoryBuilder(history, in: folder)
            try builder.commit()
            let run = try audit(builder)
            #expect(positions(run.findings) == (planted ? ["EVID-MISSING-PERIOD AC-01 \(Self.q2) \(Self.q3)"] : []))
            #expect(try periods(run)[1...].allSatisfy { !$0.occurrences.map(\.path).contains("evidence/AC-01/2026-01-15-review.md") })
        }
    }

    // MARK: Backfills

    /// Q2's review lands on 1 December, after the end of Q3 plus grace days: a backfill. The
    /// quarter stays missing (high), the record says when it was backfilled, and the backfill is
    /// not sampled. Landed on 1 October instead, it is merely late.
    @Test func aBackfillLeavesItsPeriodMissing() throws {
        for landing in ["2026-12-01", "2026-10-01", nil] {
            let folder = try TemporaryDirectory()
            var history = ProgramHistory()
            if let landing {
                history.drop("evidence/AC-01/2026-04-10-review.md")
                history.add(landing, ["evidence/AC-01/2026-06-20-review.md": "Q2 2026\n"])
            }
            var builder = try HistoryBuilder(history, in: folder)
            try builder.commit()
            let run = try audit(builder)
            let q2 = try periods(run)[1]
            let control = try #require(run.record.controls.first { $0.id == "AC-01" })
            switch landing {
            case "2026-12-01"?:
                // The backfill claims a day long before it landed because it came too late: the
                // missing quarter says so, and no claim mismatch is raised beside it.
                #expect(positions(run.findings) == ["EVID-MISSING-PERIOD AC-01 \(Self.q2)"])
                let missing = try #require(run.findings.first { $0.code == "EVID-MISSING-PERIOD" })
                #expect(missing.severity == .high)
                #expect(missing.message == "no evidence of AC-01 for \(Self.q2) (1 period) landed by the period's end plus 14 grace days; backfilled too late to count: \(Self.q2) on 2026-12-01 (after 2026-10-14)")
                #expect(q2.state == .missing && q2.backfilled == "2026-12-01" && q2.occurrences.map(\.path) == ["evidence/AC-01/2026-06-20-review.md"])
                #expect(control.sample.population == 3, "the backfill is no operation to sample")
            case "2026-10-01"?:
                #expect(positions(run.findings) == ["EVID-LATE AC-01 \(Self.q2)"])
                #expect(q2.state == .late && q2.backfilled == nil)
                #expect(control.sample.population == 4)
            default:
                #expect(run.findings.isEmpty, "\(run.findings.map(\.message))")
                #expect(q2.state == .onTime && q2.backfilled == nil)
            }
        }
    }

    // MARK: Remediation never erases a deviation

    /// The July run finds Q2 missing and is committed. Then, in August, either Q2's review lands
    /// late, or a sidecar stretches the covers of Q1's export (landed on 5 April) over Q2. Both
    /// fix the missing quarter: the finding is remediated in follow_up. Neither makes the quarter
    /// on time: it is late, with EVID-LATE. The twin, with Q2 on time, has nothing to follow up.
    @Test func aLaterFixRemediatesTheFindingButTheQuarterStaysFailed() throws {
        for fix in ["late review", "widened covers", "none needed"] {
            let folder = try TemporaryDirectory()
            var history = ProgramHistory()
            if fix != "none needed" { history.drop("evidence/AC-01/2026-04-10-review.md") }
            history.drop("evidence/AC-01/2026-01-15-review.md")
            history.add("2026-04-05", ["evidence/AC-01/2026-03-31-export.csv": "users\n"], message: "Q1 export")
            history.add("2026-07-20", ["README.md": "mid-year\n"])
            switch fix {
            case "late review": history.add("2026-08-01", ["evidence/AC-01/2026-06-25-review.md": "Q2 2026, late\n"])
            case "widened covers": history.add("2026-08-01", ["evidence/AC-01/2026-03-31-export.csv.meta.yaml": "covers: {from: 2026-01-01, to: 2026-06-30}\n"])
            default: break
            }
            var builder = try HistoryBuilder(history, in: folder)
            try builder.commit(through: "2026-07-20")
            let first = try audit(builder)
            try builder.commitRecord(of: "2026", on: "2026-07-21")
            try builder.commit()
            let again = try audit(builder)
            let q2 = try periods(again)[1]
            let missing = first.record.findings.filter { $0.code == "EVID-MISSING-PERIOD" }
            if fix == "none needed" {
                #expect(missing.isEmpty && again.findings.isEmpty, "\(again.findings.map(\.message))")
                #expect(!again.record.followUp.contains { $0.status == .remediated && $0.code.hasPrefix("EVID-") })
                #expect(q2.state == .onTime)
            } else {
                #expect(missing.map(\.listedPeriods) == [[Self.q2]])
                #expect(positions(again.findings) == ["EVID-LATE AC-01 \(Self.q2)"], "\(fix): \(again.findings.map(\.message))")
                #expect(again.record.followUp.first { $0.id == missing.first?.id }?.status == .remediated)
                #expect(q2.state == .late, "\(fix): the quarter that failed stays failed")
            }
        }
    }
}
