import Foundation

/// A temporary folder that only the process that made it uses, for files that are not ready
/// to be seen yet. It holds an flock on itself for as long as that process lives, so a staging
/// folder whose lock is free was left by a process that was killed: `sweep` removes those (after
/// letting the caller finish what they had committed to).
///
/// Staging folders live outside the working tree (in `<git dir>/evident/tmp`), where a kill
/// that no clean-up survives leaves nothing `git add -A` could pick up.
final class StagingFolder {
    let path: String
    private var descriptor: Int32

    /// Makes a new staging folder `<area>/<prefix>-<pid>-<random>`, creating `area` if needed.
    init(in area: String, prefix: String) throws(SystemCallError) {
        try FileSystem.makeFolder(area)
        // A sweep in another process may take a folder in the instant between its creation and
        // its lock, and remove it; then another name is tried.
        for _ in 0..<8 {
            let path = "\(area)/\(prefix)-\(getpid())-\(String(UInt64.random(in: 0...UInt64.max), radix: 36))"
            guard mkdir(path, 0o700) == 0 else {
                if errno == EEXIST { continue }
                throw .last
            }
            let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if descriptor >= 0, flock(descriptor, LOCK_EX | LOCK_NB) == 0, Self.isStillNamed(path, by: descriptor) {
                self.path = path
                self.descriptor = descriptor
                return
            }
            if descriptor >= 0 { close(descriptor) }
        }
        throw SystemCallError(EBUSY, detail: "could not make a staging folder in \(area)")
    }

    /// Removes the folder and what it holds, and lets go of it.
    func remove() {
        guard descriptor >= 0 else { return }
        FileSystem.removeTree(path)
        close(descriptor)
        descriptor = -1
    }

    /// A folder the process drops without `remove()` is left as a killed process would leave it:
    /// unlocked, for the next `sweep`.
    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Removes the staging folders in `area` whose maker has died, first handing each to
    /// `recover`, which finishes what it had committed to, if anything, and says whether the
    /// folder can go (false keeps it for the next sweep). Folders still in use are left alone.
    static func sweep(_ area: String, prefix: String, recover: (String) -> Bool = { _ in true }) {
        for name in FileSystem.entries(of: area) where name.hasPrefix(prefix + "-") {
            let path = "\(area)/\(name)"
            guard FileSystem.kind(of: path) == .folder else {
                FileSystem.removeTree(path)
                continue
            }
            let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard descriptor >= 0 else { continue }
            defer { close(descriptor) }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0, isStillNamed(path, by: descriptor) else { continue }
            if recover(path) { FileSystem.removeTree(path) }
        }
    }

    /// Whether `path` still names the folder open as `descriptor` (a sweep has not removed it).
    private static func isStillNamed(_ path: String, by descriptor: Int32) -> Bool {
        var open = stat()
        var named = stat()
        return fstat(descriptor, &open) == 0 && lstat(path, &named) == 0 && open.st_ino == named.st_ino && open.st_dev == named.st_dev
    }
}
