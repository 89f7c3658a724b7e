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

/// The program's layout from `evident.yaml`: from the working tree, or from the git index
/// when `staged` (defaults when absent, or in a bare repository).
func programLayout(of repository: Repository, staged: Bool = false) throws(CommandFailure) -> ProgramLayout {
    do {
        if staged {
            guard let file = try repository.indexFiles(under: ProgramLayout.fileName).first else { return ProgramLayout() }
            return try ProgramLayout.parse(String(decoding: try repository.blob(file.id), as: UTF8.self))
        }
        guard let workingDirectory = repository.workingDirectory else { return ProgramLayout() }
        return try ProgramLayout.load(from: workingDirectory.appendingPathComponent(ProgramLayout.fileName))
    } catch {
        throw CommandFailure(wrapping: error)
    }
}

/// The revision to read: `--ref`, else the configured mainline (local, then `origin/`), else HEAD.
/// A configured mainline that does not exist is a configuration error that says how to fix it.
func mainlineRevision(explicit: String?, layout: ProgramLayout, repository: Repository) throws(CommandFailure) -> String {
    if let explicit { return explicit }
    guard let mainline = layout.mainline else { return "HEAD" }
    for candidate in [mainline, "refs/remotes/origin/\(mainline)"] where (try? repository.resolveCommit(candidate)) != nil {
        return candidate
    }
    guard repository.headCommit() != nil else { return mainline }
    let head = repository.headReferenceName.map { " (HEAD is on '\($0.replacingOccurrences(of: "refs/heads/", with: ""))')" } ?? ""
    throw CommandFailure(.usage, "evident.yaml sets 'mainline: \(mainline)', but the repository has no branch '\(mainline)' or 'origin/\(mainline)'; set mainline to the branch whose history is the record\(head), or pass --ref")
}
