import CLibGit2

extension Repository {
    /// A commit's parents, first parent first.
    public func parents(of commit: ObjectID) throws(RepositoryError) -> [ObjectID] {
        var oid = commit.gitOID
        var object: OpaquePointer?
        guard git_commit_lookup(&object, pointer, &oid) == 0, let object else {
            throw .corruptObject(commit, detail: "it cannot be read as a commit: \(LibGit2.lastErrorMessage())")
        }
        defer { git_commit_free(object) }
        return (0..<git_commit_parentcount(object)).compactMap { index in git_commit_parent_id(object, index).map { ObjectID($0.pointee) } }
    }

    /// The commits a merge brought in from its side branches — reachable from its other parents
    /// but not from its first — that changed `path`, oldest first, with the file's bytes after
    /// each (nil where the commit deleted it). Empty for a commit that is not a merge.
    public func sideBranchChanges(of merge: ObjectID, path: String) throws(RepositoryError) -> [(commit: CommitInfo, contents: [UInt8]?)] {
        let parents = try parents(of: merge)
        guard parents.count > 1 else { return [] }
        var walker: OpaquePointer?
        guard git_revwalk_new(&walker, pointer) == 0, let walker else {
            throw .libgit2(operation: "walking the side branch of \(merge.abbreviated())", message: LibGit2.lastErrorMessage())
        }
        defer { git_revwalk_free(walker) }
        git_revwalk_sorting(walker, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_REVERSE.rawValue)
        for parent in parents.dropFirst() {
            var oid = parent.gitOID
            guard git_revwalk_push(walker, &oid) == 0 else {
                throw .libgit2(operation: "walking the side branch of \(merge.abbreviated())", message: LibGit2.lastErrorMessage())
            }
        }
        var first = parents[0].gitOID
        guard git_revwalk_hide(walker, &first) == 0 else {
            throw .libgit2(operation: "walking the side branch of \(merge.abbreviated())", message: LibGit2.lastErrorMessage())
        }
        var changes: [(commit: CommitInfo, contents: [UInt8]?)] = []
        var next = git_oid()
        while git_revwalk_next(&next, walker) == 0 {
            let commit = ObjectID(next)
            let before = try self.parents(of: commit).first.map { parent throws(RepositoryError) in try contents(of: path, at: parent) } ?? nil
            let after = try contents(of: path, at: commit)
            guard before != after else { continue }
            changes.append((try commitInfo(commit), after.map { [UInt8]($0) }))
        }
        return changes
    }
}
