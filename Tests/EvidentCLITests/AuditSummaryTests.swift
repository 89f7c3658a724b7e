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
        if let mismatch = try GoldenFile("audit-twelve-months.txt", besides: #filePath).mismatch(result.output) {
            Issue.record(Comment(rawValue: mismatch))
        }
    }
}
