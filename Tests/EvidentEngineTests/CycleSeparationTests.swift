import EvidentCore
import EvidentEngine
import Foundation
import GitFixtures
import Testing

/// Two cycles, 2026 and 2027, kept apart: each is judged by its own program, raises only its
/// own period findings and integrity events, follows up the other's findings in proportion, and
/// is compared with it at comparable clocks. Each test plants one problem in the clean
/// `ProgramHistory` and names exactly what it raises; its twin raises nothing.
@Suite struct CycleSeparationTests {
    private static let q2 = "2026-04-01…2026-06-30"

    private static func control(frequency: String) -> String {
        ExampleProgram.base["controls/AC-01.md"]!.replacingOccurrences(of: "frequency: quarterly", with: "frequency: \(frequency)")
    }

    @Test func theCleanHistoryRaisesNothingInEitherCycle() throws {
        let folder = try TemporaryDirectory()
        var builder = try HistoryBuilder(ProgramHistory(through2027: true), in: folder)
        try builder.commit(through: "2027-01-08")
        let year2026 = try builder.repository.audit(AuditRequest(cycle: "2026"))
        #expect(year2026.findings.isEmpty, "\(year2026.findings.map(\.message))")
        try builder.commit()
        let year2027 = try builder.repository.audit(AuditRequest(cycle: "2027"))
        #expect(year2027.findings.isEmpty, "\(year2027.findings.map(\.message))")
    }

    // MARK: The program at the window's end

    /// AC-01 becomes annual on 5 January 2027. The 2026 audit, run after that, judges it as the
    /// quarterly control it was in 2026: its missing second quarter is found. (Judged as annual,
    /// the year's one period would be on time.)
    @Test func aClosedCycleIsJudgedByItsControlsAsTheyStoodAtItsEnd() throws {
        for planted in [true, false] {
            let folder = try TemporaryDirectory()
            var history = ProgramHistory(through2027: true)
            if planted { history.drop("evidence/AC-01/2026-04-10-review.md") }
            history.add("2027-01-05", ["controls/AC-01.md": Self.control(frequency: "annual")], message: "AC-01 becomes annual")
            var builder = try HistoryBuilder(history, in: folder)
            try builder.commit(through: "2027-01-08")
            let run = try builder.repository.audit(AuditRequest(cycle: "2026"))
            #expect(positions(run.findings) == (planted ? ["EVID-MISSING-PERIOD AC-01 \(Self.q2)"] : []), "\(run.findings.map(\.message))")
            let control = try #require(run.record.controls.first { $0.id == "AC-01" })
            #expect(control.frequency == .quarterly && control.periods.count == 4)
            #expect(run.program.control("AC-01")?.frequency?.value == .quarterly)
            #expect(try builder.repository.audit(AuditRequest(cycle: "2027")).record.controls.first { $0.id == "AC-01" }?.frequency == .annual,
                    "2027 is judged by the control as it is in 2027")
        }
    }

    // MARK: Period findings and integrity events

    /// Q2 2026's review lands late (a 2026 period finding) and, in 2027, Q4 2026's review is
    /// edited and Q3 2026's deleted (2027 integrity events). Each cycle raises its own: 2027 the
    /// change and the deletion, never 2026's late quarter; 2026 the late quarter, never 2027's
    /// change and deletion, though they touch 2026 evidence.
    @Test func eachCycleRaisesItsOwnPeriodFindingsAndTheIntegrityEventsThatLandedInIt() throws {
        for planted in [true, false] {
            let folder = try TemporaryDirectory()
            var history = ProgramHistory(through2027: true)
            if planted {
                history.drop("evidence/AC-01/2026-04-10-review.md")
                history.add("2026-07-20", ["evidence/AC-01/2026-04-10-review.md": "Q2 2026, late\n"])
                history.add("2027-02-10", ["evidence/AC-01/2026-10-05-review.md": "Q4 2026, edited\n"])
                history.add("2027-03-01", ["evidence/AC-01/2026-07-08-review.md": nil])
            }
            var builder = try HistoryBuilder(history, in: folder)
            try builder.commit(through: "2027-01-08")
            let year2026 = try builder.repository.audit(AuditRequest(cycle: "2026"))
            try builder.commit()
            let year2027 = try builder.repository.audit(AuditRequest(cycle: "2027"))
            // 2026 audited at the 2027 tip: its history holds 2027's events, which are not its to raise.
            let year2026Later = try builder.repository.audit(AuditRequest(cycle: "2026", clock: Day("2027-01-08")))
            if planted {
                // Q2's review claims a day 101 days before it landed because it is late: EVID-LATE says so.
                #expect(positions(year2026.findings) == ["EVID-LATE AC-01 \(Self.q2)"])
                #expect(positions(year2027.findings) == ["EVID-DELETED AC-01", "EVID-MODIFIED-AFTER-LANDING AC-01"], "\(year2027.findings.map(\.message))")
                // The deletion leaves 2026's Q3 without evidence at the tip; the deletion itself is 2027's.
                #expect(positions(year2026Later.findings) == ["EVID-LATE AC-01 \(Self.q2)", "EVID-MISSING-PERIOD AC-01 2026-07-01…2026-09-30"])
            } else {
                #expect(year2026.findings.isEmpty && year2027.findings.isEmpty && year2026Later.findings.isEmpty)
            }
        }
    }

    // MARK: Recurring findings

    /// Both years, the event control AC-02 has nothing to do (info) and its owner bob has no
    /// interview note (low), each raised once the window has ended. In 2027, audited after its
    /// window, the low one recurs, as a low FIND-RECURRING; the info one is no process problem
    /// and does not.
    @Test func aRecurringFindingIsNeverRaisedForInfoNorAboveItsOwnSeverity() throws {
        for planted in [true, false] {
            let folder = try TemporaryDirectory()
            var history = ProgramHistory(through2027: true)
            if planted {
                history.add("2026-01-01", ["controls/AC-02.md": "---\nid: AC-02\ntitle: Terminations\ncriteria: [CC6.2]\nowner: bob\nfrequency: event\n---\nBody.\n",
                                           "evidence/AC-02/.gitkeep": ""], message: "Add AC-02")
            }
            // The rest of 2027 runs well too.
            history.add("2027-07-09", ["evidence/AC-01/2027-07-08-review.md": "Q3 2027\n"], message: "Q3 review")
            history.add("2027-10-06", ["evidence/AC-01/2027-10-05-review.md": "Q4 2027\n"], message: "Q4 review")
            var builder = try HistoryBuilder(history, in: folder)
            try builder.commit(through: "2027-01-08")
            try builder.commitRecord(of: "2026", on: "2027-01-09")
            try builder.commit()
            let run = try builder.repository.audit(AuditRequest(cycle: "2027", clock: Day("2028-01-05")))
            if planted {
                #expect(positions(run.findings) == ["EVID-ZERO-POPULATION AC-02", "FIND-RECURRING bob", "INTERVIEW-MISSING bob"])
                #expect(run.findings.first { $0.code == "FIND-RECURRING" }?.severity == .low)
            } else {
                #expect(run.findings.isEmpty, "\(run.findings.map(\.message))")
            }
        }
    }

    // MARK: The renewal diff

    /// The 2026 record (committed in January 2027) found Q3 2026 missing. In July 2027 the
    /// third quarter of 2027 is still pending: the finding is not resolved yet, and the diff
    /// says which periods are pending. Q2's, whose 2027 counterpart is judged, is resolved.
    @Test func theDiffSaysWhatIsPendingInsteadOfCallingItResolved() throws {
        for planted in [true, false] {
            let folder = try TemporaryDirectory()
            var history = ProgramHistory(through2027: true)
            if planted {
                history.drop("evidence/AC-01/2026-04-10-review.md")
                history.drop("evidence/AC-01/2026-07-08-review.md")
            }
            var builder = try HistoryBuilder(history, in: folder)
            try builder.commit(through: "2027-01-08")
            try builder.commitRecord(of: "2026", on: "2027-01-09")
            try builder.commit()
            let diff = try builder.repository.renewalDiff(RenewalRequest(earlier: "2026", later: "2027"))
            #expect(diff.from.recorded && diff.from.clock == "2027-01-08")
            #expect(!diff.to.recorded && diff.to.clock == "2027-07-20")
            #expect(diff.pending == [RenewalDiff.PendingPeriods(cycle: "2027", control: "AC-01", periods: ["2027-07-01…2027-09-30", "2027-10-01…2027-12-31"])])
            let after = try #require(diff.populations.first { $0.control == "AC-01" }?.after)
            #expect(after.summary == "2/2 on time, 2 pending" && after.pending == 2)
            if planted {
                // Q2 2026 was missing and Q2 2027 is on time; Q3 2026 was missing and Q3 2027 is not yet due.
                let group = try #require(diff.findings.pending.first)
                #expect(diff.findings.pending.map { "\($0.code) \($0.subject)" } == ["EVID-MISSING-PERIOD AC-01"])
                #expect(group.pending == ["2027-07-01…2027-09-30"] && group.before == 2 && group.after == 0)
                #expect(diff.findings.resolved.isEmpty && diff.findings.new.isEmpty)
            } else {
                #expect(diff.findings.new.isEmpty && diff.findings.resolved.isEmpty && diff.findings.recurring.isEmpty && diff.findings.pending.isEmpty)
            }
        }
    }

    /// Resolved still means resolved where the later cycle has judged the period.
    @Test func aFindingWhosePeriodTheLaterCycleJudgedIsResolved() throws {
        let folder = try TemporaryDirectory()
        var history = ProgramHistory(through2027: true)
        history.drop("evidence/AC-01/2026-04-10-review.md")
        var builder = try HistoryBuilder(history, in: folder)
        try builder.commit(through: "2027-01-08")
        try builder.commitRecord(of: "2026", on: "2027-01-09")
        try builder.commit()
        let diff = try builder.repository.renewalDiff(RenewalRequest(earlier: "2026", later: "2027"))
        #expect(diff.findings.resolved.map { "\($0.code) \($0.subject)" } == ["EVID-MISSING-PERIOD AC-01"])
        #expect(diff.findings.pending.isEmpty)
    }

    /// Neither cycle has a record: 2026 is audited as it stood as far into its window as 2027
    /// is into its own (20 July), so 2026's third quarter, missing by the year's end, is not yet
    /// due on either side, and nothing is called resolved.
    @Test func twoFreshAuditsRunAtTheSamePointOfTheirWindows() throws {
        for planted in [true, false] {
            let folder = try TemporaryDirectory()
            var history = ProgramHistory(through2027: true)
            if planted { history.drop("evidence/AC-01/2026-07-08-review.md") }
            var builder = try HistoryBuilder(history, in: folder)
            try builder.commit()
            let diff = try builder.repository.renewalDiff(RenewalRequest(earlier: "2026", later: "2027"))
            #expect(diff.from.clock == "2026-07-20" && diff.to.clock == "2027-07-20")
            let expected2026 = try Git.text(["rev-list", "-1", "--first-parent", "--before=2026-07-20T23:59:59Z", "HEAD"], in: builder.url)
            #expect(diff.from.commit == expected2026)
            #expect(diff.pending.map(\.cycle) == ["2026", "2027"])
            #expect(diff.findings.new.isEmpty && diff.findings.resolved.isEmpty && diff.findings.pending.isEmpty,
                    "\(diff.findings)")
        }
    }
}
