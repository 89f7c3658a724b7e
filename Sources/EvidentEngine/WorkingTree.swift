import EvidentCore
import Foundation

/// The repository's working tree, reached only through paths relative to its top.
///
/// Every read, listing and write the engine makes in a working tree goes through this type
/// (`init` uses it for the folder it scaffolds), and it keeps three promises:
/// - a path that is absolute or climbs out with `..` is refused before the file system sees it;
/// - no symbolic link is followed, on any component of a path: each component is looked at with
///   `lstat` from the top down, and the last one is opened with `O_NOFOLLOW`;
/// - a refusal names the path relative to the top, never what a link points at.
///
/// It guards against what the repository contains (a pull request can commit any link); it does
/// not guard against another process rearranging the folder while Evident runs.
struct WorkingTree {
    let top: URL

    /// What a path leads to, looked up component by component without following a link.
    enum Lookup: Equatable {
        case absent
        case file
        case folder
        /// A symbolic link at the path or at a folder on the way to it: the link's path.
        case symbolicLink(at: [UInt8])
        /// Something that is neither a file, a folder nor a link (a FIFO, a socket, a device), or
        /// a file where a folder was expected: the path where the walk stopped.
        case other(at: [UInt8])
    }

    /// The kind of one entry of a folder, as `lstat` tells it.
    enum Kind { case file, folder, symbolicLink, other }

    init(top: URL) {
        self.top = top
    }

    // MARK: Paths

    /// The path's bytes, with `.` components and repeated slashes dropped; empty for the top.
    /// An absolute path, a `..` component or a NUL byte is refused.
    static func bytes(of path: String) throws(WorkingTreeError) -> [UInt8] {
        guard !path.hasPrefix("/"), !path.utf8.contains(0) else { throw WorkingTreeError(path, .outside) }
        var components: [Substring] = []
        for component in path.split(separator: "/") where component != "." {
            guard component != ".." else { throw WorkingTreeError(path, .outside) }
            components.append(component)
        }
        return Array(components.joined(separator: "/").utf8)
    }

    /// What `path` leads to. A link anywhere on the way stops the walk there.
    func lookUp(_ path: [UInt8]) -> Lookup {
        guard !path.isEmpty else { return .folder }
        let components = path.split(separator: UInt8(ascii: "/"))
        var prefix: [UInt8] = []
        for (index, component) in components.enumerated() {
            prefix += (prefix.isEmpty ? [] : [UInt8(ascii: "/")]) + component
            let isLast = index == components.count - 1
            switch kind(of: prefix) {
            case nil: return .absent
            case .symbolicLink: return .symbolicLink(at: prefix)
            case .folder: if isLast { return .folder }
            case .file: return isLast ? .file : .other(at: prefix)
            case .other: return .other(at: prefix)
            }
        }
        return .folder
    }

    func lookUp(_ path: String) throws(WorkingTreeError) -> Lookup {
        lookUp(try Self.bytes(of: path))
    }

    /// What is at `path` itself, without following it. Only for a path whose folders were
    /// already looked up (a listing's children); `lookUp(_:)` checks every component.
    func kind(of path: [UInt8]) -> Kind? {
        withFileSystemPath(path) { path in
            var info = stat()
            guard lstat(path, &info) == 0 else { return nil }
            switch info.st_mode & S_IFMT {
            case S_IFREG: return .file
            case S_IFDIR: return .folder
            case S_IFLNK: return .symbolicLink
            default: return .other
            }
        }
    }

    // MARK: Reading

    /// The names in a folder, as the bytes `readdir` gives (without `.` and `..`). Only for a
    /// folder `lookUp(_:)` found to be one.
    func names(in folder: [UInt8]) -> [[UInt8]] {
        withFileSystemPath(folder) { path -> [[UInt8]] in
            guard let directory = opendir(path) else { return [] }
            defer { closedir(directory) }
            var names: [[UInt8]] = []
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
                if name != [UInt8(ascii: ".")] && name != [UInt8(ascii: "."), UInt8(ascii: ".")] { names.append(name) }
            }
            return names
        }
    }

    /// The bytes of the regular file at `path`; nil when nothing is there. A link on the way, or
    /// anything that is not a regular file, is refused.
    func contents(of path: [UInt8]) throws(WorkingTreeError) -> Data? {
        switch lookUp(path) {
        case .absent: return nil
        case .folder: throw WorkingTreeError(path, .notAFile)
        case .symbolicLink(let link): throw WorkingTreeError(link, .symbolicLink)
        case .other(let at): throw WorkingTreeError(at, at == path ? .notAFile : .notAFolder)
        case .file: break
        }
        let result: Result<Data, WorkingTreeError> = withFileSystemPath(path) { filePath in
            let descriptor = open(filePath, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            guard descriptor >= 0 else { return .failure(WorkingTreeError(path, .failed("read", errno))) }
            defer { close(descriptor) }
            var info = stat()
            guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return .failure(WorkingTreeError(path, .notAFile)) }
            var data = Data()
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = read(descriptor, &buffer, buffer.count)
                if count < 0 { return .failure(WorkingTreeError(path, .failed("read", errno))) }
                if count == 0 { return .success(data) }
                data.append(contentsOf: buffer[..<count])
            }
        }
        return try result.get()
    }

    func contents(of path: String) throws(WorkingTreeError) -> Data? {
        try contents(of: try Self.bytes(of: path))
    }

    // MARK: Writing

    /// Makes every missing folder of `path` (like `mkdir -p`), refusing a link or a file on the
    /// way, and returns the folder's URL.
    @discardableResult
    func makeFolders(_ path: String) throws(WorkingTreeError) -> URL {
        let bytes = try Self.bytes(of: path)
        var prefix: [UInt8] = []
        for component in bytes.split(separator: UInt8(ascii: "/")) {
            prefix += (prefix.isEmpty ? [] : [UInt8(ascii: "/")]) + component
            switch kind(of: prefix) {
            case .folder: continue
            case .symbolicLink: throw WorkingTreeError(prefix, .symbolicLink)
            case .file, .other: throw WorkingTreeError(prefix, .notAFolder)
            case nil:
                let made = withFileSystemPath(prefix) { mkdir($0, 0o777) == 0 ? 0 : errno }
                // Another process may have made it in the meantime; the next look tells.
                if made != 0 && made != EEXIST { throw WorkingTreeError(prefix, .failed("create the folder", made)) }
                guard kind(of: prefix) == .folder else { throw WorkingTreeError(prefix, .notAFolder) }
            }
        }
        return url(of: bytes)
    }

    /// Writes `data` to the file at `path`, whose folder must exist. With `replacing`, a file
    /// already there is overwritten; without, it is an error. A link there is never written through.
    func store(_ data: Data, at path: String, replacing: Bool) throws(WorkingTreeError) {
        let bytes = try Self.bytes(of: path)
        let parent = bytes.lastIndex(of: UInt8(ascii: "/")).map { Array(bytes[..<$0]) } ?? []
        switch lookUp(parent) {
        case .folder: break
        case .absent: throw WorkingTreeError(parent, .failed("write into", ENOENT))
        case .file: throw WorkingTreeError(parent, .notAFolder)
        case .symbolicLink(let link): throw WorkingTreeError(link, .symbolicLink)
        case .other(let at): throw WorkingTreeError(at, .notAFolder)
        }
        switch kind(of: bytes) {
        case .symbolicLink: throw WorkingTreeError(bytes, .symbolicLink)
        case .folder, .other: throw WorkingTreeError(bytes, .notAFile)
        case .file, nil: break
        }
        let flags = O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC | (replacing ? O_TRUNC : O_EXCL)
        let failure: Int32 = withFileSystemPath(bytes) { filePath in
            let descriptor = open(filePath, flags, 0o666)
            guard descriptor >= 0 else { return errno }
            var written = 0
            let status: Int32 = data.withUnsafeBytes { raw in
                while written < raw.count {
                    let count = write(descriptor, raw.baseAddress! + written, raw.count - written)
                    if count < 0 {
                        if errno == EINTR { continue }
                        return errno
                    }
                    written += count
                }
                return 0
            }
            let closed = close(descriptor) == 0 ? 0 : errno
            return status != 0 ? status : closed
        }
        if failure == ELOOP { throw WorkingTreeError(bytes, .symbolicLink) }
        if failure != 0 { throw WorkingTreeError(bytes, .failed("write", failure)) }
    }

    /// Writes `data` to `path` as a whole: into a temporary file beside it, then renamed over
    /// it, so a reader sees the old file or the new one. A link at `path` is refused, not replaced.
    func replace(_ path: String, with data: Data) throws(WorkingTreeError) {
        let bytes = try Self.bytes(of: path)
        if kind(of: bytes) == .symbolicLink { throw WorkingTreeError(bytes, .symbolicLink) }
        let name = bytes.split(separator: UInt8(ascii: "/")).last.map(Array.init) ?? []
        let parent = bytes.count > name.count ? Array(bytes[..<(bytes.count - name.count)]) : []
        let temporary = parent + Array(".".utf8) + name + Array(".\(ProcessInfo.processInfo.processIdentifier).evident-tmp".utf8)
        let temporaryPath = String(decoding: temporary, as: UTF8.self)
        try store(data, at: temporaryPath, replacing: true)
        let renamed = withFileSystemPath(temporary) { from in withFileSystemPath(bytes) { to in rename(from, to) == 0 ? 0 : errno } }
        if renamed != 0 {
            _ = withFileSystemPath(temporary) { unlink($0) }
            throw WorkingTreeError(bytes, .failed("write", renamed))
        }
    }

    /// The URL of a path already checked (by `makeFolders(_:)` or `lookUp(_:)`).
    func url(of path: [UInt8]) -> URL {
        path.isEmpty ? top : top.appendingPathComponent(String(decoding: path, as: UTF8.self))
    }

    /// `body` with the NUL-terminated absolute path of `relative` (bytes from the top).
    private func withFileSystemPath<T>(_ relative: [UInt8], _ body: (UnsafePointer<CChar>) -> T) -> T {
        let absolute = top.withUnsafeFileSystemRepresentation { Array(UnsafeBufferPointer(start: $0!, count: strlen($0!))) }.map { UInt8(bitPattern: $0) }
        let bytes = (relative.isEmpty ? absolute : absolute + [UInt8(ascii: "/")] + relative) + [0]
        return bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }
}

/// A working-tree path Evident refused or could not use, named relative to the top.
struct WorkingTreeError: Error, CustomStringConvertible {
    enum Reason: Equatable {
        /// Absolute, or climbing out of the repository with `..`.
        case outside
        case symbolicLink
        case notAFolder
        case notAFile
        /// The file system refused: what was being done, and `errno`.
        case failed(String, Int32)
    }

    var path: String
    var reason: Reason

    init(_ path: String, _ reason: Reason) {
        self.path = path
        self.reason = reason
    }

    init(_ path: [UInt8], _ reason: Reason) {
        self.init(String(decoding: path, as: UTF8.self), reason)
    }

    /// A path the repository's contents made unusable is bad input (2); a file system failure
    /// is the repository's (3).
    var status: ExitStatus {
        if case .failed = reason { return .repository }
        return .usage
    }

    var description: String {
        switch reason {
        case .outside: "'\(path)' is not a path inside the repository (it is absolute or climbs out with '..')"
        case .symbolicLink: "\(path) is a symbolic link; Evident never follows links in the working tree, so it neither reads nor writes what this one points at: replace it with the file or folder itself"
        case .notAFolder: "\(path) is not a folder"
        case .notAFile: "\(path) is not a regular file"
        case .failed(let action, let code): "cannot \(action) \(path): \(String(cString: strerror(code)))"
        }
    }
}
