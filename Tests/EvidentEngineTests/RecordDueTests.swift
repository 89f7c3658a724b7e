import EvidentCore
import EvidentEngine
import EvidentReporting
import Foundation
import GitFixtures
import Testing

/// The record's forward-looking part (format 4): what falls due in the next 30 days, as
/// `evident due` lists it for the audited cycle, and each owner's interview note.
@Suite struct RecordDueTests {
    private func line(_ item: DueItem) -> String {
        "\(item.kind.rawValue) \(item.status.rawValue) \(item.owner ?? "-") \(item.subject) \(item.period.map(\.description) ?? "-") "
            + "\(item.deadline) \(item.countsUntil.map(\.description) ?? "-") \(item.path)"
    }

    @Test func theRecordListsWhatDueListsForTheCycle() throws {
        let folder = try TemporaryDirectory()
        let fixture = try Fixtures.yearOfEvidence(in: folder, q2: nil)
        let repository = try Fixtures.open(fixture)
        let july = try Git.text(["rev-list", "-1", "--before=2026-07-10", "HEAD"], in: fixture.url)
        let clock = Day("2026-08-01")!
        let run = try repository.audit(AuditRequest(asOf: july, clock: clock))
        let schedule = try repository.due(DueRequest(asOf: july, clock: clock, within: AuditRecord.dueWithinDays))
        #expect(run.record.dueWithin == 30)
        #expect(run.record.dueItems.map(line) == schedule.items.map(line))
        // The missed second quarter is overdue but still counts; nothing else falls due by 31 August.
        #expect(run.record.dueItems.map(line) == ["evidence overdue alice AC-01 2026-04-01…2026-06-30 2026-07-14 2026-10-14 evidence/AC-01/"])
        #expect(run.record.dueItems.first?.title == run.record.controls.first { $0.id == "AC-01" }?.title)
    }

    @Test func interviewsNameTheCommitThatLandedEachNote() throws {
        let folder = try TemporaryDirectory()
        var fixture = try Fixtures.yearOfEvidence(in: folder)
        // A control bob owns, whose interview note never lands.
        try fixture.commit(["controls/OP-01.md": Fixtures.control("OP-01", criteria: ["CC7.2"], owner: "bob", frequency: "event")], on: "2026-12-21")
        let repository = try Fixtures.open(fixture)
        let record = try repository.audit(AuditRequest()).record
        let interviews = try #require(record.interviews)
        let owners = Set(record.controls.filter { $0.status == .active }.compactMap(\.owner)).sorted()
        #expect(interviews.map(\.owner) == owners)
        for interview in interviews {
            #expect(interview.note == "audits/2026/interviews/\(interview.owner).md")
            // The git CLI is the reference for the commit that added the note.
            let added = try Git.text(["log", "--first-parent", "--diff-filter=A", "--format=%H %cs", "--", interview.note], in: fixture.url)
            if added.isEmpty {
                #expect(interview.landed == nil && interview.commit == nil)
            } else {
                #expect("\(interview.commit ?? "") \(interview.landed ?? "")" == added)
            }
        }
        #expect(interviews.contains { $0.owner == "alice" && $0.landed == "2026-10-06" })
        #expect(interviews.map(\.owner) == ["alice", "bob"])
        #expect(interviews.contains { $0.owner == "bob" && $0.name == "Bob Jones" && $0.landed == nil })
    }

    /// A record read back from its JSON keeps both, byte for byte through the renderer.
    @Test func dueAndInterviewsSurviveTheRecordsJSON() throws {
        let folder = try TemporaryDirectory()
        let fixture = try Fixtures.yearOfEvidence(in: folder, q2: nil)
        let july = try Git.text(["rev-list", "-1", "--before=2026-07-10", "HEAD"], in: fixture.url)
        let record = try Fixtures.open(fixture).audit(AuditRequest(asOf: july, clock: Day("2026-08-01")!)).record
        let data = Data(RecordJSONRenderer().render(record))
        let read = try AuditRecord.read(data, file: "record.json")
        #expect(read.due == record.due && read.interviews == record.interviews && read.dueWithin == 30)
        #expect(read.due?.isEmpty == false)
    }

    /// A record read from disk with a horizon no audit writes is refused, not added to a day.
    @Test func aHorizonBeyondAYearIsNoRecord() throws {
        let folder = try TemporaryDirectory()
        let fixture = try Fixtures.yearOfEvidence(in: folder)
        var record = try Fixtures.open(fixture).audit(AuditRequest()).record
        for within in [Int.max, -1, 367] {
            record.dueWithin = within
            let error = #expect(throws: InputError.self) { try AuditRecord.read(Data(RecordJSONRenderer().render(record)), file: "record.json") }
            #expect(error?.message == "not an Evident record: due_within is \(within), not 0 to 366 days", "\(String(describing: error))")
        }
    }
}
