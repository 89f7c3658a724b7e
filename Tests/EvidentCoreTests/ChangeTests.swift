import EvidentCore
import Testing

@Suite struct LineDiffTests {
    @Test func equalTextsHaveNoDiff() {
        #expect(LineDiff.lines(from: "a\nb\n", to: "a\nb\n\n").isEmpty, "trailing blank lines do not count")
    }

    @Test func changesComeWithTwoLinesOfContextAndHunkMarkers() {
        let old = (1...14).map { "line \($0)" }.joined(separator: "\n")
        var lines = (1...14).map { "line \($0)" }
        lines[1] = "line two"
        lines[12] = "line thirteen"
        lines.insert("inserted", at: 6)
        let diff = LineDiff.lines(from: old, to: lines.joined(separator: "\n"))
        #expect(diff == [
            "  line 1", "- line 2", "+ line two", "  line 3", "  line 4", "  line 5", "  line 6", "+ inserted", "  line 7", "  line 8",
            "@@", "  line 11", "  line 12", "- line 13", "+ line thirteen", "  line 14",
        ])
    }

    @Test func aHunkAfterTheStartIsMarked() {
        let diff = LineDiff.lines(from: "a\nb\nc\nd\ne\nf", to: "a\nb\nc\nd\ne\nF")
        #expect(diff == ["@@", "  d", "  e", "- f", "+ F"])
    }
}

@Suite struct CodeOwnersTests {
    private func program(_ changes: [String: String] = [:]) throws -> Program {
        try Program.load(from: InMemoryFiles(ExampleProgram.base.merging(changes) { $1 }))
    }

    @Test func sectionMapsEveryControlAndPolicyToItsOwnersHandle() throws {
        let section = CodeOwners.section(for: try program())
        let lines = section.text.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("# BEGIN evident") == true && lines.last == "# END evident")
        #expect(lines.contains("/controls/AC-01.md @alice"))
        #expect(lines.filter { $0.hasPrefix("/policies/") }.count == ExampleProgram.topics.count)
        #expect(section.unmapped.isEmpty)
    }

    @Test func ownersWithoutHandleFallBackToEmailOrAreListedAsUnmapped() throws {
        var control = ExampleProgram.base["controls/AC-01.md"]!.replacingOccurrences(of: "owner: alice", with: "owner: bob")
        var section = CodeOwners.section(for: try program(["controls/AC-01.md": control]))
        #expect(section.text.contains("/controls/AC-01.md bob@example.com\n"))
        control = control.replacingOccurrences(of: "owner: bob", with: "owner: nobody")
        section = CodeOwners.section(for: try program(["controls/AC 01.md": control.replacingOccurrences(of: "id: AC-01", with: "id: AC 01")]))
        #expect(section.unmapped == ["controls/AC 01.md"])
        #expect(section.text.contains("# /controls/AC\\ 01.md: owner 'nobody' has no github handle or email in evident.yaml\n"))
    }

    @Test func updatingKeepsEverythingOutsideTheSection() throws {
        let section = CodeOwners.section(for: try program())
        let appended = CodeOwners.updating("* @platform\n", with: section)
        #expect(appended == "* @platform\n\n" + section.text)
        let stale = appended.replacingOccurrences(of: "@alice", with: "@someone") + "/docs/ @writers\n"
        let updated = CodeOwners.updating(stale, with: section)
        #expect(updated == "* @platform\n\n" + section.text + "/docs/ @writers\n")
        #expect(CodeOwners.currentSection(in: updated)?.text == section.text)
        #expect(CodeOwners.currentSection(in: updated)?.line == 3)
        #expect(CodeOwners.updating(nil, with: section) == section.text)
    }

    @Test func windowsLineEndsAreKept() throws {
        let section = CodeOwners.section(for: try program())
        let crlf = { (text: String) in text.replacingOccurrences(of: "\n", with: "\r\n") }
        let appended = CodeOwners.updating("* @platform\r\n", with: section)
        #expect(appended == crlf("* @platform\n\n" + section.text))
        #expect(CodeOwners.currentSection(in: appended)?.text == section.text, "found, and compared without the carriage returns")
        let stale = appended.replacingOccurrences(of: "@alice", with: "@someone") + "/docs/ @writers\r\n"
        #expect(CodeOwners.updating(stale, with: section) == crlf("* @platform\n\n" + section.text + "/docs/ @writers\n"))
    }
}
