import EvidentCore
import EvidentGit
import Foundation

/// What the mainline history proves about each policy file: when it landed and which
/// approvals landed with it (read through the persisted history index).
enum PolicyHistory {
    static func proofs(repository: Repository, revision: String, layout: ProgramLayout, people: [String: Person]) throws(RepositoryError) -> [String: PolicyProof] {
        // The same roots as `history` and `audit`, so every command extends one persisted index.
        let roots = layout.complianceFolders.compactMap { try? HistoryRoot($0) }
        let history = try HistoryReader(repository: repository).read(revision: revision, roots: roots).history
        return try revisions(in: history, under: layout.policies, repository: repository).mapValues { ApprovalProof.proof(of: $0, people: people) }
    }

    /// Each policy file's revisions as they landed, read from a history that covers the policies folder.
    static func revisions(in history: MainlineHistory, under folder: String, repository: Repository) throws(RepositoryError) -> [String: [PolicyRevision]] {
        var result: [String: [PolicyRevision]] = [:]
        for file in history.files where file.path.description.hasPrefix(folder + "/") && file.path.description.hasSuffix(".md") {
            let path = file.path.description
            var revisions: [PolicyRevision] = []
            for event in file.events {
                let text = event.status == .deleted ? nil : try repository.contents(of: path, at: event.commit.id).map { String(decoding: $0, as: UTF8.self) }
                revisions.append(PolicyRevision(
                    commit: event.commit.id.description, day: Day(epochSeconds: event.commit.committer.time),
                    authorName: event.commit.author.name, authorEmail: event.commit.author.email,
                    approvedBy: event.commit.trailers.filter { $0.key.lowercased() == "approved-by" }.map(\.value), text: text))
            }
            result[path] = revisions
        }
        return result
    }
}
