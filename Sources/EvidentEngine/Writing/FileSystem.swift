import Foundation

/// The few POSIX file operations Evident writes with, each failing with its `errno` (as a
/// `SystemCallError`) instead of an opaque Foundation error, and none following a symbolic link
/// at the path it creates.
enum FileSystem {
    /// What a path names, without following a symbolic link there.
    enum Kind: Equatable {
        case missing
        case file
        case folder
        case symbolicLink
        /// A device, a socket, a pipe.
        case other
    }

    static func kind(of path: String) -> Kind {
        var status = stat()
        guard lstat(path, &status) == 0 else { return .missing }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    /// The device a path is on (following links, as `rename` sees the folder it renames within).
    static func device(of path: String) throws(SystemCallError) -> UInt64 {
        var status = stat()
        guard stat(path, &status) == 0 else { throw .last }
        return UInt64(status.st_dev)
    }

    /// Creates `path` with `bytes` and flushes it to the disk; fails if anything is already
    /// there (a symbolic link included). A failed write leaves no file behind.
    static func createFile(_ path: String, bytes: [UInt8], permissions: mode_t = 0o666) throws(SystemCallError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, permissions)
        guard descriptor >= 0 else { throw .last }
        do throws(SystemCallError) {
            try write(bytes, to: descriptor)
            // An explicit mode is the caller's (a hook must be executable whatever the umask).
            if permissions != 0o666, fchmod(descriptor, permissions) != 0 { throw SystemCallError.last }
            guard fsync(descriptor) == 0 else { throw SystemCallError.last }
        } catch {
            close(descriptor)
            unlink(path)
            throw error
        }
        // close() reports a deferred write error on some file systems (NFS).
        guard close(descriptor) == 0 else {
            let failure = SystemCallError.last
            unlink(path)
            throw failure
        }
    }

    private static func write(_ bytes: [UInt8], to descriptor: Int32) throws(SystemCallError) {
        var failure: SystemCallError?
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = .last
                    return
                }
                offset += written
            }
        }
        if let failure { throw failure }
    }

    /// A regular file's bytes; nil when it is missing or is not a regular file.
    static func contents(of path: String) -> [UInt8]? {
        guard kind(of: path) == .file, let data = FileManager.default.contents(atPath: path) else { return nil }
        return [UInt8](data)
    }

    /// Copies a regular file's bytes into a new file at `target`.
    static func copyFile(_ source: String, to target: String) throws(SystemCallError) {
        guard let bytes = contents(of: source) else { throw SystemCallError(ENOENT) }
        try createFile(target, bytes: bytes)
    }

    /// Replaces `target` with `source` in one step (rename(2)): a reader sees the old file or
    /// the new one, never a mixture.
    static func rename(_ source: String, to target: String) throws(SystemCallError) {
        guard Foundation.rename(source, target) == 0 else { throw .last }
    }

    /// Makes `target` name the same file as `source`, failing when anything is already at
    /// `target`: the one way to put a file in place that never replaces one that appeared since.
    static func link(_ source: String, to target: String) throws(SystemCallError) {
        guard Foundation.link(source, target) == 0 else { throw .last }
    }

    /// Removes a file (or a symbolic link); a missing one is not an error.
    static func removeFile(_ path: String) throws(SystemCallError) {
        guard unlink(path) == 0 || errno == ENOENT else { throw .last }
    }

    /// Creates a folder; an existing folder is not an error, anything else there is.
    static func makeFolder(_ path: String, permissions: mode_t = 0o777) throws(SystemCallError) {
        guard mkdir(path, permissions) != 0 else { return }
        let failure = SystemCallError.last
        if failure.code == EEXIST, kind(of: path) == .folder { return }
        throw failure
    }

    /// Creates `path` and whichever of its ancestors are missing, outermost first, and returns
    /// the ones it created. The nearest ancestor that exists must be a folder (or a link to
    /// one); when it is not, the error names it, as `shown` names paths.
    static func makeFolders(_ path: String, shown: (String) -> String) throws(SystemCallError) -> [String] {
        var missing: [String] = []
        var current = path
        while kind(of: current) == .missing, current != "/", !current.isEmpty {
            missing.append(current)
            current = (current as NSString).deletingLastPathComponent
        }
        var status = stat()
        if !missing.isEmpty || !current.isEmpty, stat(current.isEmpty ? "." : current, &status) == 0, status.st_mode & S_IFMT != S_IFDIR {
            throw SystemCallError(ENOTDIR, detail: "\(shown(current)) is a file, not a folder")
        }
        var created: [String] = []
        for folder in missing.reversed() {
            do {
                try makeFolder(folder)
            } catch {
                // The caller takes back what it is told was created; this is not told.
                for made in created.reversed() { rmdir(made) }
                throw error
            }
            created.append(folder)
        }
        return created
    }

    /// Removes a folder and everything in it, never following a symbolic link out of it.
    /// Best effort: it is used to clean up, where a failure must not hide the error being reported.
    static func removeTree(_ path: String) {
        switch kind(of: path) {
        case .missing: return
        case .folder:
            for entry in entries(of: path) { removeTree(path + "/" + entry) }
            rmdir(path)
        default:
            unlink(path)
        }
    }

    /// The names in a folder, "." and ".." left out; empty when it cannot be read.
    static func entries(of path: String) -> [String] {
        guard let folder = opendir(path) else { return [] }
        defer { closedir(folder) }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Flushes a folder's entries (a rename or a new file in it) to the disk. Best effort: some
    /// file systems cannot sync a folder.
    static func syncFolder(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
