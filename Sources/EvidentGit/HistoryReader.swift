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
    /// Walks shorter than this many commits per worker are compared on one thread.
    var minimumCommitsPerWorker = 2048

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

        let graph = repository.commitGraph()
        let walk = try walkMainline(from: tip, stoppingAt: base?.tip, graph: graph, progress: progress)
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
        try appendChanges(of: walk.commits, after: parentTree, to: &log, roots: roots, graph: graph, progress: progress)
        log.tip = tip
        store?.save(log)
        return (log.history(reference: reference, roots: roots), outcome)
    }

    private func commitLinks(_ id: ObjectID) throws(RepositoryError) -> CommitParser.Links {
        try repository.withRawObject(id, expecting: GIT_OBJECT_COMMIT, role: "mainline commit") { raw throws(RepositoryError) in
            try CommitParser.links(of: id, in: raw)
        }
    }

    /// The first-parent chain from `tip`, oldest first, ending before `stop` if it is met.
    /// Inside the commit-graph each step is an array lookup; elsewhere the commit is read.
    private func walkMainline(
        from tip: ObjectID, stoppingAt stop: ObjectID?, graph: CommitGraph?, progress: ProgressHandler?
    ) throws(RepositoryError) -> (commits: [MainlineCommit], reachedStop: Bool) {
        var commits: [MainlineCommit] = []
        var next: ObjectID? = tip
        var graphPosition: Int?
        func report() {
            if commits.count % 8192 == 0 {
                progress?(HistoryProgress(phase: .walkingMainline, done: commits.count, total: nil))
            }
        }
        while let id = next {
            if id == stop { return (commits.reversed(), true) }
            if let graph, let position = graph.position(of: id) {
                graphPosition = position
                break
            }
            let links = try commitLinks(id)
            commits.append(MainlineCommit(id: id, tree: links.tree, graphPosition: nil))
            next = links.firstParent
            report()
        }
        if let graph, var position = graphPosition {
            let stopPosition = stop.flatMap { graph.position(of: $0) }
            while true {
                if position == stopPosition { return (commits.reversed(), true) }
                guard let commit = graph.commit(at: position) else {
                    throw .corruptObject(graph.id(at: position), detail: "its commit-graph entry is malformed; run 'git commit-graph write --reachable'")
                }
                commits.append(MainlineCommit(id: graph.id(at: position), tree: commit.tree, graphPosition: position))
                report()
                guard let parent = commit.firstParent else { break }
                position = parent
            }
        }
        return (commits.reversed(), false)
    }

    /// Diffs each commit against its first parent under the roots and appends what changed.
    /// Large walks are split into contiguous slices compared in parallel, each on its own
    /// repository handle; the results are merged back in mainline order.
    private func appendChanges(
        of commits: [MainlineCommit], after parentTree: ObjectID?, to log: inout HistoryLog,
        roots: [HistoryRoot], graph: CommitGraph?, progress: ProgressHandler?
    ) throws(RepositoryError) {
        let scan = ChangeScan(commits: commits, firstParentTree: parentTree, filter: PathFilter(roots), graph: graph, bloomKeys: graph?.bloomKeys(for: roots))
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4, commits.count / minimumCommitsPerWorker))
        let found: [ChangeScan.Found]
        if workers <= 1 {
            found = try scan.run(range: 0..<commits.count, repository: repository, progress: progress)
        } else {
            found = try scan.runInParallel(workers: workers, gitDirectory: repository.gitDirectory.path)
        }
        var pathIndex = Dictionary(uniqueKeysWithValues: log.paths.enumerated().map { ($1, $0) })
        for item in found {
            log.commits.append(item.commit)
            for change in item.changes {
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

struct MainlineCommit: Sendable {
    var id: ObjectID
    var tree: ObjectID
    var graphPosition: Int?
}

/// Compares a run of mainline commits with their first parents.
private struct ChangeScan: Sendable {
    struct Found: Sendable {
        var index: Int
        var commit: CommitInfo
        var changes: [TreeComparison.Change]
    }

    let commits: [MainlineCommit]
    let firstParentTree: ObjectID?
    let filter: PathFilter
    let graph: CommitGraph?
    let bloomKeys: [BloomFilters.Key]?

    func run(range: Range<Int>, repository: Repository, progress: HistoryReader.ProgressHandler?) throws(RepositoryError) -> [Found] {
        var comparison = TreeComparison(repository: repository, filter: filter)
        var found: [Found] = []
        for index in range {
            let commit = commits[index]
            if index % 8192 == 8191 {
                progress?(HistoryProgress(phase: .comparingTrees, done: index + 1, total: commits.count))
            }
            if let graph, let keys = bloomKeys, let position = commit.graphPosition, !graph.mayHaveChanged(at: position, keys) {
                continue
            }
            let parent = index == 0 ? firstParentTree : commits[index - 1].tree
            let changes = try comparison.changes(from: parent, to: commit.tree)
            guard !changes.isEmpty else { continue }
            let info = try repository.withRawObject(commit.id, expecting: GIT_OBJECT_COMMIT, role: "mainline commit") { raw throws(RepositoryError) in
                try CommitParser.info(of: commit.id, in: raw)
            }
            found.append(Found(index: index, commit: info, changes: changes))
        }
        return found
    }

    func runInParallel(workers: Int, gitDirectory: String) throws(RepositoryError) -> [Found] {
        let slices = (0..<workers).map { worker in
            (commits.count * worker / workers)..<(commits.count * (worker + 1) / workers)
        }
        let results = SliceResults(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            do throws(RepositoryError) {
                let repository = try Repository(discoveringFrom: gitDirectory)
                results.store(.success(try run(range: slices[worker], repository: repository, progress: nil)), at: worker)
            } catch {
                results.store(.failure(error), at: worker)
            }
        }
        var found: [Found] = []
        for result in results.values {
            found += try result!.get()
        }
        return found
    }
}

/// Per-slice results written by parallel workers, each into its own slot.
private final class SliceResults: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<[ChangeScan.Found], RepositoryError>?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func store(_ result: Result<[ChangeScan.Found], RepositoryError>, at index: Int) {
        lock.withLock { slots[index] = result }
    }

    var values: [Result<[ChangeScan.Found], RepositoryError>?] { lock.withLock { slots } }
}
