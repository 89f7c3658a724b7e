import EvidentCore
import EvidentGit
import Foundation

extension ComplianceRepository {
    /// What a change does to the program: the program at the merge base of `base` and `head`
    /// against the program at `head`, the lint of the change, and the owners who must approve it.
    /// A shallow clone is refused: its merge base, and what the change did, cannot be trusted.
    public func review(base: String, head: String, today: Day) throws(EngineError) -> ChangeReview {
        try mapped {
            try git.requireCompleteHistory()
            let baseCommit = try git.resolveCommit(base).commit
            let headCommit = try git.resolveCommit(head).commit
            try requireProgram(at: headCommit, revision: head)
            guard let mergeBase = try git.mergeBase(baseCommit, headCommit) else {
                throw EngineError(.repository, "\(base) and \(head) share no history; is --base the branch this change was made from?")
            }
            let before = try program(at: mergeBase)
            let after = try program(at: headCommit)
            let changes = try changes(from: mergeBase, to: headCommit, roots: [before.configuration.layout.root, after.configuration.layout.root])
            let changed = Set(changes.map(\.path))
            // Each changed (or moved) policy as it was at the merge base, matched by id.
            let basePolicies = Dictionary(before.policies.map { ($0.id.value, $0) }) { first, _ in first }
            var previous: [String: Policy] = [:]
            for policy in after.policies {
                guard let old = basePolicies[policy.id.value], changed.contains(policy.file) || old.file != policy.file else { continue }
                previous[policy.file] = old
            }
            let linter = Linter()
            // What was already wrong before the change is not the change's to fix.
            let known = Set(linter.run(LintContext(program: before, today: today)).map(DiagnosticKey.init))
            let diagnostics = linter.run(LintContext(program: after, stagedChanges: changes, previousPolicies: previous, today: today)).filter {
                changed.contains($0.location.file) || !known.contains(DiagnosticKey($0))
            }
            return ChangeReview.make(base: before, head: after, changes: changes, diagnostics: diagnostics,
                                     baseRevision: base, headRevision: head, mergeBase: mergeBase.description)
        }
    }

    /// The paths under the program roots (plus evident.yaml and CODEOWNERS) that differ between two commits.
    private func changes(from old: ObjectID, to new: ObjectID, roots: [String]) throws(RepositoryError) -> [StagedChange] {
        func files(_ commit: ObjectID) throws(RepositoryError) -> [GitPath: GitFile] {
            var files: [GitPath: GitFile] = [:]
            for root in Set(roots) {
                for file in try GitFilesSource(repository: git, commit: commit, root: root).files.values { files[file.path] = file }
            }
            return files
        }
        return GitFilesSource.changes(from: try files(old), to: try files(new))
    }
}

/// A diagnostic wherever it is: the same rule saying the same thing.
private struct DiagnosticKey: Hashable {
    var ruleID: String
    var message: String

    init(_ diagnostic: Diagnostic) {
        ruleID = diagnostic.ruleID
        message = diagnostic.message
    }
}
