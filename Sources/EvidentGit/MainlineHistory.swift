/// One change to one path, in one mainline commit.
public struct FileEvent: Hashable, Sendable {
    public var status: ChangeStatus
    public var commit: CommitInfo

    public init(status: ChangeStatus, commit: CommitInfo) {
        self.status = status
        self.commit = commit
    }
}

/// Everything that happened to one path on the mainline, oldest first.
public struct FileHistory: Hashable, Sendable {
    public var path: GitPath
    public var events: [FileEvent]

    public init(path: GitPath, events: [FileEvent]) {
        self.path = path
        self.events = events
    }
}

/// The first-parent history of the mainline under a set of roots: the proof of when each
/// file was added, modified, deleted or changed type.
public struct MainlineHistory: Sendable {
    /// The mainline commit the history was read from.
    public var head: ObjectID
    /// The full name of the reference read (`refs/heads/main`), or the revision as given.
    public var reference: String
    public var roots: [HistoryRoot]
    /// Sorted by path, bytewise.
    public var files: [FileHistory]
    /// The mainline commits that changed something under the roots, oldest first (mainline order).
    public var commits: [CommitInfo]

    public init(head: ObjectID, reference: String, roots: [HistoryRoot], files: [FileHistory], commits: [CommitInfo] = []) {
        self.head = head
        self.reference = reference
        self.roots = roots
        self.files = files
        self.commits = commits
    }
}

extension MainlineHistory {
    /// The history as it stood at `commit`, an older commit of the same first-parent chain:
    /// the events of the `newer` commits removed, and the paths left without events.
    func truncated(at commit: ObjectID, dropping newer: Set<ObjectID>, reference: String) -> MainlineHistory {
        guard !newer.isEmpty else {
            return MainlineHistory(head: commit, reference: reference, roots: roots, files: files, commits: commits)
        }
        let files = self.files.compactMap { file -> FileHistory? in
            let events = file.events.filter { !newer.contains($0.commit.id) }
            return events.isEmpty ? nil : FileHistory(path: file.path, events: events)
        }
        return MainlineHistory(head: commit, reference: reference, roots: roots, files: files, commits: commits.filter { !newer.contains($0.id) })
    }
}

/// The history as an append-only log: commits that changed something under the roots, in
/// mainline order, and their changes. This is what the persisted index stores.
struct HistoryLog: Equatable, Sendable {
    struct Change: Equatable, Sendable {
        var path: Int
        var commit: Int
        var status: ChangeStatus
    }

    var tip: ObjectID
    var commitCount: Int
    /// Every path changed, in the order first seen; `changes` refer to them by position.
    private(set) var paths: [GitPath] = []
    /// Where each path sits in `paths`: kept with them, so neither reading the index nor
    /// extending the log hashes every path again.
    private var positions: [GitPath: Int] = [:]
    var commits: [CommitInfo] = []
    var changes: [Change] = []

    /// An empty log of `commitCount` commits walked up to `tip`.
    init(tip: ObjectID, commitCount: Int) {
        self.tip = tip
        self.commitCount = commitCount
    }

    /// The position of `path` in `paths`, added at the end when it is new.
    mutating func position(of path: GitPath) -> Int {
        if let known = positions[path] { return known }
        positions[path] = paths.count
        paths.append(path)
        return paths.count - 1
    }

    /// Adds `path` at the end of `paths`; false (and nothing added) when it is already there.
    mutating func addNewPath(_ path: GitPath) -> Bool {
        guard positions.updateValue(paths.count, forKey: path) == nil else { return false }
        paths.append(path)
        return true
    }

    func history(reference: String, roots: [HistoryRoot]) -> MainlineHistory {
        var eventsByPath = [[FileEvent]](repeating: [], count: paths.count)
        for change in changes {
            eventsByPath[change.path].append(FileEvent(status: change.status, commit: commits[change.commit]))
        }
        let files = zip(paths, eventsByPath)
            .map { FileHistory(path: $0, events: $1) }
            .sorted { $0.path < $1.path }
        return MainlineHistory(head: tip, reference: reference, roots: roots, files: files, commits: commits)
    }
}
