import EvidentCore
import Foundation
import GitFixtures
import Testing

/// With trust.require_signed, an OpenPGP signature counts only when it verifies for the
/// committer: a good signature by someone else's key is theirs, and the commit is unsigned.
@Suite struct OpenPGPSignatureTests {
    @Test func aGoodSignatureByAnotherKeyIsTrustUnsigned() throws {
        let folder = try TemporaryDirectory()
        let home = folder.path("gnupg")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let gpg = ["GNUPGHOME": home.path]
        for uid in ["Mallory <mallory@example.com>", "Fixture Author <author@example.com>"] {
            _ = try Process.capture(executable: "/usr/bin/env", arguments: ["gpg", "--batch", "--passphrase", "", "--quick-gen-key", uid, "ed25519", "sign", "never"],
                                    in: folder.url, environment: ProcessInfo.processInfo.environment.merging(gpg) { $1 })
        }
        var fixture = try FixtureRepository(in: folder.url)
        var files = ExampleProgram.base.mapValues { Optional($0) }
        files["evident.yaml"] = ExampleProgram.base["evident.yaml"]! + "trust: {require_signed: true}\n"
        try fixture.commitApproved(files, on: "2026-01-10", message: "Program")
        func commit(_ path: String, key: String, day: String) throws -> String {
            try Data("evidence\n".utf8).write(to: fixture.url.appendingPathComponent(path))
            try Git.run(["add", "-A"], in: fixture.url)
            let time = Int64(Day(day)!.daysSinceEpoch) * 86_400 + 43_200
            try Git.run(["-c", "user.signingkey=\(key)", "commit", "-q", "-S", "-m", "Evidence"], in: fixture.url,
                        environment: Git.environment(time: time).merging(gpg) { $1 })
            return try Git.text(["rev-parse", "HEAD"], in: fixture.url)
        }
        let foreign = try commit("evidence/AC-01/2026-04-10-review.md", key: "mallory@example.com", day: "2026-04-11")
        let own = try commit("evidence/AC-01/2026-07-08-review.md", key: "author@example.com", day: "2026-07-09")
        let result = try EvidentBinary.run(["audit", "--dry-run", "--format", "json", "--fail-on", "never", "--now", "2026-12-20"], in: fixture.url, environment: gpg)
        #expect(result.status == 0, "\(result.error)")
        let record = try AuditRecord.read(result.outputData, file: "record.json")
        let flagged = Set(record.findings.filter { $0.code == "TRUST-UNSIGNED" }.flatMap(\.evidence))
        #expect(flagged.contains(foreign), "mallory's good signature is not the committer's")
        #expect(!flagged.contains(own), "a signature whose user id is the committer's verifies")
    }
}
