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
public struct TextDiagnosticReporter: TextDocumentRenderer {
    public typealias Document = DiagnosticReport

    public init() {}

    public func text(_ report: DiagnosticReport) -> String {
        let diagnostics = report.diagnostics
        var out = diagnostics.map { diagnostic in
            let location = diagnostic.location
            return "\(TerminalText.path(location.file)):\(location.line):\(location.column): \(diagnostic.severity.rawValue): "
                + "\(TerminalText.line(diagnostic.message)) [\(TerminalText.line(diagnostic.ruleID))]\n"
        }.joined()
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        out += diagnostics.isEmpty ? "no problems found\n" : "\(errors) \(errors == 1 ? "error" : "errors"), \(warnings) \(warnings == 1 ? "warning" : "warnings")\n"
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
