@testable import EvidentCore
import Foundation
import GitFixtures
import Testing

/// A bounded fuzz run of the parsers that read what anyone can commit: front matter (controls,
/// policies, sidecars, evident.yaml) and evidence names. Fixed seeds, so a failure repeats.
@Suite struct ParserFuzzTests {
    /// Valid files to mutate: the example program's, plus a sidecar.
    static let seeds: [[UInt8]] = (ExampleProgram.base.values.sorted() + [
        "performed_by: bob\nperformed_on: 2026-01-15\ncovers: [2026-01-01, 2026-03-31]\nsource: a query\n",
        "---\nid: AC-02\ntitle: 'quoted: \"x\"'\nlist: &a [1, 2]\nother: *a\n---\nBody\n",
    ]).map { Array($0.utf8) }

    /// Every diagnostic points into the file, at a line it has, and says what is wrong in one line.
    private func expectLocated(_ diagnostics: [Diagnostic], in text: String, file: String, input: [UInt8]) {
        let lines = text.utf8.count { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") } + 1
        for diagnostic in diagnostics {
            let location = diagnostic.location
            #expect(location.file == file && location.line >= 1 && location.column >= 1 && location.line <= lines,
                    "\(location) in a file of \(lines) lines: \(Array(input).debugDescription)")
            #expect(!diagnostic.message.isEmpty && !diagnostic.message.contains("\n") && !diagnostic.message.contains("\r"),
                    "one line: \(diagnostic.message.debugDescription)")
        }
    }

    @Test func frontMatterAndTheFilesBuiltOnIt() {
        var mutator = Mutator(seed: 0x5EED_F00D)
        for input in mutator.inputs(from: Self.seeds, count: 1_500) {
            let text = String(decoding: input, as: UTF8.self)
            var diagnostics: [Diagnostic] = []
            let policy = PolicyParser.parse(text, file: "policies/P.md", diagnostics: &diagnostics)
            #expect(policy != nil || !diagnostics.isEmpty, "a file refused says why: \(input)")
            expectLocated(diagnostics, in: text, file: "policies/P.md", input: input)

            diagnostics = []
            _ = ControlParser.parse(text, file: "controls/C.md", layout: ProgramLayout(), diagnostics: &diagnostics)
            expectLocated(diagnostics, in: text, file: "controls/C.md", input: input)

            diagnostics = []
            _ = EvidenceDetails.parse(text, file: "e.meta.yaml", diagnostics: &diagnostics)
            expectLocated(diagnostics, in: text, file: "e.meta.yaml", input: input)

            diagnostics = []
            _ = ProgramConfiguration.parse(text, file: "evident.yaml", diagnostics: &diagnostics)
            expectLocated(diagnostics, in: text, file: "evident.yaml", input: input)

            do {
                _ = try ProgramLayout.parse(Data(input))
            } catch {
                #expect(!error.description.contains("\n"), "one line: \(error.description.debugDescription)")
                if let location = error.location { #expect(location.file == "evident.yaml" && location.line >= 1 && location.column >= 1) }
            }
        }
    }

    /// libyaml reports the end of the stream on a line after the last: an error there is put
    /// at the end of the last line, which the file has.
    @Test(arguments: ["organization: [Example", "organization: [Example\n", "cycles:\n  - {id: x\r\n"])
    func aYAMLErrorAtTheEndIsOnALineTheFileHas(_ text: String) throws {
        var diagnostics: [Diagnostic] = []
        _ = ProgramConfiguration.parse(text, file: "evident.yaml", diagnostics: &diagnostics)
        let lines = SourceText.lines(text).count
        #expect(diagnostics.count == 1 && diagnostics.allSatisfy { $0.location.line <= lines }, "\(diagnostics)")
        do {
            _ = try ProgramLayout.parse(text)
            Issue.record("the YAML is invalid")
        } catch {
            #expect(error.location.map { $0.line <= lines } == true, "\(error)")
        }
    }

    /// The claimed date, computed independently from the bytes: the first ten are `YYYY-MM-DD`,
    /// a real date, and the eleventh is missing, `-`, `_` or `.`.
    private func expectedDate(_ name: String) -> Day? {
        let bytes = Array(name.utf8)
        guard bytes.count >= 10, bytes.count == 10 || [UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: ".")].contains(bytes[10]) else { return nil }
        let digits = bytes[0..<10].enumerated().map { index, byte in [4, 7].contains(index) ? (byte == UInt8(ascii: "-") ? 0 : -1) : Int(byte) - 48 }
        guard digits.allSatisfy({ (0...9).contains($0) }) else { return nil }
        return Day(year: digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3], month: digits[5] * 10 + digits[6], day: digits[8] * 10 + digits[9])
    }

    @Test func evidenceNames() {
        var mutator = Mutator(seed: 0xDA7E_5EED)
        let seeds = ["2026-01-15-review.md", "2026-02-28", "2024-02-29_export.csv", "2026-12-31.pdf", "0000-01-01-x", "9999-12-31.y", "review.md"]
        for input in mutator.inputs(from: seeds.map { Array($0.utf8) }, count: 3_000) {
            let name = String(decoding: input, as: UTF8.self)
            #expect(EvidenceOccurrence.claimedDate(ofName: name) == expectedDate(name), "\(name.debugDescription)")
        }
    }

    /// A separator with a combining mark on it is still the separator: the date is claimed.
    @Test func aCombiningMarkAfterTheSeparatorKeepsTheDate() {
        #expect(EvidenceOccurrence.claimedDate(ofName: "2026-01-15-\u{301}review.md") == Day(year: 2026, month: 1, day: 15))
        #expect(EvidenceOccurrence.claimedDate(ofName: "2026-01-15\u{301}-review.md") == nil)
    }
}
