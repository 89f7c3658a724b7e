import CLibGit2
import Foundation

/// A file as git records it: path, blob id and mode.
public struct GitFile: Hashable, Sendable {
    public var path: GitPath
    public var id: ObjectID
    public var mode: UInt32

    public var isSubmodule: Bool { mode == 0o160000 }
    /// A symbolic link: its blob is the path it points at, never the contents of a file.
    public var isSymbolicLink: Bool { mode == 0o120000 }
}

extension Repository {
    /// The commit HEAD points at, or nil on an unborn branch.
    public func headCommit() -> ObjectID? {
        var oid = git_oid()
        guard git_reference_name_to_id(&oid, pointer, "HEAD") == 0 else { return nil }
        return ObjectID(oid)
    }

    /// The staged files (stage 0 of the git index) under `prefix` (`.` for all).
    public func indexFiles(under prefix: String) throws(RepositoryError) -> [GitFile] {
        try indexFiles(under: [prefix])
    }

    /// The files staged in the index under any of `prefixes`, in one pass over the index.
    public func indexFiles(under prefixes: [String]) throws(RepositoryError) -> [GitFile] {
        var index: OpaquePointer?
        guard git_repository_index(&index, pointer) == 0, let index else {
            throw .libgit2(operation: "reading the git index", message: LibGit2.lastErrorMessage())
        }
        defer { git_index_free(index) }
        let matches = prefixes.map(PrefixMatch.init)
        var files: [GitFile] = []
        for position in 0..<git_index_entrycount(index) {
            guard let entry = git_index_get_byindex(index, position), git_index_entry_stage(entry) == 0 else { continue }
            let length = strlen(entry.pointee.path)
            let path = entry.pointee.path.withMemoryRebound(to: UInt8.self, capacity: length) { Array(UnsafeBufferPointer(start: $0, count: length)) }
            guard matches.contains(where: { $0.contains(path) }) else { continue }
            files.append(GitFile(path: GitPath(bytes: path), id: ObjectID(entry.pointee.id), mode: entry.pointee.mode))
        }
        return files
    }

    /// The files of `commit` under `prefix` (`.` for all), in path order.
    public func files(under prefix: String, at commit: ObjectID) throws(RepositoryError) -> [GitFile] {
        let tree = try withRawObject(commit, expecting: GIT_OBJECT_COMMIT, role: "commit") { raw throws(RepositoryError) in
            try CommitParser.links(of: commit, in: raw).tree
        }
        var folder = tree
        var base: [UInt8] = []
        for component in prefix.split(separator: "/") where component != "." {
            let parsed = try self.tree(folder)
            guard let entry = parsed.entry(named: Array(component.utf8)) else { return [] }
            base += (base.isEmpty ? [] : [UInt8(ascii: "/")]) + Array(component.utf8)
            guard entry.isTree else {
                return [GitFile(path: GitPath(bytes: base), id: entry.id, mode: entry.mode)]
            }
            folder = entry.id
        }
        var files: [GitFile] = []
        try collect(folder, prefix: base, into: &files)
        return files.sorted { $0.path < $1.path }
    }

    /// The entry at exactly `path` in `commit` (a file, a symbolic link or a submodule), or nil
    /// when there is none or it is a folder. The path is matched byte for byte, component by component.
    public func file(at path: GitPath, in commit: ObjectID) throws(RepositoryError) -> GitFile? {
        var folder = try withRawObject(commit, expecting: GIT_OBJECT_COMMIT, role: "commit") { raw throws(RepositoryError) in
            try CommitParser.links(of: commit, in: raw).tree
        }
        let components = path.bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        for (index, component) in components.enumerated() {
            guard let entry = try tree(folder).entry(named: Array(component)) else { return nil }
            if index == components.count - 1 {
                return entry.isTree ? nil : GitFile(path: path, id: entry.id, mode: entry.mode)
            }
            guard entry.isTree else { return nil }
            folder = entry.id
        }
        return nil
    }

    /// The bytes of the file at `path` in `commit`, or nil when it has no such file. A symbolic
    /// link or a submodule is not a file: nil too. A link's target is never read as the file
    /// it stands for; where it matters (the program's files, the records) the caller reports it.
    public func contents(of path: String, at commit: ObjectID) throws(RepositoryError) -> Data? {
        guard let file = try files(under: path, at: commit).first(where: { $0.path.description == path }),
              !file.isSubmodule, !file.isSymbolicLink else { return nil }
        return try blob(file.id)
    }

    /// Whether `ancestor` is `commit` or reachable from it.
    public func isAncestor(_ ancestor: ObjectID, of commit: ObjectID) -> Bool {
        if ancestor == commit { return true }
        var descendant = commit.gitOID
        var candidate = ancestor.gitOID
        return git_graph_descendant_of(pointer, &descendant, &candidate) == 1
    }

    /// Whether `commit` is on the first-parent chain of `tip` (the mainline as
    /// `git log --first-parent` shows it). A plain ancestor check is not enough: after a merge
    /// whose first parent is a side branch becomes the tip ("foxtrot"), the old mainline is still
    /// reachable, through second parents, but it is no longer the record.
    public func isOnFirstParentChain(_ commit: ObjectID, of tip: ObjectID) throws(RepositoryError) -> Bool {
        guard isAncestor(commit, of: tip) else { return false }
        var next: ObjectID? = tip
        var steps = 0
        while let id = next {
            if id == commit { return true }
            steps += 1
            // Once the chain has passed below `commit`, it will not meet it again: checking now and
            // then keeps a miss from walking the whole history.
            if steps % 512 == 0 && !isAncestor(commit, of: id) { return false }
            next = try withRawObject(id, expecting: GIT_OBJECT_COMMIT, role: "commit") { raw throws(RepositoryError) in
                try CommitParser.links(of: id, in: raw).firstParent
            }
        }
        return false
    }

    /// The best common ancestor of two commits (as `git merge-base`), or nil when they share no history.
    public func mergeBase(_ one: ObjectID, _ other: ObjectID) throws(RepositoryError) -> ObjectID? {
        var base = git_oid()
        var first = one.gitOID
        var second = other.gitOID
        let status = git_merge_base(&base, pointer, &first, &second)
        if status == GIT_ENOTFOUND.rawValue { return nil }
        guard status == 0 else { throw .libgit2(operation: "finding the merge base of \(one.abbreviated()) and \(other.abbreviated())", message: LibGit2.lastErrorMessage()) }
        return ObjectID(base)
    }

    /// The newest commit on the first-parent chain from `tip` whose committer time is at or
    /// before `time` (seconds since the epoch), as `git rev-list -1 --first-parent --before`.
    public func lastFirstParentCommit(from tip: ObjectID, atOrBefore time: Int64) throws(RepositoryError) -> ObjectID? {
        var next: ObjectID? = tip
        while let id = next {
            if try commitInfo(id).committer.time <= time { return id }
            next = try withRawObject(id, expecting: GIT_OBJECT_COMMIT, role: "commit") { raw throws(RepositoryError) in
                try CommitParser.links(of: id, in: raw).firstParent
            }
        }
        return nil
    }

    /// A commit's signature (`gpgsig` header) and the data it signs, or nil for an unsigned commit.
    public func signature(of commit: ObjectID) throws(RepositoryError) -> (signature: String, signedData: Data)? {
        var signature = git_buf()
        var signed = git_buf()
        defer {
            git_buf_dispose(&signature)
            git_buf_dispose(&signed)
        }
        var oid = commit.gitOID
        let status = git_commit_extract_signature(&signature, &signed, pointer, &oid, nil)
        if status == GIT_ENOTFOUND.rawValue { return nil }
        guard status == 0 else { throw .corruptObject(commit, detail: "its signature cannot be read: \(LibGit2.lastErrorMessage())") }
        let text = String(decoding: UnsafeRawBufferPointer(start: signature.ptr, count: signature.size), as: UTF8.self)
        return (text, Data(UnsafeRawBufferPointer(start: signed.ptr, count: signed.size)))
    }

    /// A commit's author, committer, trailers and signature flag.
    public func commitInfo(_ id: ObjectID) throws(RepositoryError) -> CommitInfo {
        try withRawObject(id, expecting: GIT_OBJECT_COMMIT, role: "commit") { raw throws(RepositoryError) in try CommitParser.info(of: id, in: raw) }
    }

    public func blob(_ id: ObjectID) throws(RepositoryError) -> Data {
        try withRawObject(id, expecting: GIT_OBJECT_BLOB, role: "file") { raw in Data(buffer: raw) }
    }

    func tree(_ id: ObjectID) throws(RepositoryError) -> Tree {
        try Tree(id: id, bytes: rawObjectBytes(id, expecting: GIT_OBJECT_TREE, role: "tree"))
    }

    private func collect(_ id: ObjectID, prefix: [UInt8], into files: inout [GitFile]) throws(RepositoryError) {
        let parsed = try tree(id)
        for entry in parsed.entries {
            let path = prefix.isEmpty ? Array(parsed.name(of: entry)) : prefix + [UInt8(ascii: "/")] + parsed.name(of: entry)
            if entry.isTree {
                try collect(entry.id, prefix: path, into: &files)
            } else {
                files.append(GitFile(path: GitPath(bytes: path), id: entry.id, mode: entry.mode))
            }
        }
    }
}

/// Whether a path is at or below a folder prefix (`.` matches everything).
struct PrefixMatch {
    private let prefix: [UInt8]

    init(_ prefix: String) {
        var trimmed = prefix
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.prefix = trimmed == "." || trimmed.isEmpty ? [] : Array(trimmed.utf8)
    }

    func contains(_ path: [UInt8]) -> Bool {
        guard !prefix.isEmpty else { return true }
        guard path.count >= prefix.count, path.starts(with: prefix) else { return false }
        return path.count == prefix.count || path[prefix.count] == UInt8(ascii: "/")
    }
}
