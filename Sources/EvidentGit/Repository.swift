import CLibGit2
import Foundation

/// An open repository. Not thread-safe: each thread opens its own.
public final class Repository {
    let pointer: OpaquePointer
    private let odb: OpaquePointer

    /// The repository's git dir (for a bare repository, the repository itself).
    public let gitDirectory: URL
    /// The top folder of the working tree, or nil for a bare repository.
    public let workingDirectory: URL?

    /// Opens the repository that contains `path`, searching parent folders like git does.
    public init(discoveringFrom path: String) throws(RepositoryError) {
        LibGit2.ensureInitialized()
        var repository: OpaquePointer?
        let status = git_repository_open_ext(&repository, path, 0, nil)
        guard status == 0, let repository else {
            if let folder = RepositoryOwnership.refusedFolder(openStatus: status, path: path) {
                throw .dubiousOwnership(path: folder)
            }
            if status == GIT_ENOTFOUND.rawValue {
                throw .notARepository(path: path)
            }
            throw .libgit2(operation: "opening '\(path)'", message: LibGit2.lastErrorMessage())
        }
        var database: OpaquePointer?
        guard git_repository_odb(&database, repository) == 0, let database else {
            let message = LibGit2.lastErrorMessage()
            git_repository_free(repository)
            throw .libgit2(operation: "opening the object database", message: message)
        }
        pointer = repository
        odb = database
        gitDirectory = URL(fileURLWithPath: String(cString: git_repository_path(repository)), isDirectory: true)
        if let workdir = git_repository_workdir(repository) {
            workingDirectory = URL(fileURLWithPath: String(cString: workdir), isDirectory: true)
        } else {
            workingDirectory = nil
        }
    }

    deinit {
        git_odb_free(odb)
        git_repository_free(pointer)
    }

    public var isShallow: Bool { git_repository_is_shallow(pointer) == 1 }

    /// Fails with exit-3 advice when the clone is shallow.
    public func requireCompleteHistory() throws(RepositoryError) {
        if isShallow {
            throw .shallow(path: (workingDirectory ?? gitDirectory).path)
        }
    }

    /// The full name of the branch HEAD points at (resolved or unborn), or nil when HEAD is detached.
    public var headReferenceName: String? {
        var reference: OpaquePointer?
        guard git_reference_lookup(&reference, pointer, "HEAD") == 0, let reference else { return nil }
        defer { git_reference_free(reference) }
        guard git_reference_type(reference) == GIT_REFERENCE_SYMBOLIC, let target = git_reference_symbolic_target(reference) else {
            return nil
        }
        return String(cString: target)
    }

    /// Resolves a branch, tag, remote-tracking branch, `HEAD` or commit id to a commit.
    /// Returns the commit and the full reference name it was reached through, if any.
    public func resolveCommit(_ spec: String) throws(RepositoryError) -> (commit: ObjectID, referenceName: String?) {
        if spec == "HEAD" || spec.hasPrefix("refs/") || !spec.contains(where: { "~^:@{".contains($0) }) {
            var reference: OpaquePointer?
            let status = git_reference_dwim(&reference, pointer, spec)
            if status == 0, let reference {
                defer { git_reference_free(reference) }
                var name = String(cString: git_reference_name(reference))
                if name == "HEAD", let branch = headReferenceName { name = branch }
                return (try peelToCommit(reference, spec: spec), name)
            }
            if spec == "HEAD" || status == GIT_EUNBORNBRANCH.rawValue {
                if let branch = headReferenceName, !isReferenceBorn(branch) {
                    throw .unbornBranch(branch)
                }
            }
            if status != GIT_ENOTFOUND.rawValue && status != GIT_EUNBORNBRANCH.rawValue && status != GIT_EINVALIDSPEC.rawValue {
                throw .libgit2(operation: "resolving '\(spec)'", message: LibGit2.lastErrorMessage())
            }
        }
        var object: OpaquePointer?
        let status = git_revparse_single(&object, pointer, spec)
        guard status == 0, let object else {
            if status == GIT_ENOTFOUND.rawValue || status == GIT_EINVALIDSPEC.rawValue || status == GIT_EAMBIGUOUS.rawValue {
                throw .unknownRef(spec)
            }
            throw .libgit2(operation: "resolving '\(spec)'", message: LibGit2.lastErrorMessage())
        }
        defer { git_object_free(object) }
        var commit: OpaquePointer?
        guard git_object_peel(&commit, object, GIT_OBJECT_COMMIT) == 0, let commit else {
            throw .unknownRef(spec)
        }
        defer { git_object_free(commit) }
        return (ObjectID(git_object_id(commit).pointee), nil)
    }

    private func isReferenceBorn(_ name: String) -> Bool {
        var oid = git_oid()
        return git_reference_name_to_id(&oid, pointer, name) == 0
    }

    private func peelToCommit(_ reference: OpaquePointer, spec: String) throws(RepositoryError) -> ObjectID {
        var object: OpaquePointer?
        let status = git_reference_peel(&object, reference, GIT_OBJECT_COMMIT)
        guard status == 0, let object else {
            let message = LibGit2.lastErrorMessage()
            var target = git_oid()
            if git_reference_name_to_id(&target, pointer, git_reference_name(reference)) == 0 {
                // The reference names an object that is absent or cannot be read: say which.
                if git_odb_exists(odb, &target) == 0 {
                    throw .missingObject(ObjectID(target), role: "the commit '\(spec)' points at")
                }
                throw .corruptObject(ObjectID(target), detail: "'\(spec)' points at it, but it cannot be read (\(message))")
            }
            if status == GIT_ENOTFOUND.rawValue || status == GIT_EPEEL.rawValue || status == GIT_EINVALIDSPEC.rawValue {
                throw .unknownRef(spec)
            }
            throw .libgit2(operation: "resolving '\(spec)'", message: message)
        }
        defer { git_object_free(object) }
        return ObjectID(git_object_id(object).pointee)
    }

    /// Packed objects read directly (see `PackStore`); built on first use.
    private lazy var packStore: PackStore? = {
        let store = PackStore(objectsDirectory: objectsDirectory)
        return store.isEmpty ? nil : store
    }()

    /// Reads an object's raw content and hands it to `body`. `role` says what the object is to
    /// the caller, for error messages; `prefix` lets a caller that needs only the first bytes
    /// (a commit's tree and parent lines) skip inflating the rest.
    func withRawObject<Result>(
        _ id: ObjectID,
        expecting type: git_object_t,
        role: @autoclosure () -> String,
        prefix: Int? = nil,
        _ body: (UnsafeBufferPointer<UInt8>) throws(RepositoryError) -> Result
    ) throws(RepositoryError) -> Result {
        if let bytes = try packed(id, expecting: type, role: role(), prefix: prefix) {
            return try bytes.withUnsafeBufferPointer { buffer throws(RepositoryError) in try body(buffer) }
        }
        var oid = id.gitOID
        var object: OpaquePointer?
        let status = git_odb_read(&object, odb, &oid)
        guard status == 0, let object else {
            if status == GIT_ENOTFOUND.rawValue {
                throw .missingObject(id, role: role())
            }
            throw .corruptObject(id, detail: LibGit2.lastErrorMessage())
        }
        defer { git_odb_object_free(object) }
        let actual = git_odb_object_type(object)
        guard actual == type else {
            let name = String(cString: git_object_type2string(actual))
            throw .corruptObject(id, detail: "expected a \(String(cString: git_object_type2string(type))) (\(role())), found a \(name)")
        }
        let size = git_odb_object_size(object)
        let data = git_odb_object_data(object)
        let buffer = UnsafeBufferPointer(start: data?.assumingMemoryBound(to: UInt8.self), count: data == nil ? 0 : size)
        return try body(buffer)
    }

    /// The object's bytes in an array of their own: as inflated from a pack, or copied from
    /// libgit2's buffer.
    func rawObjectBytes(_ id: ObjectID, expecting type: git_object_t, role: @autoclosure () -> String) throws(RepositoryError) -> [UInt8] {
        if let bytes = try packed(id, expecting: type, role: role(), prefix: nil) { return bytes }
        return try withRawObject(id, expecting: type, role: role()) { Array($0) }
    }

    /// The object as read straight from a pack, or nil when the pack store cannot answer.
    private func packed(_ id: ObjectID, expecting type: git_object_t, role: @autoclosure () -> String, prefix: Int?) throws(RepositoryError) -> [UInt8]? {
        guard let store = packStore, let object = try store.read(id, prefix: prefix) else { return nil }
        guard object.kind.rawValue == UInt8(type.rawValue) else {
            throw .corruptObject(id, detail: "expected a \(String(cString: git_object_type2string(type))) (\(role())), found a \(object.kind)")
        }
        return object.bytes
    }

    /// The object folder shared by all worktrees.
    var objectsDirectory: URL {
        URL(fileURLWithPath: String(cString: git_repository_commondir(pointer)), isDirectory: true)
            .appendingPathComponent("objects", isDirectory: true)
    }

    /// A boolean setting of the repository's configuration, or `defaultValue` when unset.
    func configurationFlag(_ name: String, default defaultValue: Bool) -> Bool {
        var snapshot: OpaquePointer?
        guard git_repository_config_snapshot(&snapshot, pointer) == 0, let snapshot else { return defaultValue }
        defer { git_config_free(snapshot) }
        var value: Int32 = 0
        return git_config_get_bool(&value, snapshot, name) == 0 ? value != 0 : defaultValue
    }

    /// The commit-graph, unless absent, unusable or turned off with `core.commitGraph=false`.
    func commitGraph() -> CommitGraph? {
        guard configurationFlag("core.commitGraph", default: true) else { return nil }
        return CommitGraph(objectsDirectory: objectsDirectory)
    }
}
