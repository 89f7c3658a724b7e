import ArgumentParser
import EvidentCore
import EvidentGit
import Foundation

/// The `evident` command: SOC 2 compliance as code, proven by the git history.
public struct EvidentCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "evident",
        abstract: "Run a SOC 2 program as code; prove from the git history when each file changed.",
        discussion: "Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 bad input or usage, 3 repository problem.",
        version: EvidentVersion.current,
        subcommands: [InitCommand.self, LintCommand.self, AuditCommand.self, DiffCommand.self, PRCommand.self, VerifyCommand.self, HistoryCommand.self, CodeOwnersCommand.self, ExportCommand.self, HookCommand.self, DemoCommand.self]
    )

    public init() {}

    /// Parses the arguments, runs the command and exits with the code SPEC §10 gives.
    public static func runAndExit(_ arguments: [String]? = nil) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Foundation.exit(EXIT_SUCCESS)
        } catch let failure as CommandFailure {
            failure.report()
            Foundation.exit(failure.exitCode)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)  // --help and --version print and exit 0
            }
            if code.rawValue == ExitCode.validationFailure.rawValue {
                CommandFailure(.usage, fullMessage(for: error)).report()
                Foundation.exit(ExitStatus.usage.rawValue)
            }
            exit(withError: error)
        }
    }
}

public enum EvidentVersion {
    public static let current = "0.1.0"
}

/// The exit codes of SPEC §10.
public enum ExitStatus: Int32, Sendable {
    case clean = 0
    case findings = 1
    case usage = 2
    case repository = 3
}

/// An error a command reports to the user, with the exit code it means.
struct CommandFailure: Error {
    var status: ExitStatus
    var message: String

    init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    init(_ error: RepositoryError) { self.init(.repository, error.description) }
    init(_ error: HistoryRootError) { self.init(.usage, error.description) }
    init(_ error: InputError) { self.init(.usage, error.description) }

    /// Any error met while running a command, with the exit code its kind means.
    init(wrapping error: any Error) {
        switch error {
        case let failure as CommandFailure: self = failure
        case let error as RepositoryError: self.init(error)
        case let error as HistoryRootError: self.init(error)
        case let error as InputError: self.init(error)
        default: self.init(.usage, "\(error)")
        }
    }

    var exitCode: Int32 { status.rawValue }

    func report() {
        let text = message.hasPrefix("Error:") ? message : "evident: error: \(message)"
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
