import EvidentCore
import EvidentReporting
import Foundation
import Testing

/// The `evident due` renderers, on schedules built from the example program.
@Suite struct DueRendererTests {
    private func day(_ text: String) -> Day { Day(text)! }

    private func schedule(_ example: AuditExample, within: Int) throws -> DueSchedule {
        let context = try example.context()
        return DueSchedule(program: context.program, clock: context.clock, within: within, contexts: [context], policyProofs: context.policyStandings.mapValues(\.proof))
    }

    /// A daily control owned by bob, with nothing landed, at 20 December: one overdue day, then
    /// a run of upcoming days, each on one line.
    @Test func aRunOfDailyPeriodsIsOneLine() throws {
        let control = "---\nid: AV-02\ntitle: Backups\ncriteria: [CC6.1]\nowner: bob\nfrequency: daily\ngrace_days: 1\n---\n"
        let due = try schedule(AuditExample(["controls/AV-02.md": control, "evidence/AV-02/.gitkeep": ""], clock: day("2026-12-20")), within: 5)
        let text = try DueFormat.text.renderer.string(due)
        #expect(text == """
            Due from 2026-12-20 through 2026-12-25 (5 days): 1 overdue, 6 upcoming, for 1 owner.

            bob (Bob Jones): 1 overdue, 6 upcoming
              Overdue, still counted if it lands now:
                2026-12-19  AV-02 Backups: evidence for 2026-12-18 in evidence/AV-02/ (late; counts until 2026-12-20)
              Upcoming:
                2026-12-20…2026-12-25  AV-02 Backups: evidence for each of 6 daily periods, 2026-12-19…2026-12-24 in evidence/AV-02/

            """, "\(text)")
        let markdown = try DueFormat.markdown.renderer.string(due)
        #expect(markdown.contains("| 2026-12-20…2026-12-25 | AV-02 Backups: evidence for each of 6 daily periods, 2026-12-19…2026-12-24 | `evidence/AV-02/` |\n"), "\(markdown)")
        // JSON keeps every period as its own item.
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try DueFormat.json.renderer.render(due))) as? [String: Any])
        #expect((json["items"] as? [Any])?.count == 7)
    }

    @Test func nothingDueSaysSo() throws {
        let due = try schedule(AuditExample(clock: day("2026-06-01")), within: 7)
        #expect(try DueFormat.text.renderer.string(due) == "Nothing is due from 2026-06-01 through 2026-06-08 (7 days).\n")
        #expect(try DueFormat.markdown.renderer.string(due) == "## What is due\n\nNothing is due from 2026-06-01 through 2026-06-08 (7 days).\n")
    }

    /// Titles and names are the program's text: in the terminal no control byte gets through and
    /// no line can start a workflow command; in Markdown a `|` or a line break stays in its cell.
    @Test func titlesAndNamesCannotBreakTheLayout() throws {
        let hostile = "Back|ups\n::error title=x::pwned\u{1B}[31m"
        let control = "---\nid: AV-02\ntitle: \"Back|ups\\n::error title=x::pwned\\e[31m\"\ncriteria: [CC6.1]\nowner: bob\nfrequency: monthly\n---\n"
        var yaml = ExampleProgram.base["evident.yaml"]!
        yaml = yaml.replacingOccurrences(of: "bob: {name: Bob Jones,", with: "bob: {name: \"Bob\\n::warning::x\\e]8;;\",")
        let example = AuditExample(["controls/AV-02.md": control, "evidence/AV-02/.gitkeep": "", "evident.yaml": yaml], clock: day("2026-12-20"))
        let due = try schedule(example, within: 30)
        #expect(due.items.contains { $0.title == hostile }, "the title reached the schedule as written")
        for format in [DueFormat.text, .markdown] {
            let output = try format.renderer.string(due)
            #expect(!output.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F }, "\(format): a control byte")
            #expect(!output.split(separator: "\n").contains { $0.hasPrefix("::") }, "\(format): \(output)")
        }
        // Written out here, not built with the encoders under test: escaped for the terminal
        // (a line break as \n, ESC in octal), inline text in Markdown (the break a space, ESC in
        // octal, `|` and `[` escaped).
        let text = try DueFormat.text.renderer.string(due)
        #expect(text.contains(#"AV-02 Back|ups\n::error title=x::pwned\033[31m: evidence for"#), "\(text)")
        #expect(text.contains(#"bob (Bob\n::warning::x\033]8;;)"#), "\(text)")
        let markdown = try DueFormat.markdown.renderer.string(due)
        #expect(markdown.contains(#"| AV-02 Back\|ups ::error title=x::pwned\033\[31m: evidence for"#), "\(markdown)")
        // Every row of a table has as many cell borders as its header.
        func borders(_ line: Substring) -> Int {
            zip(line, [" "] + line.dropLast()).filter { $0.0 == "|" && $0.1 != "\\" }.count
        }
        var header: Int?
        var rows = 0
        for line in try DueFormat.markdown.renderer.string(due).split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else { header = nil; continue }
            if line.hasPrefix("|---") { continue }
            if let header { #expect(borders(line) == header, "\(line)"); rows += 1 } else { header = borders(line) }
        }
        #expect(rows == due.items.count, "one row per item: no run joins them here")
        #expect(due.items.filter { $0.subject == "AV-02" }.map(\.status) == [.overdue, .upcoming], "November overdue, December upcoming")
    }
}
