import Foundation

/// The lock an Evident command holds while it writes into a repository: an flock(2) on
/// `<git dir>/evident/write.lock`, so two commands never interleave their writes (two audits
/// at once each replace the record as a set, one after the other).
///
/// The kernel releases an flock when its holder exits or is killed, so a lock is never stale;
/// the file's content (the holder's pid) is only there to name the holder in a message.
final class WriteLock {
    /// How long a command waits for another one's writes before giving up: writes under the
    /// lock take milliseconds, so a wait this long means the holder is stuck.
    static let defaultTimeout: Duration = .seconds(10)

    private let descriptor: Int32

    /// Takes the lock, waiting up to `timeout` for another holder to finish.
    /// - Parameter shown: the lock file as messages name it.
    init(file: String, shown: String, timeout: Duration = defaultTimeout) throws(FileSystemError) {
        let descriptor = open(file, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw FileSystemError("open the lock", shown, SystemCallError.last) }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let failure = SystemCallError.last
            guard failure.code == EWOULDBLOCK || failure.code == EINTR else {
                close(descriptor)
                throw FileSystemError("lock", shown, failure)
            }
            guard clock.now < deadline else {
                let holder = Self.holder(descriptor).map { "another Evident process (pid \($0))" } ?? "another Evident process"
                close(descriptor)
                throw FileSystemError("take the write lock", shown, reason: "\(holder) has held it for \(Self.words(for: timeout)) "
                                      + "while writing into this repository; try again when it has finished")
            }
            usleep(20_000)
        }
        self.descriptor = descriptor
        let pid = Array("\(getpid())\n".utf8)
        if ftruncate(descriptor, 0) == 0 {
            _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        }
    }

    /// Closing the file releases the lock; so does the process's death.
    deinit {
        close(descriptor)
    }

    /// "10 seconds", "300 ms".
    static func words(for duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        if seconds >= 1 { return seconds == 1 ? "1 second" : "\(seconds) seconds" }
        return "\(attoseconds / 1_000_000_000_000_000) ms"
    }

    /// The pid the holder wrote into the lock file, if it has yet.
    private static func holder(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
