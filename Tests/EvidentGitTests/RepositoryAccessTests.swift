@testable import EvidentGit
import CLibGit2
import Foundation
import GitFixtures
import Testing

/// Opening a repository and finding its parts: branches (to tell a missing mainline from an
/// unreadable one), git's ownership refusal, and the hooks folder.
@Suite struct RepositoryAccessTests {
    @Test func referencesAreToldFromUnreadableTips() throws {
        let folder = try TemporaryDirectory()
        var fixture = try FixtureRepository(in: folder.url)
        try fixture.commit(["controls/AC-01.md": "one"])
        try Git.run(["branch", "feature/b"], in: fixture.url)
        try Git.run(["branch", "a"], in: fixture.url)
        try Data("1234567890123456789012345678901234567890\n".utf8).write(to: fixture.url.appendingPathComponent(".git/refs/heads/broken"))
        let repository = try Repository(discoveringFrom: fixture.url.path)
        #expect(repository.localBranchNames() == ["a", "broken", "feature/b", "main"])
        #expect(repository.namesReference("main") && repository.namesReference("refs/heads/feature/b"))
        #expect(repository.namesReference("broken"), "a branch whose commit is missing still names a reference")
        #expect(!repository.namesReference("trunk") && !repository.namesReference("refs/remotes/origin/main"))
        let error = try #require(throws: RepositoryError.self) { try repository.resolveCommit("broken") }
        #expect(error == .missingObject(ObjectID(hex: "1234567890123456789012345678901234567890")!, role: "the commit 'broken' points at"))
    }

    /// The decision alone, for every case: libgit2 says "owner" outright, or (version 1.5, with
    /// no safe.directory set anywhere) says "not found" for a repository that another user owns.
    @Test func ownershipRefusalsAreToldFromMissingRepositories() {
        let me: uid_t = 1000
        let eowner = GIT_EOWNER.rawValue, notFound = GIT_ENOTFOUND.rawValue
        #expect(RepositoryOwnership.refusal(status: eowner, folder: "/srv/repo", owners: [me, me], currentUser: me) == "/srv/repo")
        #expect(RepositoryOwnership.refusal(status: notFound, folder: "/srv/repo", owners: [0, 0], currentUser: me) == "/srv/repo")
        #expect(RepositoryOwnership.refusal(status: notFound, folder: "/srv/repo", owners: [me, 65534], currentUser: me) == "/srv/repo")
        #expect(RepositoryOwnership.refusal(status: notFound, folder: "/srv/repo", owners: [me, me], currentUser: me) == nil)
        #expect(RepositoryOwnership.refusal(status: notFound, folder: "/srv/repo", owners: [nil, nil], currentUser: me) == nil)
        #expect(RepositoryOwnership.refusal(status: GIT_ERROR.rawValue, folder: "/srv/repo", owners: [0, 0], currentUser: me) == nil)
        #expect(RepositoryOwnership.folder(ofGitDirectory: "/srv/repo/.git/") == "/srv/repo")
        #expect(RepositoryOwnership.folder(ofGitDirectory: "/srv/bare.git/") == "/srv/bare.git")
        #expect(RepositoryOwnership.folder(ofGitDirectory: "/.git/") == "/")
    }

    /// A folder that holds no repository is still "not a repository", not an ownership problem.
    @Test func aFolderWithoutRepositoryIsNotARefusal() throws {
        let folder = try TemporaryDirectory()
        #expect(throws: RepositoryError.notARepository(path: folder.url.path)) { try Repository(discoveringFrom: folder.url.path) }
        #expect(RepositoryOwnership.refusedFolder(openStatus: GIT_ENOTFOUND.rawValue, path: folder.url.path) == nil)
    }

    @Test func homeFoldersAreExpandedAsGitDoes() {
        let users = ["dave": "/home/dave", "root": "/root/"]
        func expand(_ path: String, home: String? = "/home/me") -> String? {
            HomeExpansion.expanded(path, home: home) { users[$0] }
        }
        #expect(expand("~/hooks") == "/home/me/hooks")
        #expect(expand("~") == "/home/me")
        #expect(expand("~/") == "/home/me/")
        #expect(expand("~dave/hooks") == "/home/dave/hooks")
        #expect(expand("~root/hooks") == "/root/hooks")
        #expect(expand("~dave") == "/home/dave")
        #expect(expand("~nobody-here/hooks") == nil)
        #expect(expand("~/hooks", home: nil) == nil)
        #expect(expand("~/hooks", home: "") == nil)
        #expect(expand("hooks/~") == "hooks/~")
        #expect(expand("/abs/~x") == "/abs/~x")
        #expect(HomeExpansion.homeFolder(ofUser: "root") != nil, "the user database is read")
    }

    @Test(arguments: [false, true])
    func hooksPathIsReadAsGitReadsIt(bare: Bool) throws {
        let folder = try TemporaryDirectory()
        let fixture = try FixtureRepository(in: folder.url, bare: bare)
        let repository = { try Repository(discoveringFrom: fixture.url.path) }
        let gitDirectory = bare ? fixture.url : fixture.url.appendingPathComponent(".git")
        #expect(try repository().hooksDirectory().standardizedFileURL.path == gitDirectory.appendingPathComponent("hooks").standardizedFileURL.path)
        let home = try #require(ProcessInfo.processInfo.environment["HOME"])
        let cases: [(setting: String, expected: String)] = [
            ("~/team-hooks", URL(fileURLWithPath: home).appendingPathComponent("team-hooks").path),
            ("~root/team-hooks", URL(fileURLWithPath: HomeExpansion.homeFolder(ofUser: "root")!).appendingPathComponent("team-hooks").path),
            ("relative/hooks", fixture.url.appendingPathComponent("relative/hooks").path),
            ("/opt/hooks", "/opt/hooks"),
        ]
        for (setting, expected) in cases {
            try Git.run(["config", "core.hooksPath", setting], in: fixture.url)
            #expect(try repository().hooksDirectory().standardizedFileURL.path == URL(fileURLWithPath: expected).standardizedFileURL.path, "\(setting)")
        }
        try Git.run(["config", "core.hooksPath", "~no-such-user-here/hooks"], in: fixture.url)
        #expect(throws: RepositoryError.unexpandablePath(setting: "core.hooksPath", value: "~no-such-user-here/hooks")) { try repository().hooksDirectory() }
    }
}
