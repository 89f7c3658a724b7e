import CLibGit2
import Foundation

/// How far the walk has got, for a progress display.
public struct HistoryProgress: Sendable {
    /// Mainline commits read so far.
    public var commits: Int
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
///
/// One pass over the first-parent chain, newest first: the order git walks, and the order in
/// which packs store delta bases, so a tree's base is read (and cached) before the tree.
/// Long walks are pipelined: this thread reads commits while a second thread, with its own
/// repository handle and pack reader, compares each commit's tree with its parent's.
public struct HistoryReader {
    public typealias ProgressHandler = (HistoryProgress) -> Void

    private let repository: Repository
    private let useIndex: Bool
    /// Walks of at least this many commits compare trees on a second thread.
    var pipelineThreshold = 4096
    /// Commits per unit of work handed to a comparing thread.
    var pipelineChunkSize = 1024

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
        if let base, base.tip == tip {
            return (base.history(reference: reference, roots: roots), .extended(newCommits: 0))
        }

        let graph = repository.commitGraph()
        let filter = PathFilter(roots)
        let keys = graph?.bloomKeys(for: roots)
        let scan = try scan(from: tip, stoppingAt: base?.tip, graph: graph, progress: progress) {
            ChangeScanner(filter: filter, graph: graph, bloomKeys: keys)
        }
        var log: HistoryLog
        if let base, scan.reachedStop {
            log = base
            outcome = .extended(newCommits: scan.commitCount)
        } else {
            if let base { outcome = .rebuiltAfterRewrite(previousTip: base.tip) }
            log = HistoryLog(tip: tip, commitCount: 0)
        }
        log.append(scan.found, commitCount: scan.commitCount)
        log.tip = tip
        store?.saveInBackground(log)
        return (log.history(reference: reference, roots: roots), outcome)
    }

    /// Reads the history of `roots` on the first-parent chain of `commit`, as `read(revision:)`
    /// on that commit would, but from the index of `mainline` when `commit` is on its
    /// first-parent chain: the index is extended to the tip once, and the commits after `commit`
    /// are dropped after a walk that compares no trees. Elsewhere, a full walk from `commit`.
    public func read(
        at commit: ObjectID, onMainline mainline: String, roots: [HistoryRoot]
    ) throws(RepositoryError) -> MainlineHistory {
        let revision = commit.description
        guard useIndex else { return try read(revision: revision, roots: roots).history }
        let (tipHistory, _) = try read(revision: mainline, roots: roots)
        var newer: Set<ObjectID> = []
        var onChain = false
        try walkMainline(from: tipHistory.head, stoppingAt: commit, graph: repository.commitGraph()) { later in
            newer.insert(later.id)
        } reachedStop: {
            onChain = true
        }
        guard onChain || tipHistory.head == commit else {
            return try HistoryReader(repository: repository, useIndex: false).read(revision: revision, roots: roots).history
        }
        return tipHistory.truncated(at: commit, dropping: newer, reference: revision)
    }

    private struct Scan {
        var commitCount: Int
        var reachedStop: Bool
        /// Oldest first.
        var found: [ChangeScanner.Found]
    }

    /// Walks the first-parent chain from `tip` (newest first) until `stop` or the root commit,
    /// and compares each commit with its parent: here for short walks, else in the pipeline.
    private func scan(
        from tip: ObjectID, stoppingAt stop: ObjectID?, graph: CommitGraph?, progress: ProgressHandler?,
        makeScanner: @escaping @Sendable () -> ChangeScanner
    ) throws(RepositoryError) -> Scan {
        var count = 0
        var reachedStop = false
        var batch: [MainlineCommit] = []
        var pipeline: ComparisonPipeline?
        let found: [ChangeScanner.Found]
        do throws(RepositoryError) {
            try walkMainline(from: tip, stoppingAt: stop, graph: graph) { commit throws(RepositoryError) in
                batch.append(commit)
                count += 1
                if count % 8192 == 0 {
                    progress?(HistoryProgress(commits: count))
                }
                if pipeline == nil && count >= pipelineThreshold {
                    pipeline = ComparisonPipeline(gitDirectory: repository.gitDirectory.path, chunkSize: pipelineChunkSize, makeScanner: makeScanner)
                }
                if let pipeline, batch.count >= pipelineChunkSize {
                    try pipeline.send(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            } reachedStop: {
                reachedStop = true
            }
            let finalParent = reachedStop ? try stop.map { id throws(RepositoryError) in try commitLinks(id).tree } : nil
            if let pipeline {
                try pipeline.send(batch)
                found = try pipeline.finish(finalParent: finalParent, repository: repository)
            } else {
                found = try makeScanner().scan(batch, parentOfLast: finalParent, repository: repository)
            }
        } catch {
            // No worker thread may outlive a failed walk.
            pipeline?.cancel()
            throw error
        }
        return Scan(commitCount: count, reachedStop: reachedStop, found: found.reversed())
    }

    private func commitLinks(_ id: ObjectID) throws(RepositoryError) -> CommitParser.Links {
        try repository.withRawObject(id, expecting: GIT_OBJECT_COMMIT, role: "mainline commit", prefix: CommitParser.linksLength) { raw throws(RepositoryError) in
            try CommitParser.links(of: id, in: raw)
        }
    }

    /// The first-parent chain from `tip`, newest first, ending before `stop` if it is met.
    /// Inside the commit-graph each step is an array lookup; elsewhere the commit is read.
    private func walkMainline(
        from tip: ObjectID, stoppingAt stop: ObjectID?, graph: CommitGraph?,
        each: (MainlineCommit) throws(RepositoryError) -> Void, reachedStop: () -> Void
    ) throws(RepositoryError) {
        var next: ObjectID? = tip
        var graphPosition: Int?
        while let id = next {
            if id == stop { return reachedStop() }
            if let graph, let position = graph.position(of: id) {
                graphPosition = position
                break
            }
            let links = try commitLinks(id)
            try each(MainlineCommit(id: id, tree: links.tree, graphPosition: nil))
            next = links.firstParent
        }
        guard let graph, var position = graphPosition else { return }
        let stopPosition = stop.flatMap { graph.position(of: $0) }
        while true {
            if position == stopPosition { return reachedStop() }
            guard let commit = graph.commit(at: position) else {
                throw .corruptObject(graph.id(at: position), detail: "its commit-graph entry is malformed; run 'git commit-graph write --reachable'")
            }
            try each(MainlineCommit(id: graph.id(at: position), tree: commit.tree, graphPosition: position))
            guard let parent = commit.firstParent else { return }
            position = parent
        }
    }
}

struct MainlineCommit: Sendable {
    var id: ObjectID
    var tree: ObjectID
    var graphPosition: Int?
}

extension HistoryLog {
    /// Appends what a scan found (oldest first) after the commits already logged.
    mutating func append(_ found: [ChangeScanner.Found], commitCount added: Int) {
        commitCount += added
        guard !found.isEmpty else { return }
        var pathIndex = Dictionary(uniqueKeysWithValues: paths.enumerated().map { ($1, $0) })
        for item in found {
            commits.append(item.commit)
            for change in item.changes {
                let path = GitPath(bytes: change.path)
                let index: Int
                if let known = pathIndex[path] {
                    index = known
                } else {
                    index = paths.count
                    paths.append(path)
                    pathIndex[path] = index
                }
                changes.append(HistoryLog.Change(path: index, commit: commits.count - 1, status: change.status))
            }
        }
    }
}

/// Compares mainline commits with their first parents, newest first. Used by one thread at a time.
final class ChangeScanner {
    struct Found {
        var commit: CommitInfo
        var changes: [TreeComparison.Change]
    }

    private let filter: PathFilter
    private let graph: CommitGraph?
    private let bloomKeys: [BloomFilters.Key]?
    private var comparison: TreeComparison?

    init(filter: PathFilter, graph: CommitGraph?, bloomKeys: [BloomFilters.Key]?) {
        self.filter = filter
        self.graph = graph
        self.bloomKeys = bloomKeys
    }

    /// Compares a run of consecutive commits (newest first); the last one's parent tree is given.
    func scan(_ commits: [MainlineCommit], parentOfLast: ObjectID?, repository: Repository) throws(RepositoryError) -> [Found] {
        var found: [Found] = []
        for (position, commit) in commits.enumerated() {
            let parent = position + 1 < commits.count ? commits[position + 1].tree : parentOfLast
            if let item = try compare(commit, parentTree: parent, repository: repository) { found.append(item) }
        }
        return found
    }

    private func compare(_ commit: MainlineCommit, parentTree: ObjectID?, repository: Repository) throws(RepositoryError) -> Found? {
        if let graph, let keys = bloomKeys, let position = commit.graphPosition, !graph.mayHaveChanged(at: position, keys) {
            return nil
        }
        if comparison == nil { comparison = TreeComparison(repository: repository, filter: filter) }
        let changes = try comparison!.changes(from: parentTree, to: commit.tree)
        guard !changes.isEmpty else { return nil }
        let info = try repository.withRawObject(commit.id, expecting: GIT_OBJECT_COMMIT, role: "mainline commit") { raw throws(RepositoryError) in
            try CommitParser.info(of: commit.id, in: raw)
        }
        return Found(commit: info, changes: changes)
    }
}

/// Compares walked commits with their parents on worker threads. The walk (newest first) is
/// cut into chunks; a chunk carries the tree of the commit after its last one, so chunks are
/// independent. One worker starts with the walk; the walking thread joins in when the walk is
/// done (with a commit-graph, at once), each with its own repository handle and pack reader.
final class ComparisonPipeline: @unchecked Sendable {
    private struct Chunk {
        var index: Int
        var commits: [MainlineCommit]
        var parentOfLast: ObjectID?
    }

    private let chunkSize: Int
    private let makeScanner: @Sendable () -> ChangeScanner
    private let gitDirectory: String
    private let condition = NSCondition()
    private var pending: [MainlineCommit] = []
    private var chunks: [Chunk] = []
    private var chunkCount = 0
    private var closed = false
    private var cancelled = false
    private var results: [Int: [ChangeScanner.Found]] = [:]
    private var failure: RepositoryError?
    private var workersRunning = 0

    init(gitDirectory: String, chunkSize: Int, makeScanner: @escaping @Sendable () -> ChangeScanner) {
        self.chunkSize = chunkSize
        self.makeScanner = makeScanner
        self.gitDirectory = gitDirectory
        workersRunning = 1
        let thread = Thread { [self] in work(repository: nil) }
        thread.stackSize = 4 << 20
        thread.start()
    }

    func send(_ commits: [MainlineCommit]) throws(RepositoryError) {
        condition.lock()
        defer { condition.unlock() }
        if let failure { throw failure }
        pending += commits
        while pending.count > chunkSize {
            let parent = pending[chunkSize].tree
            chunks.append(Chunk(index: chunkCount, commits: Array(pending[..<chunkSize]), parentOfLast: parent))
            chunkCount += 1
            pending.removeFirst(chunkSize)
        }
        condition.signal()
    }

    /// Ends the walk (the oldest commit's parent tree is `finalParent`), helps with the
    /// remaining chunks on this thread, and returns what was found, newest first.
    func finish(finalParent: ObjectID?, repository: Repository) throws(RepositoryError) -> [ChangeScanner.Found] {
        condition.lock()
        if !pending.isEmpty {
            chunks.append(Chunk(index: chunkCount, commits: pending, parentOfLast: finalParent))
            chunkCount += 1
            pending = []
        }
        closed = true
        workersRunning += 1
        condition.broadcast()
        condition.unlock()
        work(repository: repository)
        condition.lock()
        while workersRunning > 0 { condition.wait() }
        let failure = self.failure
        condition.unlock()
        if let failure { throw failure }
        return (0..<chunkCount).flatMap { results[$0] ?? [] }
    }

    func cancel() {
        condition.lock()
        cancelled = true
        closed = true
        condition.broadcast()
        while workersRunning > 0 { condition.wait() }
        condition.unlock()
    }

    /// Takes chunks until none are left; `repository` nil opens a handle for this thread.
    private func work(repository given: Repository?) {
        var repository = given
        let scanner = makeScanner()
        do throws(RepositoryError) {
            while true {
                condition.lock()
                while chunks.isEmpty && !closed && !cancelled { condition.wait() }
                if cancelled || failure != nil || chunks.isEmpty {
                    condition.unlock()
                    break
                }
                let chunk = chunks.removeFirst()
                condition.unlock()
                if repository == nil { repository = try Repository(discoveringFrom: gitDirectory) }
                let found = try scanner.scan(chunk.commits, parentOfLast: chunk.parentOfLast, repository: repository!)
                condition.lock()
                results[chunk.index] = found
                condition.unlock()
            }
        } catch {
            condition.lock()
            if failure == nil { failure = error }
            condition.broadcast()
            condition.unlock()
        }
        condition.lock()
        workersRunning -= 1
        condition.broadcast()
        condition.unlock()
    }
}
