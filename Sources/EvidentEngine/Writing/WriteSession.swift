import Foundation

/// The writes of one command into a repository's working tree, made the one safe way:
///
/// - under the repository's write lock (`WriteLock`), so commands never interleave their writes;
/// - staged in a folder of the git dir (`<git dir>/evident/tmp/`), never in the working tree,
///   so no temporary file can be committed by a `git add -A`, whatever kills the process;
/// - after a sweep of what killed commands left there: their staging folders are removed, and a
///   record replacement that had reached its commit point is finished (`RecordReplacement`);
/// - each file put in place by a rename(2), so a reader sees the old file or the new one.
///
/// When the git dir is on another file system than the folder written to (rename cannot cross
/// file systems), a file is staged in the git dir, copied next to its destination under a
/// hidden temporary name and renamed from there; that name is noted in the staging folder
/// first, so if the process is killed in between, the next command's sweep removes it.
final class WriteSession {
    /// The working tree's top, without a trailing slash.
    let top: String
    /// `<git dir>/evident`.
    let evidentFolder: String
    let staging: StagingFolder
    /// The test seam (nil outside tests).
    let faults: WriteFaults?
    private let lock: WriteLock

    static let stagingPrefix = "write"
    /// The list, in a staging folder, of temporary files made outside it (see the type's comment).
    static let outsideList = "outside"

    init(top: URL, gitDirectory: URL, timeout: Duration = WriteLock.defaultTimeout, faults: WriteFaults? = nil) throws(FileSystemError) {
        self.top = Self.plain(top)
        self.faults = faults
        evidentFolder = Self.plain(gitDirectory) + "/evident"
        let shownFolder = Self.shown(evidentFolder, under: self.top)
        do {
            try FileSystem.makeFolder(evidentFolder)
        } catch {
            throw FileSystemError("create the folder", shownFolder, error)
        }
        lock = try WriteLock(file: evidentFolder + "/write.lock", shown: shownFolder + "/write.lock", timeout: timeout)
        let area = evidentFolder + "/tmp"
        StagingFolder.sweep(area, prefix: Self.stagingPrefix) { [top = self.top] folder in Self.recover(folder, top: top) }
        do {
            staging = try StagingFolder(in: area, prefix: Self.stagingPrefix)
        } catch {
            throw FileSystemError("create a staging folder in", Self.shown(area, under: self.top), error)
        }
    }

    /// Removes what the session staged; the lock goes with the session. A killed write (the
    /// test seam) leaves everything as a kill would.
    func finish() {
        guard !faults.killed else { return }
        staging.remove()
    }

    /// A path as messages show it: relative to the working tree's top when inside it.
    func shown(_ path: String) -> String {
        Self.shown(path, under: top)
    }

    /// Creates the folders of `relative` (a path under the top) that are missing, outermost
    /// first. A component that is a file or a symbolic link is an error that names it: nothing
    /// is written through a link.
    func makeFolders(_ relative: String) throws(FileSystemError) {
        var path = top
        for component in relative.split(separator: "/") where component != "." {
            path += "/" + component
            switch FileSystem.kind(of: path) {
            case .folder:
                continue
            case .missing:
                do {
                    try FileSystem.makeFolder(path)
                } catch {
                    throw FileSystemError("create the folder", shown(path), error)
                }
            case .symbolicLink:
                throw FileSystemError("create the folder", shown(top + "/" + relative), reason: "\(shown(path)) is a symbolic link, which Evident does not write through")
            case .file, .other:
                throw FileSystemError("create the folder", shown(top + "/" + relative), reason: "\(shown(path)) is a file, not a folder")
            }
        }
    }

    /// Creates the folder at `path` (absolute) and its missing ancestors, unless it is one
    /// already (or a link to one): inside the top as `makeFolders(_:)` does, elsewhere (a hooks
    /// folder outside the working tree) following links.
    func makeFolders(at path: String) throws(FileSystemError) {
        var status = stat()
        if path == top || (stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR) { return }
        if path.hasPrefix(top + "/") {
            try makeFolders(String(path.dropFirst(top.count + 1)))
            return
        }
        do {
            _ = try FileSystem.makeFolders(path, shown: shown)
        } catch {
            throw FileSystemError("create the folder", shown(path), error)
        }
    }

    /// Replaces (or creates) the file at `path` with `bytes` in one step; its folder must exist.
    /// A symbolic link there is replaced, not followed.
    func replaceFile(_ path: String, with bytes: [UInt8], permissions: mode_t = 0o666) throws(FileSystemError) {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        if FileSystem.kind(of: path) == .folder {
            throw FileSystemError("write", shown(path), SystemCallError(EISDIR))
        }
        let staged = try stage(bytes, as: name, permissions: permissions, destinationFolder: folder, shownAs: shown(path))
        do {
            try FileSystem.rename(staged, to: path)
        } catch {
            try? FileSystem.removeFile(staged)
            throw FileSystemError("write", shown(path), error)
        }
        FileSystem.syncFolder(folder)
    }

    /// Writes `bytes` where a rename can move them to `destinationFolder` from: the staging
    /// folder when it is on the same file system, else a hidden temporary file in the folder
    /// itself, noted for the sweep. Returns the staged file's path.
    func stage(_ bytes: [UInt8], as name: String, permissions: mode_t = 0o666, destinationFolder: String, shownAs shownPath: String) throws(FileSystemError) -> String {
        let staged: String
        if try isSameFileSystem(destinationFolder, shownAs: shownPath) {
            staged = staging.path + "/" + String(UInt64.random(in: 0...UInt64.max), radix: 36) + "-" + name
        } else {
            staged = destinationFolder + "/" + Self.outsideTemporaryName(for: name)
        }
        do {
            if !staged.hasPrefix(staging.path + "/") { try Self.note(outside: staged, in: staging.path) }
            try FileSystem.createFile(staged, bytes: bytes, permissions: permissions)
        } catch {
            throw FileSystemError("write", shownPath, error)
        }
        return staged
    }

    /// Whether `folder` is on the staging folder's file system.
    func isSameFileSystem(_ folder: String, shownAs shownPath: String) throws(FileSystemError) -> Bool {
        do {
            return try FileSystem.device(of: folder) == FileSystem.device(of: staging.path)
        } catch {
            throw FileSystemError("write", shownPath, error)
        }
    }

    /// The hidden name of a temporary file made next to its destination: one a sweep recognises.
    static func outsideTemporaryName(for name: String) -> String {
        ".\(name).evident-\(getpid())-\(String(UInt32.random(in: 0...UInt32.max), radix: 36)).tmp"
    }

    static func isOutsideTemporaryName(_ name: String) -> Bool {
        name.hasPrefix(".") && name.hasSuffix(".tmp") && name.contains(".evident-")
    }

    /// Adds a temporary file made outside a staging folder to the folder's list, before it is made.
    static func note(outside path: String, in staging: String) throws(SystemCallError) {
        let list = staging + "/" + outsideList
        let lines = (FileSystem.contents(of: list) ?? []) + Array((path + "\n").utf8)
        let next = list + ".new"
        try FileSystem.removeFile(next)
        try FileSystem.createFile(next, bytes: lines)
        try FileSystem.rename(next, to: list)
    }

    /// What the sweep does with a killed command's staging folder before removing it: finish
    /// the record replacement it had committed to, and remove the temporary files it had made
    /// outside the folder. Returns whether the folder can go (not while a replacement it holds
    /// could not be finished: the next run tries again).
    private static func recover(_ folder: String, top: String) -> Bool {
        if let list = FileSystem.contents(of: folder + "/" + outsideList) {
            for line in String(decoding: list, as: UTF8.self).split(separator: "\n") {
                let path = String(line)
                if isOutsideTemporaryName((path as NSString).lastPathComponent) { try? FileSystem.removeFile(path) }
            }
        }
        return RecordReplacement.finishInterrupted(journal: folder + "/" + RecordReplacement.journalName, top: top)
    }

    private static func plain(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        return path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    static func shown(_ path: String, under top: String) -> String {
        path.hasPrefix(top + "/") ? String(path.dropFirst(top.count + 1)) : path
    }
}
