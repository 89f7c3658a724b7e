import EvidentCore
import EvidentGit

/// The exit codes every command keeps: 0 nothing at or above `--fail-on`, 1 findings, 2 bad
/// input or usage, 3 a repository problem.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    case clean = 0
    case findings = 1
    case usage = 2
    case repository = 3
}

/// A failure a use case reports to the user: what went wrong, in words, and the exit status it means.
public struct EngineError: Error, Sendable, CustomStringConvertible {
    public var status: ExitStatus
    public var message: String

    public init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    public var description: String { message }

    /// The one place where the errors of the layers below meet the exit-code contract: a
    /// repository or git problem is 3, bad input (a file, a path, a value) is 2.
    init(_ error: any Error) {
        switch error {
        case let error as EngineError: self = error
        case let error as RepositoryError: self.init(.repository, error.description)
        case let error as HistoryRootError: self.init(.usage, error.description)
        case let error as InputError: self.init(.usage, error.description)
        case let error as WorkingTreeError: self.init(error.status, error.description)
        default: self.init(.usage, "\(error)")
        }
    }
}

/// Runs `body`, turning any error it throws into an `EngineError`.
func mapped<T>(_ body: () throws -> T) throws(EngineError) -> T {
    do {
        return try body()
    } catch {
        throw EngineError(error)
    }
}
