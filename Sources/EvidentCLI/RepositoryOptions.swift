import ArgumentParser
import EvidentCore
import EvidentGit
import Foundation

/// `--repo`, which every command takes.
struct RepositoryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The repository to read (default: the one enclosing the current folder).", valueName: "dir"))
    var repo: String = "."

    func open() throws(CommandFailure) -> Repository {
        do {
            return try Repository(discoveringFrom: repo)
        } catch {
            throw CommandFailure(error)
        }
    }
}

/// The program's `evident.yaml`, read from the working tree (defaults when absent or bare).
func programLayout(of repository: Repository) throws(CommandFailure) -> ProgramLayout {
    guard let workingDirectory = repository.workingDirectory else { return ProgramLayout() }
    do {
        return try ProgramLayout.load(from: workingDirectory.appendingPathComponent(ProgramLayout.fileName))
    } catch {
        throw CommandFailure(error)
    }
}

/// The revision to read: `--ref`, else the configured mainline (local, then `origin/`), else HEAD.
func mainlineRevision(explicit: String?, layout: ProgramLayout, repository: Repository) -> String {
    if let explicit { return explicit }
    guard let mainline = layout.mainline else { return "HEAD" }
    for candidate in [mainline, "refs/remotes/origin/\(mainline)"] where (try? repository.resolveCommit(candidate)) != nil {
        return candidate
    }
    return mainline
}
