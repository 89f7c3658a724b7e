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
    /// Commits to compare per unit of work handed to a comparing thread: small enough that a
    /// walk whose Bloom filters pass over most commits still keeps both threads busy.
    var pipelineChunkSize = 256

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
        let scan = try scan(from: tip, stoppingAt: base?.tip, graph: graph, bloomKeys: keys, progress: progress) {
            ChangeScanner(filter: filter)
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
        try walkMainline(from: tipHistory.head, stoppingAt: commit, graph: repository.commitGraph(), skipping: nil) { later in
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
    /// Commits whose Bloom filter proves they changed nothing under the roots are not compared.
    private func scan(
        from tip: ObjectID, stoppingAt stop: ObjectID?, graph: CommitGraph?, bloomKeys: [BloomFilters.Key]?,
        progress: ProgressHandler?, makeScanner: @escaping @Sendable () -> ChangeScanner
    ) throws(RepositoryError) -> Scan {
        var count = 0
        var reachedStop = false
        var batch: [MainlineCommit] = []
        var pipeline: ComparisonPipeline?
        let found: [ChangeScanner.Found]
        do throws(RepositoryError) {
            try walkMainline(from: tip, stoppingAt: stop, graph: graph, skipping: bloomKeys) { commit throws(RepositoryError) in
                batch.append(commit)
                if let pipeline, batch.count >= pipelineChunkSize {
                    pipeline.send(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            } walked: { walked in
                count = walked
                // Counted in commits walked, not compared: Bloom filters may pass over most.
                if pipeline == nil && walked >= pipelineThreshold {
                    pipeline = ComparisonPipeline(gitDirectory: repository.gitDirectory.path, chunkSize: pipelineChunkSize, makeScanner: makeScanner)
                }
                if walked % 8192 == 0 {
                    progress?(HistoryProgress(commits: walked))
                }
            } reachedStop: {
                reachedStop = true
            }
            if let pipeline {
                pipeline.send(batch)
                found = try pipeline.finish(repository: repository)
            } else {
                found = try makeScanner().scan(batch, repository: repository)
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

    /// The first-parent chain from `tip`, newest first, ending before `stop` if it is met; each
    /// commit is handed over with its first parent's tree. Inside the commit-graph each step is
    /// an array lookup, and commits whose Bloom filter rules out every key in `skipping` are
    /// passed over (still counted by `walked`); elsewhere each commit is read.
    private func walkMainline(
        from tip: ObjectID, stoppingAt stop: ObjectID?, graph: CommitGraph?, skipping keys: [BloomFilters.Key]?,
        each: (MainlineCommit) throws(RepositoryError) -> Void, walked: (Int) -> Void = { _ in },
        reachedStop: () -> Void
    ) throws(RepositoryError) {
        var count = 0
        // A commit read from its object waits here until its parent is read, for the parent's tree.
        var waiting: (id: ObjectID, tree: ObjectID)?
        func hand(_ id: ObjectID, _ tree: ObjectID, parentTree: ObjectID?) throws(RepositoryError) {
            try each(MainlineCommit(id: id, tree: tree, parentTree: parentTree))
            count += 1
            walked(count)
        }
        var next: ObjectID? = tip
        var graphPosition: Int?
        while let id = next {
            if id == stop {
                if let waiting { try hand(waiting.id, waiting.tree, parentTree: try commitLinks(id).tree) }
                return reachedStop()
            }
            if let graph, let position = graph.position(of: id) {
                graphPosition = position
                break
            }
            let links = try commitLinks(id)
            if let waiting { try hand(waiting.id, waiting.tree, parentTree: links.tree) }
            waiting = (id, links.tree)
            next = links.firstParent
        }
        guard let graph, var position = graphPosition else {
            // The root commit: its parent is the empty tree.
            if let waiting { try hand(waiting.id, waiting.tree, parentTree: nil) }
            return
        }
        guard var commit = graph.commit(at: position) else { throw malformed(graph, position) }
        if let waiting { try hand(waiting.id, waiting.tree, parentTree: commit.tree) }
        let stopPosition = stop.flatMap { graph.position(of: $0) }
        // Ids cannot form a cycle, but a damaged graph's parent positions can: a chain that visits
        // more commits than the graph holds goes round one.
        var steps = 0
        while true {
            if position == stopPosition { return reachedStop() }
            steps += 1
            guard steps <= graph.count else { throw malformed(graph, position) }
            let parent = try commit.firstParent.map { parent throws(RepositoryError) in
                guard let parentCommit = graph.commit(at: parent) else { throw malformed(graph, parent) }
                return (position: parent, commit: parentCommit)
            }
            if let keys, !graph.mayHaveChanged(at: position, keys) {
                count += 1
                walked(count)
            } else {
                try hand(graph.id(at: position), commit.tree, parentTree: parent?.commit.tree)
            }
            guard let parent else { return }
            position = parent.position
            commit = parent.commit
        }
    }

    private func malformed(_ graph: CommitGraph, _ position: Int) -> RepositoryError {
        .corruptObject(graph.id(at: position), detail: "its commit-graph entry is malformed; run 'git commit-graph write --reachable'")
    }
}

/// A mainline commit to compare with its first parent, whose tree it carries (nil for the
/// root commit, which is compared with the empty tree), so any run of them can be compared
/// on any thread.
struct MainlineCommit: Sendable {
    var id: ObjectID
    var tree: ObjectID
    var parentTree: ObjectID?
}

extension HistoryLog {
    /// Appends what a scan found (oldest first) after the commits already logged.
    mutating func append(_ found: [ChangeScanner.Found], commitCount added: Int) {
        commitCount += added
        for item in found {
            commits.append(item.commit)
            for change in item.changes {
                changes.append(HistoryLog.Change(path: position(of: GitPath(bytes: change.path)), commit: commits.count - 1, status: change.status))
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
    private var comparison: TreeComparison?

    init(filter: PathFilter) {
        self.filter = filter
    }

    /// Compares each of a run of commits (newest first) with its parent.
    func scan(_ commits: [MainlineCommit], repository: Repository) throws(RepositoryError) -> [Found] {
        var found: [Found] = []
        for commit in commits {
            if let item = try compare(commit, repository: repository) { found.append(item) }
        }
        return found
    }

    private func compare(_ commit: MainlineCommit, repository: Repository) throws(RepositoryError) -> Found? {
        if comparison == nil { comparison = TreeComparison(repository: repository, filter: filter) }
        let changes = try comparison!.changes(from: commit.parentTree, to: commit.tree)
        guard !changes.isEmpty else { return nil }
        let info = try repository.withRawObject(commit.id, expecting: GIT_OBJECT_COMMIT, role: "mainline commit") { raw throws(RepositoryError) in
            try CommitParser.info(of: commit.id, in: raw)
        }
        return Found(commit: info, changes: changes)
    }
}

/// Compares walked commits with their parents on worker threads. The walk (newest first) is
/// cut into chunks, independent since each commit carries its parent's tree. One worker starts
/// with the walk; the walking thread joins in when the walk is done (with a commit-graph, at
/// once), each with its own repository handle and pack reader.
final class ComparisonPipeline: @unchecked Sendable {
    private struct Chunk {
        var index: Int
        var commits: [MainlineCommit]
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
    /// The failure of the earliest chunk (in walk order) that failed. Chunks are taken in
    /// order, so when one fails every earlier chunk is already being compared and finishes:
    /// the error reported is the one a single thread would meet first, however they raced.
    private var failure: (chunk: Int, error: RepositoryError)?
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

    /// Queues walked commits. After a failure nothing more is queued, but the walk goes on: an
    /// error of the walk itself comes first, as it does when one thread walks and then compares.
    func send(_ commits: [MainlineCommit]) {
        condition.lock()
        defer { condition.unlock() }
        if failure != nil { return }
        pending += commits
        while pending.count >= chunkSize {
            chunks.append(Chunk(index: chunkCount, commits: Array(pending[..<chunkSize])))
            chunkCount += 1
            pending.removeFirst(chunkSize)
        }
        condition.signal()
    }

    /// Ends the walk, helps with the remaining chunks on this thread, and returns what was
    /// found, newest first.
    func finish(repository: Repository) throws(RepositoryError) -> [ChangeScanner.Found] {
        condition.lock()
        if !pending.isEmpty {
            chunks.append(Chunk(index: chunkCount, commits: pending))
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
        if let failure { throw failure.error }
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

    /// Takes chunks until none are left or one has failed; `repository` nil opens a handle for
    /// this thread.
    private func work(repository given: Repository?) {
        var repository = given
        let scanner = makeScanner()
        while true {
            condition.lock()
            while chunks.isEmpty && !closed && !cancelled { condition.wait() }
            if cancelled || failure != nil || chunks.isEmpty {
                condition.unlock()
                break
            }
            let chunk = chunks.removeFirst()
            condition.unlock()
            do throws(RepositoryError) {
                if repository == nil { repository = try Repository(discoveringFrom: gitDirectory) }
                let found = try scanner.scan(chunk.commits, repository: repository!)
                condition.lock()
                results[chunk.index] = found
                condition.unlock()
            } catch {
                condition.lock()
                if failure.map({ chunk.index < $0.chunk }) ?? true { failure = (chunk.index, error) }
                condition.broadcast()
                condition.unlock()
                break
            }
        }
        condition.lock()
        workersRunning -= 1
        condition.broadcast()
        condition.unlock()
    }
}
