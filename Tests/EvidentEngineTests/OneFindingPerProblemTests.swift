import EvidentCore
import EvidentEngine
import Foundation
import GitFixtures
import Testing

/// The program a new user builds, a year on (`TwelveMonthProgram`): each problem is one
/// finding, listing its periods.
@Suite struct OneFindingPerProblemTests {
    @Test func aYearOfEvidenceRaisesAtMostOneFindingPerCodeAndSubject() throws {
        let folder = try TemporaryDirectory()
        let fixture = try TwelveMonthProgram.build(in: folder)
        let run = try Fixtures.auditAndWrite(fixture)
        let keys = run.findings.map(\.key)
        #expect(Set(keys).count == keys.count, "\(keys)")
        #expect(run.findings.map { "\($0.code) \($0.subject)" }.sorted() == [
            "EVID-LATE DL-01", "EVID-LATE MO-02", "EVID-LATE QT-03",
            "EVID-MISSING-PERIOD DL-01", "EVID-MISSING-PERIOD MO-03", "EVID-MISSING-PERIOD QT-02", "EVID-MISSING-PERIOD WK-01",
            // Never approved since 2024 and rewritten: one finding, not also an overdue review.
            "POL-CHANGE-UNAPPROVED POL-BACKUP",
        ], "\(run.findings.map(\.message))")

        let daily = try #require(run.findings.first { $0.code == "EVID-MISSING-PERIOD" && $0.subject == "DL-01" })
        #expect(daily.count == 6)
        #expect(DayRange.runs(of: daily.periods).map(\.description) == ["2026-03-02…2026-03-06", "2026-06-10"])
        #expect(daily.message.hasPrefix("no evidence of DL-01 for 2026-03-02…2026-03-06, 2026-06-10 (6 periods) landed by each period's end plus 7 grace days"),
                "\(daily.message)")
        #expect(daily.message.contains("backfilled too late to count: 2026-06-10 on 2026-07-01"))
        let late = try #require(run.findings.first { $0.code == "EVID-LATE" && $0.subject == "DL-01" })
        #expect(late.message.hasPrefix("evidence of DL-01 for 2026-08-03…2026-08-04 (2 periods) landed after 7 grace days"), "\(late.message)")
        #expect(late.items == ["evidence/DL-01/2026-08-03-record.md", "evidence/DL-01/2026-08-04-record.md"])
        // QT-03's Q2 claims a day 76 days before it landed: because it is late, which EVID-LATE says.
        #expect(!run.findings.contains { $0.code == "EVID-CLAIM-MISMATCH" })
        let monthly = try #require(run.findings.first { $0.code == "EVID-MISSING-PERIOD" && $0.subject == "MO-03" })
        #expect(monthly.message.contains("2026-07-01…2026-08-31 (2 periods)"), "\(monthly.message)")

        // The record says the same, one entry per finding, each id made of its code and subject.
        let record = run.record
        #expect(record.formatVersion == AuditRecord.currentFormat)
        #expect(record.findings.map(\.id) == run.findings.map(\.key.id))
        #expect(Set(record.findings.map(\.id)).count == record.findings.count)
        let recorded = try #require(record.findings.first { $0.id == daily.key.id })
        #expect(recorded.count == 6 && recorded.periods?.count == 6 && recorded.periodRuns == ["2026-03-02…2026-03-06", "2026-06-10"])
    }
}
