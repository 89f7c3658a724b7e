import Foundation

/// A file operation that failed, in words: what Evident was doing, to which file, and why —
/// "cannot write audits/2026/record.md: no space left on device".
///
/// Every writer (the record, `init`, the hook, CODEOWNERS, the OSCAL export) reports through
/// this one type, from the `errno` of the system call that failed, so a failure never surfaces
/// as an opaque code such as "Cocoa error 512".
public struct FileSystemError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was being done, as the verb phrase that follows "cannot": "write", "create the folder".
    public var action: String
    /// The file or folder, as the user knows it: relative to the repository's top when inside it.
    public var path: String
    /// Why, in words.
    public var reason: String

    public init(_ action: String, _ path: String, reason: String) {
        self.action = action
        self.path = path
        self.reason = reason
    }

    /// The failure of a system call, with its `errno`.
    init(_ action: String, _ path: String, _ failure: SystemCallError) {
        self.init(action, path, reason: failure.reason)
    }

    public var description: String { "cannot \(action) \(path): \(reason)" }

    /// Plain words for an `errno`, phrased for someone who asked Evident to write a file.
    public static func words(for code: Int32) -> String {
        switch code {
        case EACCES, EPERM: "permission denied"
        case ENOSPC: "no space left on device"
        case EDQUOT: "disk quota exceeded"
        case EROFS: "the file system is read-only"
        case ENOTDIR: "a part of the path is a file, not a folder"
        case EISDIR: "it is a folder, not a file"
        case EEXIST: "something already exists there"
        case ENOENT: "a folder on the way does not exist"
        case ENAMETOOLONG: "the name is too long"
        case ELOOP: "it is a symbolic link, which Evident does not write through"
        case EXDEV: "it is on another file system"
        case ENOTEMPTY: "the folder is not empty"
        case EBUSY, ETXTBSY: "it is in use"
        case EIO: "an input/output error (the disk may be failing)"
        case EMFILE, ENFILE: "too many open files"
        case EFBIG: "the file is too large"
        case EMLINK: "too many links"
        default: String(cString: strerror(code)).lowercased()
        }
    }
}

/// A system call's failure: its `errno`, or a more precise reason when the caller knows one
/// (which component of a path is in the way, for instance).
struct SystemCallError: Error, Sendable, Equatable {
    var code: Int32
    var detail: String?

    init(_ code: Int32, detail: String? = nil) {
        self.code = code
        self.detail = detail
    }

    /// The current `errno`.
    static var last: SystemCallError { SystemCallError(errno) }

    var reason: String { detail ?? FileSystemError.words(for: code) }
}
