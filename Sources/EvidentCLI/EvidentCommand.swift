import ArgumentParser
import EvidentCore
import EvidentEngine
import EvidentReporting
import Foundation

/// The `evident` command: SOC 2 compliance as code, proven by the git history.
public struct EvidentCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "evident",
        abstract: "Run a SOC 2 program as code; prove from the git history when each file changed.",
        discussion: "Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 bad input or usage, 3 repository problem.",
        version: EvidentVersion.current,
        subcommands: [InitCommand.self, LintCommand.self, AuditCommand.self, DueCommand.self, DiffCommand.self, PRCommand.self, VerifyCommand.self, HistoryCommand.self, CodeOwnersCommand.self, ExportCommand.self, HookCommand.self, DemoCommand.self]
    )

    public init() {}

    /// Parses the arguments, runs the command and exits with the code its outcome means.
    public static func runAndExit(_ arguments: [String]? = nil) -> Never {
        // libgit2 sets itself up while the arguments are parsed.
        ComplianceRepository.prepare()
        let outcome = Result<Void, any Error> {
            var command = try parseAsRoot(arguments)
            try command.run()
        }
        // What the command left saving in the background lands before the process ends.
        ComplianceRepository.finishPendingWrites()
        switch outcome {
        case .success:
            Foundation.exit(EXIT_SUCCESS)
        case .failure(let failure as EngineError):
            report(failure)
        case .failure(let error):
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)  // --help and --version print and exit 0
            }
            if code.rawValue == ExitCode.validationFailure.rawValue {
                reportUsage(fullMessage(for: error))
            }
            exit(withError: error)
        }
    }

    /// Writes the failure to standard error. Messages name files and quote YAML values, so each
    /// goes through `TerminalText.line(_:)`: one line, no control character, and no way to start
    /// a workflow command in the CI log.
    private static func report(_ failure: EngineError) -> Never {
        FileHandle.standardError.write(Data("evident: error: \(TerminalText.line(failure.message))\n".utf8))
        Foundation.exit(failure.status.rawValue)
    }

    /// Writes a usage error from the argument parser ("Error: …", then the usage) and exits 2.
    /// It keeps its lines, each encoded: a command's own validation may quote an argument.
    private static func reportUsage(_ message: String) -> Never {
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalText.line(String($0)) }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        Foundation.exit(ExitStatus.usage.rawValue)
    }
}

extension ExitCode {
    /// Findings at or above `--fail-on`.
    static let findings = ExitCode(ExitStatus.findings.rawValue)
}
