import CLibGit2
import Foundation

/// Git's ownership check: a repository that belongs to another user is opened only when git's
/// `safe.directory` setting lists it (git says "detected dubious ownership"). libgit2 applies
/// the same check; this tells such a refusal from "there is no repository here".
enum RepositoryOwnership {
    /// The folder to add to `safe.directory` when opening from `path` failed with `status`
    /// because of ownership; nil when the failure has another cause.
    static func refusedFolder(openStatus status: Int32, path: String) -> String? {
        guard status == GIT_EOWNER.rawValue || status == GIT_ENOTFOUND.rawValue,
              let gitDirectory = discoveredGitDirectory(from: path)
        else { return nil }
        let folder = folder(ofGitDirectory: gitDirectory)
        return refusal(status: status, folder: folder, owners: [owner(of: folder), owner(of: gitDirectory)], currentUser: geteuid())
    }

    /// The decision, apart from the file system. libgit2 reports a refusal as `GIT_EOWNER`, except
    /// that version 1.5 reports "not found" when `safe.directory` is not set anywhere; then the
    /// repository it discovers (which does not check ownership) being another user's is what
    /// tells the two apart.
    static func refusal(status: Int32, folder: String, owners: [uid_t?], currentUser: uid_t) -> String? {
        if status == GIT_EOWNER.rawValue { return folder }
        guard status == GIT_ENOTFOUND.rawValue, owners.contains(where: { $0 != nil && $0 != currentUser }) else { return nil }
        return folder
    }

    /// The repository's folder as git names it in its advice: the working tree's top for
    /// `<top>/.git/`, the git dir itself for a bare repository.
    static func folder(ofGitDirectory directory: String) -> String {
        var path = directory
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        if path.hasSuffix("/.git") { path.removeLast(5) }
        return path.isEmpty ? "/" : path
    }

    /// The git dir libgit2 finds from `path`, searching parent folders, without opening it.
    private static func discoveredGitDirectory(from path: String) -> String? {
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        guard git_repository_discover(&buffer, path, 0, nil) == 0, let found = buffer.ptr else { return nil }
        return String(cString: found)
    }

    private static func owner(of path: String) -> uid_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_uid : nil
    }
}
