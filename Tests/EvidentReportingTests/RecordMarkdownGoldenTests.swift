@testable import EvidentCore
import EvidentReporting
import Foundation
import Testing

/// record.md of a fixed record (`ReportFixture`) against a golden file, byte for byte. On a
/// difference the test prints a line diff; `EVIDENT_UPDATE_GOLDEN=1 swift test --filter
/// RecordMarkdownGoldenTests` writes the file again, to be read and committed by a person.
@Suite struct RecordMarkdownGoldenTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Resources/golden/record.md")

    @Test func recordMarkdownMatchesItsGoldenFile() throws {
        let rendered = try RecordMarkdownRenderer().string(ReportFixture.record)
        let current = try? Data(contentsOf: Self.golden)
        if ProcessInfo.processInfo.environment["EVIDENT_UPDATE_GOLDEN"] == "1", current != Data(rendered.utf8) {
            // An update never passes: the rewritten file is read, and committed, by a person.
            try FileManager.default.createDirectory(at: Self.golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(rendered.utf8).write(to: Self.golden)
            Issue.record("rewrote \(Self.golden.path); review it with git diff and run the test again")
            return
        }
        let expected = String(decoding: try Data(contentsOf: Self.golden), as: UTF8.self)
        #expect(rendered == expected, "record.md differs from \(Self.golden.path) (EVIDENT_UPDATE_GOLDEN=1 rewrites it):\n\(GoldenDiff.lines(expected: expected, actual: rendered))")
    }

    /// The sections come in report.html's order.
    @Test func sectionsReadTopDown() throws {
        let rendered = try RecordMarkdownRenderer().string(ReportFixture.record)
        let headings = rendered.split(separator: "\n").filter { $0.hasPrefix("## ") }.map(String.init)
        #expect(headings == ["## Summary", "## Controls", "## Findings, by severity and subject", "## Findings of the last committed run of this cycle",
                             "## Samples and the tester's conclusions", "## Interviews", "## Policies and their proven approvals", "## Criteria coverage"])
    }

    /// A record of format 3 has no due list and no interviews: the sections say so instead of
    /// claiming nothing is due.
    @Test func olderFormatSaysWhatItDoesNotRecord() throws {
        var record = ReportFixture.record
        record.formatVersion = 3
        record.due = nil
        record.dueWithin = nil
        record.interviews = nil
        let rendered = try RecordMarkdownRenderer().string(record)
        #expect(rendered.contains("## Interviews\n\nNot recorded (record format 3).\n"))
        #expect(rendered.contains("Not recorded (record format 3).\n\n### Scope and sources"))
        #expect(!rendered.contains("Nothing is due"))
    }
}

/// A short line diff for a golden-file mismatch: the first lines that differ, with their numbers.
enum GoldenDiff {
    static func lines(expected: String, actual: String, limit: Int = 20) -> String {
        let (old, new) = (expected.components(separatedBy: "\n"), actual.components(separatedBy: "\n"))
        var out: [String] = []
        for index in 0..<max(old.count, new.count) where out.count < limit * 2 {
            let (before, after) = (index < old.count ? old[index] : nil, index < new.count ? new[index] : nil)
            guard before != after else { continue }
            if let before { out.append("\(index + 1) - \(before)") }
            if let after { out.append("\(index + 1) + \(after)") }
        }
        return out.joined(separator: "\n")
    }
}
