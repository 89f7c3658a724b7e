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
        let scanner = ChangeScanner(filter: PathFilter(roots), graph: graph, bloomKeys: graph?.bloomKeys(for: roots))
        let scan = try scan(from: tip, stoppingAt: base?.tip, graph: graph, scanner: scanner, progress: progress)
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
        store?.save(log)
        return (log.history(reference: reference, roots: roots), outcome)
    }

    private struct Scan {
        var commitCount: Int
        var reachedStop: Bool
        /// Oldest first.
        var found: [ChangeScanner.Found]
    }

    /// Walks the first-parent chain from `tip` (newest first) until `stop` or the root commit,
    /// handing each commit and its parent's tree to the scanner.
    private func scan(
        from tip: ObjectID, stoppingAt stop: ObjectID?, graph: CommitGraph?, scanner: ChangeScanner, progress: ProgressHandler?
    ) throws(RepositoryError) -> Scan {
        var count = 0
        var reachedStop = false
        var batch: [MainlineCommit] = []
        var pipeline: ComparisonPipeline?
        do throws(RepositoryError) {
            try walkMainline(from: tip, stoppingAt: stop, graph: graph) { commit throws(RepositoryError) in
                batch.append(commit)
                count += 1
                if count % 8192 == 0 {
                    progress?(HistoryProgress(phase: .walkingMainline, done: count, total: nil))
                }
                if pipeline == nil && count >= pipelineThreshold {
                    pipeline = ComparisonPipeline(scanner: scanner, gitDirectory: repository.gitDirectory.path)
                }
                if let pipeline, batch.count >= 1024 {
                    try pipeline.send(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            } reachedStop: {
                reachedStop = true
            }
        } catch {
            pipeline?.cancel()
            throw error
        }
        let finalParent = reachedStop ? try stop.map { id throws(RepositoryError) in try commitLinks(id).tree } : nil
        let found: [ChangeScanner.Found]
        if let pipeline {
            try pipeline.send(batch)
            found = try pipeline.finish(finalParent: finalParent)
        } else {
            var previous: MainlineCommit?
            for commit in batch {
                if let previous { try scanner.compare(previous, parentTree: commit.tree, repository: repository) }
                previous = commit
            }
            if let previous { try scanner.compare(previous, parentTree: finalParent, repository: repository) }
            found = scanner.found
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
final class ChangeScanner: @unchecked Sendable {
    struct Found {
        var commit: CommitInfo
        var changes: [TreeComparison.Change]
    }

    private let filter: PathFilter
    private let graph: CommitGraph?
    private let bloomKeys: [BloomFilters.Key]?
    private var comparison: TreeComparison?
    private(set) var found: [Found] = []

    init(filter: PathFilter, graph: CommitGraph?, bloomKeys: [BloomFilters.Key]?) {
        self.filter = filter
        self.graph = graph
        self.bloomKeys = bloomKeys
    }

    func compare(_ commit: MainlineCommit, parentTree: ObjectID?, repository: Repository) throws(RepositoryError) {
        if let graph, let keys = bloomKeys, let position = commit.graphPosition, !graph.mayHaveChanged(at: position, keys) {
            return
        }
        if comparison == nil { comparison = TreeComparison(repository: repository, filter: filter) }
        let changes = try comparison!.changes(from: parentTree, to: commit.tree)
        guard !changes.isEmpty else { return }
        let info = try repository.withRawObject(commit.id, expecting: GIT_OBJECT_COMMIT, role: "mainline commit") { raw throws(RepositoryError) in
            try CommitParser.info(of: commit.id, in: raw)
        }
        found.append(Found(commit: info, changes: changes))
    }
}

/// Feeds walked commits (newest first) to a scanner running on its own thread and repository.
final class ComparisonPipeline: @unchecked Sendable {
    private let scanner: ChangeScanner
    private let gitDirectory: String
    private let condition = NSCondition()
    private var queue: [MainlineCommit] = []
    private var closed = false
    private var cancelled = false
    private var finalParent: ObjectID?
    private var failure: RepositoryError?
    private var done = false

    init(scanner: ChangeScanner, gitDirectory: String) {
        self.scanner = scanner
        self.gitDirectory = gitDirectory
        let thread = Thread { [self] in run() }
        thread.stackSize = 4 << 20
        thread.start()
    }

    func send(_ commits: [MainlineCommit]) throws(RepositoryError) {
        condition.lock()
        defer { condition.unlock() }
        if let failure { throw failure }
        queue += commits
        condition.signal()
    }

    /// Waits for the comparisons; the oldest commit is compared with `finalParent`.
    func finish(finalParent: ObjectID?) throws(RepositoryError) -> [ChangeScanner.Found] {
        condition.lock()
        self.finalParent = finalParent
        closed = true
        condition.broadcast()
        while !done { condition.wait() }
        let failure = self.failure
        condition.unlock()
        if let failure { throw failure }
        return scanner.found
    }

    func cancel() {
        condition.lock()
        cancelled = true
        closed = true
        condition.broadcast()
        while !done { condition.wait() }
        condition.unlock()
    }

    private func run() {
        do throws(RepositoryError) {
            let repository = try Repository(discoveringFrom: gitDirectory)
            var previous: MainlineCommit?
            while true {
                condition.lock()
                while queue.isEmpty && !closed { condition.wait() }
                let batch = queue
                queue.removeAll(keepingCapacity: true)
                let last = closed && batch.isEmpty
                let stop = cancelled
                let parent = finalParent
                condition.unlock()
                if stop { break }
                for commit in batch {
                    if let previous { try scanner.compare(previous, parentTree: commit.tree, repository: repository) }
                    previous = commit
                }
                if last {
                    if let previous { try scanner.compare(previous, parentTree: parent, repository: repository) }
                    break
                }
            }
        } catch {
            condition.lock()
            failure = error
            condition.unlock()
        }
        condition.lock()
        done = true
        condition.broadcast()
        condition.unlock()
    }
}
