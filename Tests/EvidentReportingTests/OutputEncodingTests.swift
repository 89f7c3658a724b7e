import EvidentGit
@testable import EvidentReporting
import Testing

/// The encoders, value by value: what each writes for the characters that matter to its reader.
@Suite struct OutputEncodingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var input: String
        var expected: String
        var testDescription: String { input.debugDescription }

        init(_ input: String, _ expected: String) {
            self.input = input
            self.expected = expected
        }
    }

    static let terminalLinesCases: [Case] = [
        Case("AC-01 Access review", "AC-01 Access review"),
        Case("Ren\u{E9}e M\u{FC}ller", "Ren\u{E9}e M\u{FC}ller"),
        Case("e\u{301}", "e\u{301}"),
        Case("\"\u{301}", "\"\u{301}"),
        Case("\u{1B}[31mred", "\\033[31mred"),
        Case("a\u{0}b", "a\\000b"),
        Case("a\rb", "a\\015b"),
        Case("a\nb", "a\\nb"),
        Case("a\r\nb", "a\\015\\nb"),
        Case("a\tb", "a\\tb"),
        Case("a\u{7F}b", "a\\177b"),
        Case("a\u{9B}b", "a\\302\\233b"),
        Case("\u{202E}txt", "\\342\\200\\256txt"),
        Case("a\u{2028}b\u{2029}c", "a\\342\\200\\250b\\342\\200\\251c"),
        Case("::error::x", "\\072:error::x"),
        Case(":", "\\072"),
        Case("  ::error::x", "  \\072:error::x"),
        Case("\u{A0}\u{2003}::x", "\u{A0}\u{2003}\\072:x"),
        Case("\u{200B}::x", "\u{200B}\\072:x"),
        Case("\t::x", "\\t::x"),
        Case("x\n::error title=a::b", "x\\n::error title=a::b"),
        Case("a::b", "a::b"),
        Case("##[add-mask]secret", "##\\133add-mask]secret"),
        Case("x ##[error]y", "x ##\\133error]y"),
        Case("#[x] ## [y]", "#[x] ## [y]"),
        Case("|", "|"),
        Case("<script>", "<script>"),
        Case("back\\slash", "back\\slash"),
    ]

    @Test(arguments: terminalLinesCases)
    func terminalLine(_ test: Case) {
        #expect(TerminalText.line(test.input) == test.expected)
        #expect(TerminalText.line(test.expected) == test.expected, "encoding twice changes nothing")
    }

    static let terminalPathsCases: [Case] = [
        Case("controls/AC-01.md", "controls/AC-01.md"),
        Case("controls/AC 02 \u{E9}.md", "controls/AC 02 \u{E9}.md"),
        Case("a\"b", "\"a\\\"b\""),
        Case("a\\b", "\"a\\\\b\""),
        Case("x\n::error title=a::b.md", "\"x\\n::error title=a::b.md\""),
        Case("::x.md", "\"::x.md\""),
        Case(" :x.md", "\" :x.md\""),
        Case("a:b.md", "a:b.md"),
        Case("e/\u{1B}]0;t\u{7}.md", "\"e/\\033]0;t\\007.md\""),
        Case("e/\u{202E}dm.exe", "\"e/\\342\\200\\256dm.exe\""),
        Case("e/##[x].md", "\"e/##\\133x].md\""),
        Case("e/a|b.md", "e/a|b.md"),
    ]

    @Test(arguments: terminalPathsCases)
    func terminalPath(_ test: Case) {
        #expect(TerminalText.path(test.input) == test.expected)
        #expect(TerminalText.path(GitPath(test.input)) == test.expected)
    }

    @Test func pathThatIsNotUTF8ShowsItsBytes() {
        #expect(TerminalText.path(GitPath(bytes: Array("controls/bad".utf8) + [0xFF] + Array(".md".utf8))) == "\"controls/bad\\377.md\"")
        #expect(TerminalText.path(GitPath(bytes: [0x3A, 0x3A, 0xFF])) == "\"::\\377\"")
    }

    static let markdownInlineCases: [Case] = [
        Case("AC-01", "AC-01"),
        Case("evidence/AC-01/2026-01-15-review.md", "evidence/AC-01/2026-01-15-review.md"),
        Case("review_days is 365", "review_days is 365"),
        Case("@alice", "@alice"),
        Case("a|b", "a\\|b"),
        Case("a|\u{301}b", "a\\|\u{301}b"),
        Case("a\nb", "a b"),
        Case("a\r\nb", "a b"),
        Case("a\rb\u{2028}c", "a b c"),
        Case("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"),
        Case("[x](http://e) ![i](j)", "\\[x\\](http://e) !\\[i\\](j)"),
        Case("`code`", "\\`code\\`"),
        Case("&amp; $x$ *b* ~~s~~", "\\&amp; \\$x\\$ \\*b\\* \\~\\~s\\~\\~"),
        Case("back\\slash", "back\\\\slash"),
        Case("\"\u{301}", "\"\u{301}"),
        Case("e\u{301}", "e\u{301}"),
        Case("\u{1B}[31m", "\\033\\[31m"),
        Case("a\u{0}b", "a\\000b"),
        Case("::error::x", "\\::error::x"),
        Case(" ::x", " \\::x"),
        Case("x\n::error::y", "x ::error::y"),
        Case("##[add-mask]", "##\\[add-mask\\]"),
    ]

    @Test(arguments: markdownInlineCases)
    func markdownInline(_ test: Case) {
        #expect(MarkdownText.inline(test.input) == test.expected)
    }

    static let markdownCodeCases: [Case] = [
        Case("AC-01", "`AC-01`"),
        Case("a`b", "``a`b``"),
        Case("`a", "`` `a ``"),
        Case("a``b`", "``` a``b` ```"),
        Case("`\u{301}x", "`` `\u{301}x ``"),
        Case(" a ", "`  a  `"),
        Case("", "`  `"),
        Case("x\ny", "`x\\ny`"),
        Case("\u{1B}[2J", "`\\033[2J`"),
        Case("##[x]", "`##\\133x]`"),
        Case("<b>[x]", "`<b>[x]`"),
        Case("a|b", "`a|b`"),
    ]

    @Test(arguments: markdownCodeCases)
    func markdownCode(_ test: Case) {
        #expect(MarkdownText.code(test.input) == test.expected)
    }

    @Test func codeInATableCellEscapesPipes() {
        #expect(MarkdownText.code("a|b", in: .tableCell) == "`a\\|b`")
        #expect(MarkdownText.code("a|\u{301}b", in: .tableCell) == "`a\\|\u{301}b`")
    }

    @Test func htmlInsideMarkdownIsEscapedOnOneLine() {
        #expect(MarkdownText.html("<b>x</b>\n\n# y") == "&lt;b&gt;x&lt;/b&gt;  # y")
        #expect(MarkdownText.html("AC-01 ##[error]\u{1B}\"\u{301}") == "AC-01 ##&#91;error]\\033&quot;\u{301}")
    }

    @Test func codeBlockFenceOutrunsTheLines() {
        #expect(MarkdownText.codeBlock(["+x"], info: "diff") == "```diff\n+x\n```\n")
        #expect(MarkdownText.codeBlock(["+```", " ````` "], info: "diff") == "``````diff\n+```\n ````` \n``````\n")
        #expect(MarkdownText.codeBlock([" ::error::x", "+\u{1B}[2J"], info: "") == "```\n \\072:error::x\n+\\033[2J\n```\n")
    }

    static let htmlCases: [Case] = [
        Case("AC-01", "AC-01"),
        Case("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        Case("\"\u{301} onmouseover=x", "&quot;\u{301} onmouseover=x"),
        Case("'\u{301}", "&#39;\u{301}"),
        Case("a & b", "a &amp; b"),
        Case("<\u{338}", "&lt;\u{338}"),
    ]

    @Test(arguments: htmlCases)
    func htmlEscape(_ test: Case) {
        #expect(HTMLText.escape(test.input) == test.expected)
    }

    static let workflowDataCases: [Case] = [
        Case("50% done", "50%25 done"),
        Case("%\u{301}0A", "%25\u{301}0A"),
        Case("a\nb", "a\\nb"),
        Case("a\rb", "a\\015b"),
        Case("::error::x", "::error::x"),
        Case("\u{1B}[31m", "\\033[31m"),
    ]

    @Test(arguments: workflowDataCases)
    func workflowCommandData(_ test: Case) {
        #expect(WorkflowCommandText.data(test.input) == test.expected)
    }

    static let workflowPropertiesCases: [Case] = [
        Case("controls/AC-01.md", "controls/AC-01.md"),
        Case("a,b:c.md", "a%2Cb%3Ac.md"),
        Case("a,\u{301}title=x", "a%2C\u{301}title=x"),
        Case(":\u{301}:error", "%3A\u{301}%3Aerror"),
        Case("x\n::error::y", "x\\n%3A%3Aerror%3A%3Ay"),
        Case("100%", "100%25"),
    ]

    @Test(arguments: workflowPropertiesCases)
    func workflowCommandProperty(_ test: Case) {
        #expect(WorkflowCommandText.property(test.input) == test.expected)
    }
}
