import EvidentCore
import EvidentGit
import Foundation

/// Each policy file's revisions as the mainline history has them, which `PolicyStanding`
/// judges for `lint` and `audit` alike (read through the persisted history index).
enum PolicyHistory {
    static func revisions(repository: Repository, revision: String, configuration: ProgramConfiguration,
                          signatures: SignatureCache?) throws(RepositoryError) -> [String: [PolicyRevision]] {
        let layout = configuration.layout
        // The same roots as `history` and `audit`, so every command extends one persisted index.
        let roots = layout.complianceFolders.compactMap { try? HistoryRoot($0) }
        let history = try HistoryReader(repository: repository).read(revision: revision, roots: roots).history
        return try revisions(in: history, under: layout.policies, repository: repository, signatures: signatures)
    }

    /// Each policy file's revisions as they landed, read from a history that covers the policies
    /// folder: who authored and committed each, its trailers, and for a merge the side-branch
    /// commits that changed the file. With `signatures`, whom each commit's signature verifies for.
    static func revisions(in history: MainlineHistory, under folder: String, repository: Repository,
                          signatures: SignatureCache?) throws(RepositoryError) -> [String: [PolicyRevision]] {
        var result: [String: [PolicyRevision]] = [:]
        for file in history.files where file.path.description.hasPrefix(folder + "/") && file.path.description.hasSuffix(".md") {
            let path = file.path.description
            var revisions: [PolicyRevision] = []
            for event in file.events {
                let commit = event.commit
                let text = event.status == .deleted ? nil : try repository.contents(of: path, at: commit.id).map { String(decoding: $0, as: UTF8.self) }
                var sideCommits: [PolicySideCommit] = []
                for (side, contents) in try repository.sideBranchChanges(of: commit.id, path: path) {
                    sideCommits.append(PolicySideCommit(commit: side.id.description, authorName: side.author.name, authorEmail: side.author.email,
                                                        text: contents.map { String(decoding: $0, as: UTF8.self) },
                                                        signers: try signatures?.signers(of: side.id)))
                }
                revisions.append(PolicyRevision(
                    commit: commit.id.description, day: Day(epochSeconds: commit.committer.time),
                    authorName: commit.author.name, authorEmail: commit.author.email,
                    committerName: commit.committer.name, committerEmail: commit.committer.email,
                    approvedBy: commit.trailers.filter { $0.key.lowercased() == "approved-by" }.map(\.value), text: text,
                    sideCommits: sideCommits, signers: try signatures?.signers(of: commit.id)))
            }
            result[path] = revisions
        }
        return result
    }
}

/// Whom each commit's signature verifies for, each commit verified once.
final class SignatureCache {
    private let repository: Repository
    private let verifier: SignatureVerifier
    private var known: [ObjectID: Set<String>] = [:]

    init(repository: Repository, allowedSigners: Data?) {
        self.repository = repository
        verifier = SignatureVerifier(allowedSigners: allowedSigners)
    }

    /// With signing required, the cache for a program: its allowed-signers file as committed at `commit`.
    static func required(by configuration: ProgramConfiguration, in repository: Repository, at commit: ObjectID) throws(RepositoryError) -> SignatureCache? {
        guard configuration.requireSigned else { return nil }
        let allowed = try configuration.allowedSigners.flatMap { path throws(RepositoryError) in try repository.contents(of: path, at: commit) }
        return SignatureCache(repository: repository, allowedSigners: allowed)
    }

    func signers(of commit: ObjectID) throws(RepositoryError) -> Set<String> {
        if let cached = known[commit] { return cached }
        let found = try verifier.signers(of: commit, in: repository, scratch: scratchFolder)
        known[commit] = found
        return found
    }

    /// Where the tools read what they check: one staging folder in `<git dir>/evident/tmp`,
    /// made on the first signed commit and removed with the cache (a killed process leaves it
    /// to the next sweep). Never the system's temporary folder: nothing Evident writes leaves
    /// the repository.
    private var scratch: StagingFolder?

    private func scratchFolder() throws(RepositoryError) -> String {
        if let scratch { return scratch.path }
        let evident = repository.gitDirectory.appendingPathComponent("evident").path
        let area = evident + "/tmp"
        StagingFolder.sweep(area, prefix: Self.scratchPrefix)
        do {
            try FileSystem.makeFolder(evident)
            let folder = try StagingFolder(in: area, prefix: Self.scratchPrefix)
            scratch = folder
            return folder.path
        } catch {
            throw .scratchUnavailable(path: area, reason: error.reason)
        }
    }

    static let scratchPrefix = "verify"

    deinit {
        scratch?.remove()
    }
}
