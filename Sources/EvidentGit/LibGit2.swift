import Foundation
import CLibGit2

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

    /// The message of the libgit2 call that just failed on this thread.
    static func lastErrorMessage() -> String {
        guard let error = git_error_last(), let message = error.pointee.message else {
            return "unknown libgit2 error"
        }
        return String(cString: message)
    }
}
