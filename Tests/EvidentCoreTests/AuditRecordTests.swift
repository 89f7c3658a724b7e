import EvidentCore
import Foundation
import Testing

@Suite struct AuditRecordTests {
    /// Two unapproved changes to one policy are one problem: one finding listing both versions,
    /// under the id one change alone has, which is made of the code and subject only.
    @Test func aFindingKeepsItsIdHoweverManyItemsItLists() throws {
        let file = "policies/POL-ACCESS-CONTROL.md"
        let base = ExampleProgram.revisions(topic: "access-control", landed: Day(year: 2026, month: 1, day: 10)!)
        let first = ExampleProgram.revision(topic: "access-control", version: "1.1", approvals: [("dave", "1.0")], body: "New text.", on: Day(year: 2026, month: 5, day: 1)!)
        let second = ExampleProgram.revision(topic: "access-control", version: "1.2", approvals: [("dave", "1.0")], body: "Newer text.", on: Day(year: 2026, month: 6, day: 1)!)
        func record(_ revisions: [PolicyRevision]) throws -> AuditRecord {
            let context = try AuditExample(policyRevisions: [file: revisions]).context()
            return AuditRecord.make(context: context, findings: Auditor().run(context), auditedCommit: String(repeating: "a", count: 40), tool: "test", previous: nil)
        }
        let twice = try record(base + [first, second])
        let unapproved = twice.findings.filter { $0.code == "POL-CHANGE-UNAPPROVED" }
        #expect(unapproved.map(\.items) == [["1.1", "1.2"]])
        #expect(unapproved.map(\.count) == [2])
        let ids = twice.findings.map(\.id)
        #expect(Set(ids).count == ids.count)
        let once = try record(base + [first]).findings.filter { $0.code == "POL-CHANGE-UNAPPROVED" }
        #expect(once.map(\.id) == unapproved.map(\.id))
        #expect(once.map(\.id) == [FindingKey(code: "POL-CHANGE-UNAPPROVED", subject: "POL-ACCESS-CONTROL").id])
    }

    @Test func unreadableRecordsNameTheFileAndWhere() {
        func problem(_ text: String) -> String {
            do {
                _ = try AuditRecord.read(Data(text.utf8), file: "audits/2026/record.json")
                return "read"
            } catch {
                return error.description
            }
        }
        #expect(problem("{\n  \"statement\": x}") == "audits/2026/record.json:2:16: not an Evident record: the file is not valid JSON")
        #expect(problem("{\n  \"statement\" : \n") == "audits/2026/record.json:3:1: not an Evident record: the file is not valid JSON", "an early end is placed at the end")
        #expect(problem("{}") == "audits/2026/record.json:1:1: not an Evident record: 'statement' is missing")
        #expect(problem(#"{"statement": 1}"#).hasPrefix("audits/2026/record.json:1:1: not an Evident record: statement has the wrong type"))
    }
}
