import EvidentCore
import EvidentGit
import Foundation

/// A repository without `evident.yaml` holds no program yet. Every command that reads one says
/// so in one usage error, with the way to start one, instead of reporting each rule an empty
/// program breaks.
extension ComplianceRepository {
    /// What to do about a missing evident.yaml when there is no program anywhere.
    static let startAProgram = "run `evident init` to scaffold a program"

    /// A usage error unless the working tree at `top` has evident.yaml.
    func requireProgram(inWorkingTree top: URL) throws(EngineError) {
        guard !hasProgramFile(in: top) else { return }
        throw EngineError(.usage, "there is no \(ProgramLayout.fileName) at the top of this repository, so it holds no Evident program yet; \(Self.startAProgram)")
    }

    /// A usage error unless the git index has evident.yaml.
    func requireProgramStaged() throws(EngineError) {
        guard try mapped({ try git.indexFiles(under: ProgramLayout.fileName) }).isEmpty else { return }
        if let top = git.workingDirectory, hasProgramFile(in: top) {
            throw EngineError(.usage, "\(ProgramLayout.fileName) is not staged: `git add \(ProgramLayout.fileName)` (the staged program is what the next commit will contain)")
        }
        throw EngineError(.usage, "there is no \(ProgramLayout.fileName) in the git index, so no Evident program is staged; \(Self.startAProgram) and stage it")
    }

    /// A usage error unless `commit` (which `revision` names) has an entry named evident.yaml
    /// (of any kind: whether it may be a link is the program's problem to report).
    func requireProgram(at commit: ObjectID, revision: String) throws(EngineError) {
        guard try mapped({ try git.files(under: ProgramLayout.fileName, at: commit) }).isEmpty else { return }
        let place = "\(revision) (commit \(commit.abbreviated()))"
        if let top = git.workingDirectory, hasProgramFile(in: top) {
            throw EngineError(.usage, "\(ProgramLayout.fileName) is not committed on \(place) yet: commit the program, then run this again")
        }
        throw EngineError(.usage, "there is no \(ProgramLayout.fileName) on \(place), so it holds no Evident program; \(Self.startAProgram) and commit it")
    }

    /// Whether the working tree has an entry named evident.yaml at its top (a link is not
    /// followed: whether it may be one is the program's problem to report, not this check's).
    private func hasProgramFile(in top: URL) -> Bool {
        var info = stat()
        return lstat(top.appendingPathComponent(ProgramLayout.fileName).path, &info) == 0
    }
}
