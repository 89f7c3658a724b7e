import CLibGit2
import Foundation

/// How far the walk has got, for a progress display.
public struct HistoryProgress: Sendable {
    public enum Phase: Sendable { case walkingMainline, comparingTrees }
    public var phase: Phase
    public var done: Int
    public var total: Int?
}

/// What the reader did with its persisted index, so a command can tell the user.
public enum HistoryIndexOutcome: Sendable, Equatable {
    /// No index was consulted (disabled).
    case notUsed
    /// There was no usable index; it was built now (and saved if the git dir is writable).
    case built
    /// The index was extended by this many mainline commits.
    case extended(newCommits: Int)
    /// The indexed tip is no longer on the mainline: history was rewritten, so it was rebuilt.
    case rebuiltAfterRewrite(previousTip: ObjectID)
    /// The index file was damaged, truncated or from another version, so it was rebuilt.
    case rebuiltUnreadable
}

/// Reads `MainlineHistory` from a repository, incrementally when a persisted index exists.
public struct HistoryReader {
    public typealias ProgressHandler = (HistoryProgress) -> Void

    private let repository: Repository
    private let useIndex: Bool

    public init(repository: Repository, useIndex: Bool = true) {
        self.repository = repository
        self.useIndex = useIndex
    }

    /// Reads the history of `roots` on the first-parent chain of `revision`.
    public func read(
        revision: String,
        roots: [HistoryRoot],
        progress: ProgressHandler? = nil
    ) throws(RepositoryError) -> (history: MainlineHistory, index: HistoryIndexOutcome) {
        try repository.requireCompleteHistory()
        let (tip, referenceName) = try repository.resolveCommit(revision)
        let reference = referenceName ?? revision
        let store = useIndex ? HistoryIndexStore(gitDirectory: repository.gitDirectory, reference: reference, roots: roots) : nil

        var outcome: HistoryIndexOutcome = useIndex ? .built : .notUsed
        var base: HistoryLog?
        switch store?.load() {
        case .some(.loaded(let log)): base = log
        case .some(.unreadable): outcome = .rebuiltUnreadable
        case .some(.absent), nil: break
        }

        let walk = try walkMainline(from: tip, stoppingAt: base?.tip, progress: progress)
        var log: HistoryLog
        if let base, walk.reachedStop {
            if walk.commits.isEmpty { return (base.history(reference: reference, roots: roots), .extended(newCommits: 0)) }
            log = base
            outcome = .extended(newCommits: walk.commits.count)
        } else {
            if let base { outcome = .rebuiltAfterRewrite(previousTip: base.tip) }
            log = HistoryLog(tip: tip, commitCount: 0)
        }
        let parentTree = try walk.reachedStop ? base.map { log throws(RepositoryError) in try commitLinks(log.tip).tree } : nil
        try appendChanges(of: walk.commits, after: parentTree, to: &log, roots: roots, progress: progress)
        log.tip = tip
        store?.save(log)
        return (log.history(reference: reference, roots: roots), outcome)
    }

    private struct MainlineCommit {
        var id: ObjectID
        var tree: ObjectID
    }

    /// The first-parent chain from `tip`, oldest first, ending before `stop` if it is met.
    private func walkMainline(from tip: ObjectID, stoppingAt stop: ObjectID?, progress: ProgressHandler?) throws(RepositoryError) -> (commits: [MainlineCommit], reachedStop: Bool) {
        var commits: [MainlineCommit] = []
        var next: ObjectID? = tip
        while let id = next {
            if id == stop {
                return (commits.reversed(), true)
            }
            let links = try commitLinks(id)
            commits.append(MainlineCommit(id: id, tree: links.tree))
            next = links.firstParent
            if commits.count % 4096 == 0 {
                progress?(HistoryProgress(phase: .walkingMainline, done: commits.count, total: nil))
            }
        }
        return (commits.reversed(), false)
    }

    private func commitLinks(_ id: ObjectID) throws(RepositoryError) -> CommitParser.Links {
        try repository.withRawObject(id, expecting: GIT_OBJECT_COMMIT, role: "mainline commit") { raw throws(RepositoryError) in
            try CommitParser.links(of: id, in: raw)
        }
    }

    private func commitInfo(_ id: ObjectID) throws(RepositoryError) -> CommitInfo {
        try repository.withRawObject(id, expecting: GIT_OBJECT_COMMIT, role: "mainline commit") { raw throws(RepositoryError) in
            try CommitParser.info(of: id, in: raw)
        }
    }

    /// Diffs each commit against its first parent under the roots and appends what changed.
    private func appendChanges(
        of commits: [MainlineCommit], after parentTree: ObjectID?, to log: inout HistoryLog,
        roots: [HistoryRoot], progress: ProgressHandler?
    ) throws(RepositoryError) {
        var comparison = TreeComparison(repository: repository, filter: PathFilter(roots))
        var pathIndex = Dictionary(uniqueKeysWithValues: log.paths.enumerated().map { ($1, $0) })
        var parent = parentTree
        for (position, commit) in commits.enumerated() {
            let changes = try comparison.changes(from: parent, to: commit.tree)
            parent = commit.tree
            if position % 4096 == 4095 {
                progress?(HistoryProgress(phase: .comparingTrees, done: position + 1, total: commits.count))
            }
            guard !changes.isEmpty else { continue }
            log.commits.append(try commitInfo(commit.id))
            for change in changes {
                let path = GitPath(bytes: change.path)
                let index: Int
                if let known = pathIndex[path] {
                    index = known
                } else {
                    index = log.paths.count
                    log.paths.append(path)
                    pathIndex[path] = index
                }
                log.changes.append(HistoryLog.Change(path: index, commit: log.commits.count - 1, status: change.status))
            }
        }
        log.commitCount += commits.count
    }
}
