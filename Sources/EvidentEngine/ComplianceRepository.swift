import EvidentCore
import EvidentGit
import Foundation

/// One compliance repository: the program in its files and the mainline history that proves it.
///
/// Every use case is a method of this type — `audit(_:)`, `writeRecord(of:)`, `due(_:)`, `verify()`,
/// `renewalDiff(_:)`, `review(base:head:today:)`, `lint(_:)`, `history(_:progress:)`,
/// `assessmentResults(cycle:ref:)`, `componentDefinition(ref:)`, `codeOwners(check:)`,
/// `installPreCommitHook(running:force:)` — and returns typed values. Failures are
/// `EngineError`s that carry the exit status they mean. It is not `Sendable`: it owns a libgit2
/// repository, which must stay on one thread.
public final class ComplianceRepository {
    let git: Repository

    /// Opens the repository that encloses `path`.
    public init(discoveringFrom path: String) throws(EngineError) {
        git = try mapped { try Repository(discoveringFrom: path) }
    }

    init(_ git: Repository) {
        self.git = git
    }

    /// The top of the working tree; nil in a bare repository.
    public var workingDirectory: URL? { git.workingDirectory }

    /// The working tree's top, or a usage error saying what cannot be done without one.
    func workingTree(toDo what: String) throws(EngineError) -> URL {
        guard let top = git.workingDirectory else {
            throw EngineError(.usage, "a bare repository has no working tree \(what)")
        }
        return top
    }
}

extension ComplianceRepository {
    /// Starts the git library's set-up in the background, so that it overlaps with parsing
    /// arguments and reading the program; the first repository opened waits for it.
    public static func prepare() {
        GitLibrary.prepare()
    }

    /// Waits for the writes left running in the background (the history index); call it
    /// before the process exits.
    public static func finishPendingWrites() {
        GitLibrary.finishPendingWrites()
    }
}
