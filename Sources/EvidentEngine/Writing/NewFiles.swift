import Foundation

/// A set of new files written into a folder all or nothing, as `evident init` writes the
/// starter program: every destination is checked before anything is written, the files are
/// written into a staging folder, then linked into place, and a failure removes what was put
/// in place (files and the folders made for them). A file that already exists is kept, never
/// overwritten.
///
/// Where the staging folder is: in the git dir of the repository whose working tree holds the
/// folder (under its write lock, see `WriteSession`), else — outside any repository, or with
/// the git dir on another file system — a hidden `.evident-init-…` folder in the folder itself,
/// removed when done and, after a kill, by the next `evident init` there.
///
/// Only SIGKILL can stop the placing half-way (other signals wait for it to finish): it leaves
/// some of the files, each complete, and running `evident init` again writes the rest.
struct NewFiles {
    /// What is in the way of writing, found before writing anything.
    struct Conflict: Equatable {
        enum Kind: Equatable {
            /// A file (or a device, a socket) where a folder must be.
            case fileWhereFolder
            /// A folder where a file must be written.
            case folderWhereFile
            /// A symbolic link where a folder must be: nothing is written through a link.
            case link
            /// A folder that cannot be written into.
            case unwritable(reason: String)
        }

        /// The path in the way, relative to the folder.
        var path: String
        var kind: Kind
        /// The files it blocks, relative to the folder.
        var blocked: [String]

        var description: String {
            let some = blocked.count == 1 ? blocked[0] : "\(blocked[0]) and \(blocked.count - 1) more"
            return switch kind {
            case .fileWhereFolder: "\(path) is a file, where a folder must be for \(some)"
            case .folderWhereFile: "\(path) is a folder, where a file must be written"
            case .link: "\(path) is a symbolic link, which Evident does not write through (for \(some))"
            case .unwritable(let reason): "cannot write into \(path): \(reason) (for \(some))"
            }
        }
    }

    /// The folder written into, without a trailing slash.
    let top: String
    /// The files to write, by path relative to `top`.
    let files: [String: [UInt8]]

    /// What would be written, what is kept, and what is in the way.
    struct Plan {
        var writes: [String] = []
        var kept: [String] = []
        var conflicts: [Conflict] = []
    }

    /// Looks at every destination, writing nothing.
    func plan() -> Plan {
        var plan = Plan()
        var conflicts: [String: Conflict] = [:]
        func block(_ path: String, _ kind: Conflict.Kind, _ file: String) {
            conflicts[path, default: Conflict(path: path, kind: kind, blocked: [])].blocked.append(file)
        }
        switch topKind {
        case .folder, .missing: break
        default:
            plan.conflicts = [Conflict(path: top, kind: .fileWhereFolder, blocked: files.keys.sorted())]
            return plan
        }
        for file in files.keys.sorted() {
            let components = file.split(separator: "/").map(String.init)
            var folder = ""
            var blocked = false
            var creates = false
            for component in components.dropLast() where !creates {
                let path = folder.isEmpty ? component : folder + "/" + component
                switch FileSystem.kind(of: top + "/" + path) {
                case .folder: folder = path
                case .missing: creates = true
                case .symbolicLink: block(path, .link, file); blocked = true
                case .file, .other: block(path, .fileWhereFolder, file); blocked = true
                }
                if blocked { break }
            }
            if blocked { continue }
            if !creates {
                switch FileSystem.kind(of: top + "/" + file) {
                case .missing: break
                case .folder:
                    block(file, .folderWhereFile, file)
                    continue
                case .file, .symbolicLink, .other:
                    plan.kept.append(file)
                    continue
                }
            }
            // The deepest folder that exists is the one a file or a folder is created in.
            if topKind == .folder, access(folder.isEmpty ? top : top + "/" + folder, W_OK | X_OK) != 0 {
                block(folder.isEmpty ? "." : folder, .unwritable(reason: FileSystemError.words(for: errno)), file)
                continue
            }
            plan.writes.append(file)
        }
        plan.conflicts = conflicts.values.sorted { $0.path < $1.path }
        return plan
    }

    private var topKind: FileSystem.Kind {
        var status = stat()
        guard stat(top, &status) == 0 else { return .missing }
        return status.st_mode & S_IFMT == S_IFDIR ? .folder : .file
    }

    /// Writes the plan's files: all of them, or (after an error, which says what failed) none.
    /// `session` is the repository's, when the folder is in a working tree.
    func write(_ plan: Plan, session: WriteSession?, faults: WriteFaults? = nil) throws(FileSystemError) {
        var placed = Placed()
        do throws(FileSystemError) {
            try placed.makeFolders(upTo: top)
            let staging = try stagingFolder(session: session)
            defer { if !faults.killed { staging.finish() } }
            var staged: [String: String] = [:]
            for (index, file) in plan.writes.enumerated() {
                let path = "\(staging.path)/\(index)"
                do {
                    try FileSystem.createFile(path, bytes: files[file] ?? [])
                } catch {
                    throw FileSystemError("write", file, error)
                }
                staged[file] = path
                try faults.pass("staging \(file)")
            }
            try SignalDeferral.run { () throws(FileSystemError) in
                for file in plan.writes {
                    try placed.makeFolders(upTo: top + "/" + (file as NSString).deletingLastPathComponent, shownUnder: top)
                    try placed.link(staged[file]!, to: top + "/" + file, shown: file)
                    try faults.pass("placing \(file)")
                }
            }
        } catch {
            if !faults.killed { placed.undo() }
            throw error
        }
    }

    /// Where the files are staged: the session's staging folder when it is on the folder's file
    /// system, else a hidden staging folder in the folder (stale ones swept first).
    private func stagingFolder(session: WriteSession?) throws(FileSystemError) -> (path: String, finish: () -> Void) {
        if let session, try session.isSameFileSystem(top, shownAs: top) {
            return (session.staging.path, {})
        }
        StagingFolder.sweep(top, prefix: Self.localStagingPrefix)
        do {
            let folder = try StagingFolder(in: top, prefix: Self.localStagingPrefix)
            return (folder.path, { folder.remove() })
        } catch {
            throw FileSystemError("create a staging folder in", top, error)
        }
    }

    static let localStagingPrefix = ".evident-init"
}

/// What `NewFiles.write` has put in place so far, to take back on failure.
private struct Placed {
    var folders: [String] = []
    var files: [String] = []

    /// Creates `path` and its missing ancestors, noting them.
    mutating func makeFolders(upTo path: String, shownUnder top: String? = nil) throws(FileSystemError) {
        let shown = { (path: String) in top.map { WriteSession.shown(path, under: $0) } ?? path }
        do {
            folders += try FileSystem.makeFolders(path, shown: shown)
        } catch {
            throw FileSystemError("create the folder", shown(path), error)
        }
    }

    /// Puts `staged` at `target`, never replacing anything that appeared there since the plan.
    mutating func link(_ staged: String, to target: String, shown: String) throws(FileSystemError) {
        do throws(SystemCallError) {
            do throws(SystemCallError) {
                try FileSystem.link(staged, to: target)
            } catch where [EPERM, ENOTSUP, EOPNOTSUPP, EMLINK, EXDEV, ENOSYS].contains(error.code) {
                // A file system without hard links: a rename, once nothing is there.
                guard FileSystem.kind(of: target) == .missing else { throw SystemCallError(EEXIST) }
                try FileSystem.rename(staged, to: target)
            }
        } catch {
            throw FileSystemError("write", shown, error.code == EEXIST ? SystemCallError(EEXIST, detail: "something appeared there while evident init was writing") : error)
        }
        files.append(target)
    }

    /// Removes what was put in place, newest first.
    func undo() {
        for file in files.reversed() { unlink(file) }
        for folder in folders.reversed() { rmdir(folder) }
    }
}
