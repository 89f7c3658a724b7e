import EvidentCore
import EvidentEngine
import Foundation
import GitFixtures
import Testing

/// The audit through the engine, in process, with typed values.
@Suite struct AuditEngineTests {
    /// The example program through 2026, with AC-01's Q2 evidence left out.
    private func program(in folder: TemporaryDirectory) throws -> FixtureRepository {
        var repository = try FixtureRepository(in: folder.url)
        var files = ExampleProgram.base.mapValues { Optional($0) }
        files["risk/risk-assessment.md"] = "---\nkind: risk-assessment\n---\nRegister.\n"
        try repository.commit(files, on: "2026-01-10", message: "Program")
        try repository.commit(["evidence/AC-01/2026-07-08-review.md": "Q3"], on: "2026-07-09")
        try repository.commit(["evidence/AC-01/2026-10-05-review.md": "Q4", "audits/2026/interviews/alice.md": "Notes"], on: "2026-10-06")
        try repository.commit(["README.md": "done"], on: "2026-12-20")
        return repository
    }

    @Test func aMissingQuarterIsATypedFindingAndAMissingPeriod() throws {
        let folder = try TemporaryDirectory()
        let fixture = try program(in: folder)
        let run = try ComplianceRepository(discoveringFrom: fixture.url.path).audit(AuditRequest())
        let missing = try #require(run.record.findings.first { $0.code == "EVID-MISSING-PERIOD" })
        #expect(missing.severity == .high)
        #expect(missing.status == .open)
        #expect(missing.subject == "AC-01")
        #expect(missing.period == "2026-04-01…2026-06-30")
        let control = try #require(run.record.controls.first { $0.id == "AC-01" })
        #expect(control.periods.map(\.state) == [.onTime, .missing, .onTime, .onTime], "Q1 is in the base program")
        #expect(control.result == .exceptions)
        #expect(control.frequency == .quarterly)
        #expect(run.hasFinding(atOrAbove: .high))
        #expect(!run.hasFinding(atOrAbove: nil))
        #expect(run.folder == "audits/2026")
    }

    @Test func anUnknownCycleIsAUsageError() throws {
        let folder = try TemporaryDirectory()
        let fixture = try program(in: folder)
        #expect {
            try ComplianceRepository(discoveringFrom: fixture.url.path).audit(AuditRequest(cycle: "1999"))
        } throws: { error in
            (error as? EngineError)?.status == .usage && (error as? EngineError)?.message == "evident.yaml has no cycle '1999'"
        }
    }
}
