@testable import EvidentGit
import Foundation
import Testing

/// libgit2's global init on Debian parses the system's TLS trust store through mbedtls; the
/// override in `CLibGit2Startup` hands it an empty one. These tests see that the override is
/// the function libgit2 actually calls, so the saving cannot silently disappear. (Every other test
/// opens repositories after this init, so they show that nothing else needed the trust store.)
@Suite struct LibGit2StartupTests {
    @Test func libgit2IsHandedAnEmptyTrustStoreOnce() throws {
        LibGit2.ensureInitialized()
        #if os(Linux)
        // Debian's libgit2 is built on mbedtls: its init asks for the trust store exactly once.
        let mbedtls = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mbedtls_ssl_init")
        try #require(mbedtls != nil, "this libgit2 is not built on mbedtls, so its init never reads the trust store")
        #expect(LibGit2.emptyTrustStoresHandedOut == 1)
        #endif
    }
}
