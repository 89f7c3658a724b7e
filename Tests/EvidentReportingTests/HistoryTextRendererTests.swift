import EvidentGit
import EvidentReporting
import Foundation
import Testing

/// `evident history` for people shows each commit's time as the JSON document does.
@Suite struct HistoryTextRendererTests {
    /// Four-digit years are written digit by digit; any other year must still read as in the
    /// document (it used to lose its fifth digit, and a year before 0 stopped the program).
    @Test(arguments: [Int64(0), -1, 1_769_938_200, 253_402_300_799, 253_402_300_800, 1_000_000_000_000_000, -62_167_219_200, -62_167_219_201, -100_000_000_000])
    func timesReadAsInTheDocument(seconds: Int64) throws {
        let signature = Signature(name: "Alice", email: "alice@example.com", time: seconds, offsetMinutes: 0)
        let commit = CommitInfo(id: ObjectID(hex: String(repeating: "ab", count: 20))!, author: signature, committer: signature, trailers: [], isSigned: false)
        let history = MainlineHistory(
            head: commit.id, reference: "refs/heads/main", roots: [try HistoryRoot("controls")],
            files: [FileHistory(path: GitPath("controls/AC-01.md"), events: [FileEvent(status: .added, commit: commit)])]
        )
        let document = try JSONSerialization.jsonObject(with: try HistoryDocument(history).encoded()) as! [String: Any]
        let event = ((document["files"] as! [[String: Any]])[0]["events"] as! [[String: Any]])[0]
        let line = String(decoding: HistoryTextRenderer.renderBytes(history), as: UTF8.self).split(separator: "\n")[0]
        #expect(line.split(separator: " ", omittingEmptySubsequences: true)[1] == (event["time"] as! String)[...])
    }
}
