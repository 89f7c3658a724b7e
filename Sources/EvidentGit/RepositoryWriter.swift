import CLibGit2
import Foundation

extension Repository {
    /// Creates a new, empty (non-bare) repository whose HEAD is `branch`.
    public static func create(at path: String, branch: String) throws(RepositoryError) -> Repository {
        LibGit2.ensureInitialized()
        var options = git_repository_init_options()
        git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION))
        options.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue
        var repository: OpaquePointer?
        let status = branch.withCString { name -> Int32 in
            options.initial_head = name
            return git_repository_init_ext(&repository, path, &options)
        }
        guard status == 0, let repository else {
            throw .libgit2(operation: "creating a repository at '\(path)'", message: LibGit2.lastErrorMessage())
        }
        git_repository_free(repository)
        return try Repository(discoveringFrom: path)
    }

    /// Commits files onto HEAD's branch without touching the working tree: each path maps to
    /// its new content, or nil to delete it. Times are seconds since the epoch, in UTC.
    @discardableResult
    public func commit(_ files: [String: Data?], message: String, author: (name: String, email: String, time: Int64),
                       committer: (name: String, email: String, time: Int64)) throws(RepositoryError) -> ObjectID {
        var index: OpaquePointer?
        guard git_index_new(&index) == 0, let index else { throw .libgit2(operation: "creating an index", message: LibGit2.lastErrorMessage()) }
        defer { git_index_free(index) }
        var parent: OpaquePointer?
        if let head = headCommit() {
            var oid = head.gitOID
            guard git_commit_lookup(&parent, pointer, &oid) == 0, let parent else { throw .missingObject(head, role: "HEAD commit") }
            var tree: OpaquePointer?
            guard git_commit_tree(&tree, parent) == 0 else { throw .libgit2(operation: "reading HEAD's tree", message: LibGit2.lastErrorMessage()) }
            defer { git_tree_free(tree) }
            guard git_index_read_tree(index, tree) == 0 else { throw .libgit2(operation: "reading HEAD's tree", message: LibGit2.lastErrorMessage()) }
        }
        defer { if let parent { git_commit_free(parent) } }
        for path in files.keys.sorted() {
            let status: Int32
            if let data = files[path]! {
                var blob = git_oid()
                guard data.withUnsafeBytes({ git_blob_create_from_buffer(&blob, pointer, $0.baseAddress, data.count) }) == 0 else {
                    throw .libgit2(operation: "writing '\(path)'", message: LibGit2.lastErrorMessage())
                }
                var entry = git_index_entry()
                entry.mode = 0o100644
                entry.id = blob
                status = path.withCString { name in
                    entry.path = name
                    return git_index_add(index, &entry)
                }
            } else {
                status = git_index_remove_bypath(index, path)
            }
            guard status == 0 else { throw .libgit2(operation: "staging '\(path)'", message: LibGit2.lastErrorMessage()) }
        }
        var treeID = git_oid()
        guard git_index_write_tree_to(&treeID, index, pointer) == 0 else { throw .libgit2(operation: "writing a tree", message: LibGit2.lastErrorMessage()) }
        var tree: OpaquePointer?
        guard git_tree_lookup(&tree, pointer, &treeID) == 0, let tree else { throw .libgit2(operation: "reading a tree", message: LibGit2.lastErrorMessage()) }
        defer { git_tree_free(tree) }
        var authorSignature: UnsafeMutablePointer<git_signature>?
        var committerSignature: UnsafeMutablePointer<git_signature>?
        guard git_signature_new(&authorSignature, author.name, author.email, author.time, 0) == 0,
              git_signature_new(&committerSignature, committer.name, committer.email, committer.time, 0) == 0
        else { throw .libgit2(operation: "making a signature", message: LibGit2.lastErrorMessage()) }
        defer {
            git_signature_free(authorSignature)
            git_signature_free(committerSignature)
        }
        var commitID = git_oid()
        var parents: [OpaquePointer?] = parent.map { [$0] } ?? []
        let status = parents.withUnsafeMutableBufferPointer { buffer in
            git_commit_create(&commitID, pointer, "HEAD", authorSignature, committerSignature, nil, message, tree, buffer.count, buffer.baseAddress)
        }
        guard status == 0 else { throw .libgit2(operation: "committing", message: LibGit2.lastErrorMessage()) }
        return ObjectID(commitID)
    }

    /// Writes HEAD's files into the working tree (overwriting what is there).
    public func checkOutHead() throws(RepositoryError) {
        var options = git_checkout_options()
        git_checkout_options_init(&options, UInt32(GIT_CHECKOUT_OPTIONS_VERSION))
        options.checkout_strategy = GIT_CHECKOUT_FORCE.rawValue
        guard git_checkout_head(pointer, &options) == 0 else {
            throw .libgit2(operation: "checking out HEAD", message: LibGit2.lastErrorMessage())
        }
    }
}
