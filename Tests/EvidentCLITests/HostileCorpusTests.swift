import EvidentCore
import Foundation
import GitFixtures
import Testing

/// Every command, in every output format, over each family of the hostile corpus. Whatever
/// the family, a command never crashes, prints nothing a terminal or the Actions runner would
/// take as a command, writes valid JSON and HTML with only the markup Evident writes, echoes
/// nothing from outside the repository, and writes nothing but what it is documented to write.
@Suite(.serialized) struct HostileCorpusTests {
    /// What a command's standard output is, and so how it is checked.
    enum Output: Equatable {
        case text, markdown, github, json, html
        /// Nothing (a writing command whose output is a summary line or two): checked as text.
        case summary
    }

    /// One run of the binary: its arguments, how its output is checked, and the work-tree paths
    /// (prefixes) it may create or change.
    struct Invocation: CustomStringConvertible {
        var arguments: [String]
        var output: Output
        var writes: [String] = []
        var description: String { "evident " + arguments.joined(separator: " ") }
    }

    /// Every command and format; `base` is the first commit of the mainline, for `pr`.
    static func invocations(base: String) -> [Invocation] {
        var all: [Invocation] = []
        for format in ["text", "json", "sarif", "github", "markdown"] {
            all.append(Invocation(arguments: ["lint", "--today", "2026-12-31", "--format", format], output: output(format)))
        }
        all.append(Invocation(arguments: ["lint", "--staged", "--today", "2026-12-31"], output: .text))
        all.append(Invocation(arguments: ["lint", "--no-history", "--format", "markdown"], output: .markdown))
        for format in ["text", "json", "markdown", "html"] {
            all.append(Invocation(arguments: ["audit", "--dry-run", "--fail-on", "never", "--format", format], output: output(format)))
        }
        for format in ["text", "json", "markdown", "html"] {
            all.append(Invocation(arguments: ["diff", "2025", "2026", "--format", format], output: output(format)))
        }
        all.append(Invocation(arguments: ["diff", "--previous", "2026"], output: .text))
        for format in ["text", "json", "markdown", "sarif", "github"] {
            all.append(Invocation(arguments: ["pr", "--base", base, "--today", "2026-12-31", "--format", format], output: output(format)))
        }
        all.append(Invocation(arguments: ["history"], output: .text))
        all.append(Invocation(arguments: ["history", "--root", "evidence", "--format", "json", "--no-index"], output: .json))
        all.append(Invocation(arguments: ["export", "oscal", "--components"], output: .json))
        all.append(Invocation(arguments: ["codeowners", "--check"], output: .summary))
        all.append(Invocation(arguments: ["codeowners"], output: .summary, writes: [".github/CODEOWNERS"]))
        all.append(Invocation(arguments: ["hook", "install"], output: .summary))
        all.append(Invocation(arguments: ["audit", "--fail-on", "never"], output: .text, writes: ["audits/"]))
        all.append(Invocation(arguments: ["audit", "--cycle", "../../../outside/pwn", "--fail-on", "never"], output: .text, writes: ["audits/"]))
        all.append(Invocation(arguments: ["audit", "--cycle", "forever", "--fail-on", "never"], output: .text, writes: ["audits/"]))
        all.append(Invocation(arguments: ["export", "oscal", "--cycle", "2026"], output: .json))
        all.append(Invocation(arguments: ["export", "oscal", "--cycle", "2026", "-o", "oscal.json"], output: .summary, writes: ["oscal.json"]))
        all.append(Invocation(arguments: ["verify"], output: .text))
        return all
    }

    private static func output(_ format: String) -> Output {
        switch format {
        case "json", "sarif": .json
        case "markdown": .markdown
        case "github": .github
        case "html": .html
        default: .text
        }
    }

    /// The results of every invocation over one family, by invocation description.
    struct Runs {
        var results: [String: EvidentBinary.Result] = [:]
        subscript(_ arguments: String...) -> EvidentBinary.Result? { results["evident " + arguments.joined(separator: " ")] }
        /// Every run's status and standard error, for a failure's message.
        var summary: String { results.sorted { $0.key < $1.key }.map { "\($0.key) → \($0.value.status) \($0.value.error.prefix(300))" }.joined(separator: "\n") }
    }

    @Test(arguments: HostileCorpus.Family.allCases)
    func everyCommandInEveryFormat(_ family: HostileCorpus.Family) throws {
        let corpus = try HostileCorpus(family, base: ExampleProgram.base)
        let runs = try run(Self.invocations(base: try Git.text(["rev-list", "--max-parents=0", "main"], in: corpus.url)), over: corpus)
        try expectations[family]!(runs, corpus)
    }

    /// Runs each invocation in turn and checks what every command must do; returns the results.
    private func run(_ invocations: [Invocation], over corpus: HostileCorpus) throws -> Runs {
        var runs = Runs()
        var outside = try corpus.outsideFiles()
        var status = try corpus.status()
        for invocation in invocations {
            let result = try EvidentBinary.run(invocation.arguments, in: corpus.url)
            runs.results[invocation.description] = result
            let context = "\(corpus.family): \(invocation) exited \(result.status)\n\(result.output.prefix(2_000))\n\(result.error.prefix(2_000))"
            expectNoCrash(result, context)
            expectSafe(result.output, as: invocation.output, status: result.status, context)
            #expect(OutputSafety.problems(in: result.error) == [], "\(context)")
            for leak in [HostileCorpus.secret, "root:x:0:0"] {
                #expect(!result.output.contains(leak) && !result.error.contains(leak), "echoes what lies outside the repository\n\(context)")
            }

            let now = try corpus.outsideFiles()
            #expect(now == outside, "changed outside the repository: \(Set(now.keys).symmetricDifference(outside.keys).sorted())\n\(context)")
            outside = now
            let after = try corpus.status()
            let written = Set(after).subtracting(status)
            let undocumented = written.filter { path in !invocation.writes.contains { path.hasPrefix($0) } }
            #expect(undocumented.isEmpty, "wrote \(undocumented.sorted())\n\(context)")
            #expect(!after.contains { $0.contains(".tmp") || $0.hasSuffix("~") || $0.contains("/.") && $0.hasPrefix("audits/") }, "left a temporary file: \(after)\n\(context)")
            #expect(corpus.filesHoldingTheSecret() == [], "copied what lies outside into the repository\n\(context)")
            status = after
            if invocation.arguments == ["audit", "--fail-on", "never"], result.status <= 1 { try expectSafeRecords(in: corpus, context) }
            if let file = invocation.arguments.drop(while: { $0 != "-o" }).dropFirst().first, result.status == 0 {
                let written = try Data(contentsOf: corpus.url.appendingPathComponent(file))
                #expect((try? JSONSerialization.jsonObject(with: written)) != nil, "\(file) parses\n\(context)")
            }
        }
        return runs
    }

    private func expectNoCrash(_ result: EvidentBinary.Result, _ context: String) {
        #expect((0...3).contains(result.status), "exit status\n\(context)")
        for trace in ["Fatal error", "Stack dump", "backtrace", "Current stack trace", "Crash", "💣"] {
            #expect(!result.error.contains(trace), "a crash report\n\(context)")
        }
        #expect(result.status < 2 || !result.error.isEmpty, "a failure says why\n\(context)")
    }

    /// `status` tells a refusal (2 or 3, which prints its reason on standard error and nothing
    /// on standard output) from a run that must print its document.
    private func expectSafe(_ output: String, as kind: Output, status: Int32, _ context: String) {
        switch kind {
        case .text, .summary:
            #expect(OutputSafety.problems(in: output) == [], "\(context)")
        case .markdown:
            #expect(OutputSafety.problems(in: output, markdownTables: true) == [], "\(context)")
        case .github:
            #expect(OutputSafety.problems(in: output, annotations: true) == [], "\(context)")
            let lines = output.split(separator: "\n", omittingEmptySubsequences: true)
            #expect(lines.allSatisfy { $0.utf8.starts(with: "::".utf8) }, "every line is an annotation\n\(context)")
        case .json:
            guard !output.isEmpty else {
                #expect(status >= 2, "a run that did not refuse printed no JSON\n\(context)")
                return
            }
            #expect((try? JSONSerialization.jsonObject(with: Data(output.utf8), options: [.fragmentsAllowed])) != nil, "JSON that parses\n\(context)")
        case .html:
            guard !output.isEmpty else {
                #expect(status >= 2, "a run that did not refuse printed no HTML\n\(context)")
                return
            }
            #expect(HTMLMarkup.problems(in: output) == [], "\(context)")
            #expect(output.contains("<html") && output.contains("</html>"), "a whole document\n\(context)")
        }
    }

    /// The record `audit` wrote: JSON that parses, Markdown and HTML that are safe.
    private func expectSafeRecords(in corpus: HostileCorpus, _ context: String) throws {
        let folder = corpus.url.appendingPathComponent("audits/2026")
        let json = try Data(contentsOf: folder.appendingPathComponent("record.json"))
        #expect((try? JSONSerialization.jsonObject(with: json)) != nil, "record.json parses\n\(context)")
        let markdown = String(decoding: try Data(contentsOf: folder.appendingPathComponent("record.md")), as: UTF8.self)
        #expect(OutputSafety.problems(in: markdown, markdownTables: true) == [], "record.md\n\(context)")
        let html = String(decoding: try Data(contentsOf: folder.appendingPathComponent("report.html")), as: UTF8.self)
        #expect(HTMLMarkup.problems(in: html) == [], "report.html\n\(context)")
    }

    // MARK: - What each family must also do

    private typealias Expectation = (Runs, HostileCorpus) throws -> Void

    private let expectations: [HostileCorpus.Family: Expectation] = [
        .content: { runs, corpus in
            #expect(runs["lint", "--today", "2026-12-31", "--format", "text"]?.status == 1, "the undated evidence is a lint error")
            #expect(runs["audit", "--fail-on", "never"]?.status == 0, "\(runs.summary)")
            #expect(runs["history"]?.status == 0, "\(runs.summary)")
            #expect(runs["diff", "2025", "2026", "--format", "html"]?.status == 0, "\(runs.summary)")
            #expect(runs["export", "oscal", "--cycle", "2026", "-o", "oscal.json"]?.status == 0, "\(runs.summary)")
            #expect(runs["audit", "--dry-run", "--fail-on", "never", "--format", "html"]?.output.contains("&lt;script&gt;alert(1)&lt;/script&gt;") == true,
                    "the hostile title is in the report, as text")
        },
        .encodings: { runs, _ in
            let lint = runs["lint", "--today", "2026-12-31", "--format", "text"]
            #expect(lint?.status == 0, "CRLF and a BOM parse like LF: \(lint?.output ?? "")\(lint?.error ?? "")")
            #expect(runs["audit", "--fail-on", "never"]?.status == 0, "\(runs.summary)")
        },
        .configurationLink: { runs, _ in
            let lint = runs["lint", "--today", "2026-12-31", "--format", "text"]
            #expect(lint.map { $0.status != 0 && ($0.output + $0.error).contains("evident.yaml") } == true, "the link is named")
            #expect(runs["audit", "--fail-on", "never"].map(\.status) == 2)
        },
        .links: { runs, corpus in
            let lint = runs["lint", "--today", "2026-12-31", "--format", "text"]?.output ?? ""
            for link in ["evidence/AC-01/2026-03-01-secret.md", "evidence/AC-01/2026-04-01-folder", ".github/CODEOWNERS"] {
                #expect(lint.contains(link), "the link \(link) is a lint error: \(lint)")
            }
            #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: corpus.url.appendingPathComponent(".github/CODEOWNERS").path)) != nil,
                    "the CODEOWNERS link is left alone")
        },
        .paths: { runs, _ in
            let lint = runs["lint", "--today", "2026-12-31", "--format", "text"]
            #expect(lint.map { $0.status != 0 && ($0.output + $0.error).contains("evident.yaml:") } == true, "\(lint?.output ?? "")\(lint?.error ?? "")")
            #expect(runs["audit", "--fail-on", "never"].map(\.status) == 2)
        },
        .identifiers: { runs, corpus in
            let lint = runs["lint", "--today", "2026-12-31", "--format", "text"].map { $0.output + $0.error } ?? ""
            #expect(lint.contains("evident.yaml:8:10: error: the cycle id contains '/'"), "the cycle id is refused: \(lint)")
            #expect(lint.contains("'github' contains a line break"), "the handle is refused: \(lint)")
            #expect(runs["audit", "--cycle", "../../../outside/pwn", "--fail-on", "never"].map(\.status) == 2)
            #expect(runs["audit", "--cycle", "forever", "--fail-on", "never"].map(\.status) == 2, "a 10 000-year window is refused")
            // The handle with a line break is refused, so no CODEOWNERS line can be injected: the
            // command says why and writes no file, and `--check` refuses alike.
            for arguments in [["codeowners"], ["codeowners", "--check"]] {
                let result = runs.results["evident " + arguments.joined(separator: " ")]
                #expect(result?.status == 2 && result?.error.contains("github") == true, "\(arguments): \(runs.summary)")
            }
            #expect(!FileManager.default.fileExists(atPath: corpus.url.appendingPathComponent(".github/CODEOWNERS").path), "a refused run writes no CODEOWNERS")
        },
        .farFuture: { runs, _ in
            let history = runs["history"]
            #expect(history?.status == 0, "\(runs.summary)")
            #expect(history?.output.contains("A  +010000-01-01T00:00:00Z") == true, "a year past 9999 is shown as it is: \(history?.output ?? "")")
            #expect(runs["audit", "--fail-on", "never"].map { $0.status <= 1 } == true, "\(runs.summary)")
        },
        .yearMinusOne: expectTheCommitRefused, .overflowingDate: expectTheCommitRefused,
    ]

    /// An unusable commit date at the tip: `history` and `audit` exit 3 and name the commit.
    private static func expectTheCommitRefused(_ runs: Runs, _ corpus: HostileCorpus) throws {
        let tip = try Git.text(["rev-parse", "main"], in: corpus.url)
        for arguments in [["history"], ["audit", "--fail-on", "never"]] {
            let result = runs.results["evident " + arguments.joined(separator: " ")]
            #expect(result?.status == 3, "\(arguments): \(runs.summary)")
            #expect(result?.error.contains(tip) == true, "names the commit \(tip): \(result?.error ?? "")")
        }
    }

    // MARK: - init

    /// `init` with hostile arguments, in a fresh repository beside a sentinel: what it writes
    /// lints, its output is safe, and nothing outside the repository changes.
    @Test(arguments: [HostileCorpus.allSamples + HostileCorpus.extraSamples, "x\n::error title=pwn::owned", "\"\u{301}<script>"])
    func initWithAHostileOrganization(_ organization: String) throws {
        let sandbox = try TemporaryDirectory("evident-corpus-init")
        try Data(HostileCorpus.secret.utf8).write(to: sandbox.path("sentinel.txt"))
        let repository = try FixtureRepository(in: sandbox.url)
        let result = try EvidentBinary.run(["init", "--organization", organization, "--year", "2026"], in: repository.url)
        let context = "init exited \(result.status)\n\(result.output)\n\(result.error)"
        expectNoCrash(result, context)
        #expect(OutputSafety.problems(in: result.output) == [] && OutputSafety.problems(in: result.error) == [], "\(context)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.url.path).sorted() == ["repo", "sentinel.txt"], "\(context)")
        guard result.status == 0 else { return }
        let lint = try EvidentBinary.run(["lint", "--no-history"], in: repository.url)
        #expect(lint.status <= 1, "what init wrote parses: \(lint.output)\(lint.error)")
        #expect(OutputSafety.problems(in: lint.output) == [])
    }
}

/// Checks an HTML page with a real HTML parser (Python's `html.parser`): every element and
/// attribute must be one Evident's renderers write (RecordHTMLRenderer, ReportDocument).
enum HTMLMarkup {
    /// The elements the renderers write, read from their source.
    static let elements: Set<String> = [
        "html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "table", "thead", "tbody", "tr", "th", "td",
        "code", "span", "div", "strong", "ul", "li", "pre", "details", "summary",
    ]
    /// The attributes they write; no event handler, no `href` or `src`. `open` unfolds a
    /// severity's findings, `colspan` spans a subject's row across its findings table.
    static let attributes: Set<String> = ["lang", "charset", "class", "id", "title", "open", "colspan"]
    /// Attributes a browser reads as a URL (none of them allowed; checked should the list grow).
    static let urlAttributes: Set<String> = ["href", "src", "action", "formaction", "srcdoc", "data", "poster", "background", "style"]

    /// Prints each start tag as a JSON line: the name and the attributes, as the parser saw them.
    private static let script = """
        import sys, json
        from html.parser import HTMLParser
        class P(HTMLParser):
            def handle_starttag(self, tag, attrs): print(json.dumps([tag, attrs]))
            def handle_startendtag(self, tag, attrs): print(json.dumps([tag, attrs]))
        p = P(convert_charrefs=True)
        p.feed(sys.stdin.read())
        p.close()
        """

    static func problems(in html: String) -> [String] {
        let parsed: Process.Captured
        do {
            parsed = try Process.capture(executable: "/usr/bin/env", arguments: ["python3", "-c", script], in: URL(fileURLWithPath: "/"),
                                         input: Data(html.utf8))
        } catch {
            return ["python3 could not run: \(error)"]
        }
        guard parsed.status == 0 else { return ["html.parser failed: \(String(decoding: parsed.standardError, as: UTF8.self))"] }
        var problems: [String] = []
        for line in String(decoding: parsed.standardOutput, as: UTF8.self).split(separator: "\n") {
            guard let tag = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any], let name = tag.first as? String,
                  let attributes = tag.last as? [[Any]] else { return ["unreadable parser output: \(line)"] }
            if !elements.contains(name) { problems.append("element <\(name)>") }
            for attribute in attributes {
                let key = attribute.first as? String ?? ""
                let value = attribute.last as? String ?? ""
                if !Self.attributes.contains(key) || key.hasPrefix("on") { problems.append("attribute \(key) on <\(name)>") }
                if Self.urlAttributes.contains(key), value.lowercased().filter({ !$0.isWhitespace }).contains("javascript:") {
                    problems.append("a javascript: URL in \(key)")
                }
            }
        }
        return problems
    }
}
