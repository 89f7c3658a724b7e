import EvidentCore
import Foundation

/// Lint diagnostics and the rules that raised them: the document every diagnostic format renders.
public struct DiagnosticReport: Sendable {
    public var diagnostics: [Diagnostic]
    /// The rules to describe (SARIF lists them all); by default every built-in rule.
    public var rules: [RuleDescription]

    public init(_ diagnostics: [Diagnostic], rules: [RuleDescription] = Linter.rules.map { $0.description }) {
        self.diagnostics = diagnostics
        self.rules = rules
    }
}

/// The output formats of `evident lint`.
public enum DiagnosticFormat: String, CaseIterable, Sendable {
    case text, json, sarif, github, markdown

    public var renderer: any DocumentRenderer<DiagnosticReport> {
        switch self {
        case .text: TextDiagnosticReporter()
        case .markdown: MarkdownDiagnosticReporter()
        case .json: JSONDiagnosticReporter()
        case .sarif: SARIFDiagnosticReporter()
        case .github: GitHubActionsDiagnosticReporter()
        }
    }
}

/// `path:line:column: severity: message [RULE-ID]`, then a count. The path is shown as
/// `TerminalText.path(_:)` shows it and the message as `TerminalText.line(_:)` does.
///
/// More than `groupingThreshold` diagnostics are too many to read as one list: they come after
/// a summary (the errors and warnings of each rule, and in how many files), grouped by rule or
/// by file under a heading each, every group capped by `limits` with a line that counts the
/// rest. Each diagnostic keeps its one-line form and starts its line, so that editors and the
/// pre-commit framework, which read `path:line:column:` lines, read the grouped output too;
/// headings and summary lines never take that form.
public struct TextDiagnosticReporter: TextDocumentRenderer {
    public typealias Document = DiagnosticReport

    /// Up to this many diagnostics print as one plain list.
    public static let groupingThreshold = 20
    /// The caps of the grouped listing: ten diagnostics of a rule or file, about a screen in all.
    public static let screenLimits = ListingLimits(perGroup: 10, lines: 40)
    /// How many rules the summary names before it counts the rest.
    public static let summaryRules = 10

    public var grouping: DiagnosticGrouping
    public var limits: ListingLimits

    public init(grouping: DiagnosticGrouping = .rule, limits: ListingLimits = screenLimits) {
        self.grouping = grouping
        self.limits = limits
    }

    public func text(_ report: DiagnosticReport) -> String {
        let diagnostics = report.diagnostics
        var out = diagnostics.count > Self.groupingThreshold ? summary(diagnostics) + "\n" + grouped(diagnostics) + "\n"
                                                            : diagnostics.map(Self.line).joined()
        out += diagnostics.isEmpty ? "no problems found\n" : Self.counts(diagnostics) + "\n"
        return out
    }

    /// One diagnostic as editors read it.
    static func line(_ diagnostic: Diagnostic) -> String {
        let location = diagnostic.location
        return "\(TerminalText.path(location.file)):\(location.line):\(location.column): \(diagnostic.severity.rawValue): "
            + "\(TerminalText.line(diagnostic.message)) [\(TerminalText.line(diagnostic.ruleID))]\n"
    }

    /// "12 errors, 30 warnings".
    static func counts(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        return "\(errors) \(errors == 1 ? "error" : "errors"), \(warnings) \(warnings == 1 ? "warning" : "warnings")"
    }

    /// "12 errors", "3 warnings", "1 error, 2 warnings": what there is, for a summary line.
    static func tally(_ diagnostics: [Diagnostic]) -> String {
        let counts = Severity.allCases.reversed().compactMap { severity -> String? in
            let count = diagnostics.filter { $0.severity == severity }.count
            return count == 0 ? nil : "\(count) \(severity.rawValue)\(count == 1 ? "" : "s")"
        }
        return counts.joined(separator: ", ")
    }

    /// The totals, then each rule's counts and files, the rules with errors first.
    func summary(_ diagnostics: [Diagnostic]) -> String {
        let files = Set(diagnostics.map(\.location.file)).count
        var out = "\(diagnostics.count) problems in \(files) \(files == 1 ? "file" : "files"): \(Self.counts(diagnostics))\n"
        let rules = DiagnosticGrouping.rule.groups(of: diagnostics)
        let names = rules.prefix(Self.summaryRules).map { TerminalText.line($0.name) }
        let width = names.map(\.count).max() ?? 0
        for (name, rule) in zip(names, rules) {
            let files = Set(rule.diagnostics.map(\.location.file)).count
            out += "  \(name.padding(toLength: width))  \(Self.tally(rule.diagnostics)) in \(files) \(files == 1 ? "file" : "files")\n"
        }
        if rules.count > Self.summaryRules {
            let left = rules.dropFirst(Self.summaryRules)
            out += "  … and \(left.count) more rules, with \(left.map(\.diagnostics.count).reduce(0, +)) diagnostics\n"
        }
        return out
    }

    /// Each group under its heading, capped.
    func grouped(_ diagnostics: [Diagnostic]) -> String {
        let groups = grouping.groups(of: diagnostics)
        let plan = limits.plan(groups.map(\.diagnostics.count))
        let elsewhere = "run `evident lint --all` to list them"
        var out = ""
        for (group, listed) in zip(groups, plan) where listed > 0 {
            let name = grouping == .rule ? TerminalText.line(group.name) : TerminalText.path(group.name)
            out += "\(name) (\(Self.tally(group.diagnostics))):\n"
            out += group.diagnostics.prefix(listed).map(Self.line).joined()
            if listed < group.diagnostics.count { out += MoreLine.text(group.diagnostics.count - listed, elsewhere: elsewhere) + "\n" }
        }
        if let cut = plan.firstIndex(of: 0) {
            let left = groups[cut...]
            let noun = grouping == .rule ? (left.count == 1 ? "rule" : "rules") : (left.count == 1 ? "file" : "files")
            out += MoreLine.text(left.map(\.diagnostics.count).reduce(0, +), "diagnostics of \(left.count) more \(noun)", elsewhere: elsewhere) + "\n"
        }
        return out
    }
}

/// A Markdown table, for a pull-request comment or `$GITHUB_STEP_SUMMARY`.
public struct MarkdownDiagnosticReporter: TextDocumentRenderer {
    public typealias Document = DiagnosticReport

    public init() {}

    public func text(_ report: DiagnosticReport) -> String {
        let diagnostics = report.diagnostics
        guard !diagnostics.isEmpty else { return "Evident lint: no problems found.\n" }
        var out = "| severity | where | problem | rule |\n|---|---|---|---|\n"
        for diagnostic in diagnostics {
            let location = MarkdownText.code(diagnostic.location.description, in: .tableCell)
            out += "| \(diagnostic.severity.rawValue) | \(location) | \(MarkdownText.inline(diagnostic.message)) | \(MarkdownText.code(diagnostic.ruleID, in: .tableCell)) |\n"
        }
        return out
    }
}

/// One JSON document: every diagnostic with its rule, severity and position.
public struct JSONDiagnosticReporter: TextDocumentRenderer {
    public typealias Document = DiagnosticReport

    struct Output: Encodable {
        struct Entry: Encodable {
            var rule: String
            var severity: String
            var message: String
            var file: String
            var line: Int
            var column: Int
        }
        var diagnostics: [Entry]
        var errors: Int
        var warnings: Int
    }

    public init() {}

    public func text(_ report: DiagnosticReport) throws -> String {
        let diagnostics = report.diagnostics
        let document = Output(
            diagnostics: diagnostics.map {
                .init(rule: $0.ruleID, severity: $0.severity.rawValue, message: $0.message, file: $0.location.file, line: $0.location.line, column: $0.location.column)
            },
            errors: diagnostics.filter { $0.severity == .error }.count,
            warnings: diagnostics.filter { $0.severity == .warning }.count)
        return try JSONOutput.encode(document)
    }
}

/// GitHub Actions workflow commands, which show as annotations on the pull request: the only
/// lines Evident writes that start with `::`. Each value is encoded by `WorkflowCommandText`,
/// so no file name or message can end the command early or start another.
public struct GitHubActionsDiagnosticReporter: TextDocumentRenderer {
    public typealias Document = DiagnosticReport

    public init() {}

    public func text(_ report: DiagnosticReport) -> String {
        report.diagnostics.map { diagnostic in
            let command = switch diagnostic.severity {
            case .error: "error"
            case .warning: "warning"
            case .info: "notice"
            }
            let location = diagnostic.location
            let file = WorkflowCommandText.property(location.file)
            let title = WorkflowCommandText.property(diagnostic.ruleID)
            return "::\(command) file=\(file),line=\(location.line),col=\(location.column),title=\(title)::\(WorkflowCommandText.data(diagnostic.message))\n"
        }.joined()
    }
}

/// Deterministic JSON: sorted keys, no escaped slashes, a final newline.
public enum JSONOutput {
    public static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
