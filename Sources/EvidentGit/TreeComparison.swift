/// Compares two root trees under a `PathFilter`, descending only into subtrees whose ids
/// differ (what `git log -- paths` does), and reports each changed path like git's tree diff.
struct TreeComparison {
    struct Change {
        var path: [UInt8]
        var status: ChangeStatus
    }

    private let repository: Repository
    private let filter: PathFilter
    // Two generations of parsed trees: the parent side of one commit is the child side of the
    // previous one, so a tree is read once per walk, whichever way the walk runs.
    private var current: [ObjectID: Tree] = [:]
    private var previous: [ObjectID: Tree] = [:]

    init(repository: Repository, filter: PathFilter) {
        self.repository = repository
        self.filter = filter
    }

    /// The changes between `old` (nil for the root commit) and `new` root trees.
    mutating func changes(from old: ObjectID?, to new: ObjectID) throws(RepositoryError) -> [Change] {
        defer {
            // The tables' storage is kept from commit to commit.
            swap(&previous, &current)
            current.removeAll(keepingCapacity: true)
        }
        if old == new { return [] }
        var changes: [Change] = []
        try compare(node: 0, old: old, new: new, prefix: [], into: &changes)
        return changes
    }

    private mutating func tree(_ id: ObjectID) throws(RepositoryError) -> Tree {
        if let tree = current[id] { return tree }
        if let tree = previous[id] {
            current[id] = tree
            return tree
        }
        let tree = try repository.tree(id)
        current[id] = tree
        return tree
    }

    /// Walks the filter's trie: only the named children of a partial node are looked at.
    private mutating func compare(node index: Int, old: ObjectID?, new: ObjectID?, prefix: [UInt8], into changes: inout [Change]) throws(RepositoryError) {
        if old == new { return }
        let node = filter[index]
        if node.includesAll {
            try compareTrees(old: old, new: new, prefix: prefix, into: &changes)
            return
        }
        let oldTree = try old.map { id throws(RepositoryError) in try tree(id) }
        let newTree = try new.map { id throws(RepositoryError) in try tree(id) }
        for (name, childIndex) in node.children {
            var oldEntry = oldTree?.entry(named: name)
            var newEntry = newTree?.entry(named: name)
            let child = filter[childIndex]
            let path = join(prefix, name[...])
            if child.includesAll {
                if child.directoryOnly {
                    // git matches `dir/` against folders and submodules, never files or links.
                    if oldEntry?.matchesDirectoryPathspec == false { oldEntry = nil }
                    if newEntry?.matchesDirectoryPathspec == false { newEntry = nil }
                }
                try compareEntries(old: oldEntry, new: newEntry, path: path, into: &changes)
                continue
            }
            if oldEntry?.isTree == false { oldEntry = nil }
            if newEntry?.isTree == false { newEntry = nil }
            try compare(node: childIndex, old: oldEntry?.id, new: newEntry?.id, prefix: path, into: &changes)
        }
    }

    /// Two entries at the same path, either of which may be absent.
    private mutating func compareEntries(old: Tree.Entry?, new: Tree.Entry?, path: [UInt8], into changes: inout [Change]) throws(RepositoryError) {
        switch (old, new) {
        case (nil, nil):
            return
        case let (old?, new?) where old.isTree && new.isTree:
            try compareTrees(old: old.id, new: new.id, prefix: path, into: &changes)
        case let (old?, new?) where old.isTree != new.isTree:
            // A file became a folder or back: git's tree diff sees two different names.
            try compareEntries(old: old, new: nil, path: path, into: &changes)
            try compareEntries(old: nil, new: new, path: path, into: &changes)
        case let (old?, new?):
            if old.mode & 0o170000 != new.mode & 0o170000 {
                changes.append(Change(path: path, status: .typeChanged))
            } else if old.id != new.id || old.mode != new.mode {
                changes.append(Change(path: path, status: .modified))
            }
        case let (old?, nil):
            if old.isTree {
                try compareTrees(old: old.id, new: nil, prefix: path, into: &changes)
            } else {
                changes.append(Change(path: path, status: .deleted))
            }
        case let (nil, new?):
            if new.isTree {
                try compareTrees(old: nil, new: new.id, prefix: path, into: &changes)
            } else {
                changes.append(Change(path: path, status: .added))
            }
        }
    }

    /// Every change between two whole subtrees, merged in git's tree order.
    private mutating func compareTrees(old: ObjectID?, new: ObjectID?, prefix: [UInt8], into changes: inout [Change]) throws(RepositoryError) {
        if old == new { return }
        let oldTree = try old.map { id throws(RepositoryError) in try tree(id) }
        let newTree = try new.map { id throws(RepositoryError) in try tree(id) }
        let oldEntries = oldTree?.entries ?? []
        let newEntries = newTree?.entries ?? []
        var i = 0
        var j = 0
        while i < oldEntries.count || j < newEntries.count {
            let order: Int
            if i == oldEntries.count {
                order = 1
            } else if j == newEntries.count {
                order = -1
            } else {
                order = Self.gitOrder(oldTree!, oldEntries[i], newTree!, newEntries[j])
            }
            if order < 0 {
                try compareEntries(old: oldEntries[i], new: nil, path: join(prefix, oldTree!.name(of: oldEntries[i])), into: &changes)
                i += 1
            } else if order > 0 {
                try compareEntries(old: nil, new: newEntries[j], path: join(prefix, newTree!.name(of: newEntries[j])), into: &changes)
                j += 1
            } else {
                if oldEntries[i].id != newEntries[j].id || oldEntries[i].mode != newEntries[j].mode {
                    try compareEntries(old: oldEntries[i], new: newEntries[j], path: join(prefix, newTree!.name(of: newEntries[j])), into: &changes)
                }
                i += 1
                j += 1
            }
        }
    }

    /// git's `base_name_compare`: names compare bytewise, a folder as if it ended in `/`.
    private static func gitOrder(_ leftTree: Tree, _ left: Tree.Entry, _ rightTree: Tree, _ right: Tree.Entry) -> Int {
        let leftName = leftTree.name(of: left)
        let rightName = rightTree.name(of: right)
        let common = min(leftName.count, rightName.count)
        var a = leftName.startIndex
        var b = rightName.startIndex
        for _ in 0..<common {
            if leftName[a] != rightName[b] { return leftName[a] < rightName[b] ? -1 : 1 }
            a += 1
            b += 1
        }
        let leftNext: UInt8 = a < leftName.endIndex ? leftName[a] : (left.isTree ? UInt8(ascii: "/") : 0)
        let rightNext: UInt8 = b < rightName.endIndex ? rightName[b] : (right.isTree ? UInt8(ascii: "/") : 0)
        return leftNext == rightNext ? 0 : (leftNext < rightNext ? -1 : 1)
    }

    private func join(_ prefix: [UInt8], _ name: ArraySlice<UInt8>) -> [UInt8] {
        if prefix.isEmpty { return Array(name) }
        var path = prefix
        path.reserveCapacity(prefix.count + 1 + name.count)
        path.append(UInt8(ascii: "/"))
        path.append(contentsOf: name)
        return path
    }
}
