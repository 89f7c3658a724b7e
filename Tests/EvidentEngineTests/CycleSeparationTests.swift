import EvidentCore
import EvidentEngine
import Foundation
import GitFixtures
import Testing

/// Two cycles, 2026 and 2027, kept apart: each raises only its own period findings and
/// integrity events. Each test plants one problem in the clean
/// `ProgramHistory` and names exactly what it raises; its twin raises nothing.
@Suite struct CycleSeparationTests {
    private static let q2 = "2026-04-01…2026-06-30"

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
                #expect(positions(year2026.findings) == ["EVID-CLAIM-MISMATCH AC-01", "EVID-LATE AC-01 \(Self.q2)"])
                #expect(positions(year2027.findings) == ["EVID-DELETED AC-01", "EVID-MODIFIED-AFTER-LANDING AC-01"], "\(year2027.findings.map(\.message))")
                // The deletion leaves 2026's Q3 without evidence at the tip; the deletion itself is 2027's.
                #expect(positions(year2026Later.findings) == ["EVID-CLAIM-MISMATCH AC-01", "EVID-LATE AC-01 \(Self.q2)",
                                                              "EVID-MISSING-PERIOD AC-01 2026-07-01…2026-09-30"])
            } else {
                #expect(year2026.findings.isEmpty && year2027.findings.isEmpty && year2026Later.findings.isEmpty)
            }
        }
    }
}
