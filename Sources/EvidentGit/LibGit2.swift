import Foundation
import CLibGit2
import CLibGit2Startup

/// Process-wide libgit2 set-up, done once and never torn down (a CLI exits instead).
enum LibGit2 {
    static let initialized: Bool = {
        git_libgit2_init()
        // Objects are read raw and parsed here; libgit2's own object cache would only hold
        // memory (it defaults to 256 MiB). Pack delta bases keep their separate, bounded cache.
        _ = evident_git_enable_caching(ProcessInfo.processInfo.environment["EVIDENT_CACHE"] == nil ? 0 : 1)
        // git itself does not re-hash every object it reads; zlib and pack checksums still
        // catch damaged data, and this halves the cost of each read.
        _ = evident_git_set_strict_hash_verification(0)
        return true
    }()

    static func ensureInitialized() {
        _ = initialized
    }

    /// Starts the set-up on another thread, so the millisecond it takes overlaps with the
    /// caller's own start-up instead of adding to it. Any later libgit2 call waits for it.
    /// (It would take five times as long if libgit2 parsed the system's TLS trust store, which
    /// Evident never uses: `CLibGit2Startup` hands it an empty one.)
    static func beginInitializing() {
        Thread.detachNewThread { ensureInitialized() }
    }

    /// How many times libgit2 asked for the trust store and was given an empty one: once per
    /// process with a libgit2 built on mbedtls, never with one built on OpenSSL.
    static var emptyTrustStoresHandedOut: Int {
        Int(evident_trust_store_requests())
    }

    /// The message of the libgit2 call that just failed on this thread.
    static func lastErrorMessage() -> String {
        guard let error = git_error_last(), let message = error.pointee.message else {
            return "unknown libgit2 error"
        }
        return String(cString: message)
    }
}

/// The git library's process-wide state, as the layers above see it.
public enum GitLibrary {
    /// Starts setting libgit2 up in the background; call it first thing in a process that will
    /// open a repository. Calling it is optional: opening a repository sets the library up too.
    public static func prepare() {
        LibGit2.beginInitializing()
    }

    /// Waits until the files Evident writes on other threads (the persisted history index) are
    /// in place. Call it before the process exits.
    public static func finishPendingWrites() {
        BackgroundWrites.waitForAll()
    }
}

/// Writes done on another thread while the caller goes on; each replaces its file atomically.
enum BackgroundWrites {
    private static let group = DispatchGroup()

    static func start(_ write: @escaping @Sendable () -> Void) {
        DispatchQueue.global(qos: .utility).async(group: group, execute: write)
    }

    static func waitForAll() {
        group.wait()
    }
}
