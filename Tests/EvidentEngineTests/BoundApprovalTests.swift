import EvidentCore
import EvidentEngine
import Foundation
import GitFixtures
import Testing

/// An approval counts only when the history binds it to the approver: the author of the commit
/// that added the entry (on the mainline or a merged side branch), or the committer of the
/// mainline commit carrying an `Approved-by:` trailer. Each forgery is planted beside its
/// fixed twin.
@Suite struct BoundApprovalTests {
    static let alice = ("Alice Smith", "alice@example.com")
    static let dave = ("Dave Approver", "dave@example.com")
    static let policy = "policies/POL-ACCESS-CONTROL.md"

    private static func text(version: String, approvals: [String]) -> String {
        ExampleProgram.policy("access-control", version: version, approvals: approvals, body: "Policy text, version \(version).")
    }

    /// The example program landed (and approved) in January; Alice rewrites the access policy as
    /// 1.1 in May; then `approve` adds (or forges) the approval.
    private func program(in folder: TemporaryDirectory, approve: (inout FixtureRepository) throws -> Void) throws -> AuditRun {
        var fixture = try FixtureRepository(in: folder.url)
        var files = ExampleProgram.base.mapValues { Optional($0) }
        files["evident.yaml"] = ExampleProgram.base["evident.yaml"]!.replacingOccurrences(
            of: "dave: {name: Dave Approver, email: dave@example.com}", with: "dave: {name: Dave Approver, email: dave@example.com, emails: [d@corp.example]}")
        files["risk/risk-assessment.md"] = "---\nkind: risk-assessment\n---\nRegister.\n"
        files["audits/2026/interviews/alice.md"] = "Notes"
        try fixture.commitApproved(files, on: "2026-01-10", message: "Program")
        try fixture.commit([Self.policy: Self.text(version: "1.1", approvals: ["1.0"])], on: "2026-05-01", message: "Access policy 1.1", author: Self.alice)
        try approve(&fixture)
        return try ComplianceRepository(discoveringFrom: fixture.url.path).audit(AuditRequest(clock: Day("2026-06-15")))
    }

    private func policyFindings(_ run: AuditRun) -> [String] {
        run.findings.filter { $0.code.hasPrefix("POL-") }.map { "\($0.code) \($0.subject)" }.sorted()
    }

    @Test func aForgedEntryApprovesNothing() throws {
        let folder = try TemporaryDirectory()
        let run = try program(in: folder) { fixture in
            try fixture.commit([Self.policy: Self.text(version: "1.1", approvals: ["1.0", "1.1"])], on: "2026-05-02", message: "Approved", author: Self.alice)
        }
        // The change the forged entry claims to approve is the forgery's finding, not a second one.
        #expect(policyFindings(run) == ["POL-APPROVAL-UNBOUND POL-ACCESS-CONTROL"])
        let unbound = try #require(run.findings.first { $0.code == "POL-APPROVAL-UNBOUND" })
        #expect(unbound.items == ["1.1"])
        #expect(unbound.message.contains("was authored by Alice Smith <alice@example.com>, not by dave"), "\(unbound.message)")
    }

    @Test func theApproverAddingTheEntryInHisOwnCommitIsBound() throws {
        let folder = try TemporaryDirectory()
        let run = try program(in: folder) { fixture in
            try fixture.commit([Self.policy: Self.text(version: "1.1", approvals: ["1.0", "1.1"])], on: "2026-05-02", message: "Approve 1.1", author: Self.dave)
        }
        #expect(policyFindings(run).isEmpty)
        let approvals = try #require(run.record.policies.first { $0.id == "POL-ACCESS-CONTROL" }?.approvals)
        #expect(approvals.map(\.version) == ["1.0", "1.1"])
        #expect(approvals.map(\.binding) == [.committer, .author])
    }

    @Test func aTrailerInTheAuthorsOwnCommitIsUnbound() throws {
        let folder = try TemporaryDirectory()
        let run = try program(in: folder) { fixture in
            try fixture.commit([Self.policy: Self.text(version: "1.1", approvals: ["1.0"]) + "\n"], on: "2026-05-02",
                               message: "Tidy\n\nApproved-by: Dave Approver <dave@example.com>", author: Self.alice)
        }
        // Both text changes (May 1 and the trailer's own) stay unapproved; the trailer claims
        // their version, so they are the unbound claim's one finding.
        #expect(policyFindings(run) == ["POL-APPROVAL-UNBOUND POL-ACCESS-CONTROL"])
        #expect(run.findings.first { $0.code == "POL-APPROVAL-UNBOUND" }?.items == ["1.1"])
    }

    /// A maintainer applying the author's patch: committed by dave from his other address.
    @Test func theCommitterOfATrailerIsBoundThroughAnyOfHisAddresses() throws {
        let folder = try TemporaryDirectory()
        let run = try program(in: folder) { fixture in
            try fixture.commit([Self.policy: Self.text(version: "1.1", approvals: ["1.0"]) + "\n"], on: "2026-05-02",
                               message: "Tidy\n\nApproved-by: Dave Approver <dave@example.com>", author: Self.alice, committer: ("Dave", "D@corp.example"))
        }
        #expect(policyFindings(run).isEmpty)
    }

    /// An entry that came in through a merge is bound by the side-branch commit that added it,
    /// whoever made the merge.
    @Test(arguments: [true, false])
    func anEntryFromASideBranchIsBoundByItsAuthor(daveWroteIt: Bool) throws {
        let folder = try TemporaryDirectory()
        let run = try program(in: folder) { fixture in
            try Git.run(["checkout", "-q", "-b", "approval"], in: fixture.url)
            try fixture.commit([Self.policy: Self.text(version: "1.1", approvals: ["1.0", "1.1"])], on: "2026-05-02", message: "Approve 1.1",
                               author: daveWroteIt ? Self.dave : Self.alice)
            try Git.run(["checkout", "-q", "main"], in: fixture.url)
            try fixture.commit(["README.md": "main moved"], on: "2026-05-03", author: Self.alice)
            try Git.run(["merge", "-q", "--no-ff", "-m", "Merge the approval", "approval"], in: fixture.url,
                        environment: Git.environment(time: 1_778_000_000, name: Self.alice.0, email: Self.alice.1))
        }
        #expect(policyFindings(run) == (daveWroteIt ? [] : ["POL-APPROVAL-UNBOUND POL-ACCESS-CONTROL"]))
    }

    /// With signing required, Dave's own commit binds only when its signature verifies for him:
    /// a good signature by Alice's key is Alice's.
    @Test(arguments: [true, false])
    func aSignatureMustVerifyForTheApprover(signedByDave: Bool) throws {
        let folder = try TemporaryDirectory()
        var keys: [String: URL] = [:]
        for person in ["dave", "alice"] {
            keys[person] = folder.path("\(person)-key")
            _ = try Process.capture(executable: "/usr/bin/env", arguments: ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", person, "-f", keys[person]!.path], in: folder.url)
        }
        func publicKey(_ person: String) throws -> String {
            String(decoding: try Data(contentsOf: URL(fileURLWithPath: keys[person]!.path + ".pub")), as: UTF8.self)
        }
        let signers = "dave@example.com namespaces=\"git\" \(try publicKey("dave"))alice@example.com namespaces=\"git\" \(try publicKey("alice"))"
        let run = try program(in: folder) { fixture in
            let config = try String(contentsOf: fixture.url.appendingPathComponent("evident.yaml"), encoding: .utf8)
                + "trust: {require_signed: true, allowed_signers: .evident/allowed_signers}\n"
            try fixture.commitApproved(["evident.yaml": config, ".evident/allowed_signers": signers], on: "2026-05-02", message: "Signing")
            try Data(Self.text(version: "1.1", approvals: ["1.0", "1.1"]).utf8).write(to: fixture.url.appendingPathComponent(Self.policy))
            try Git.run(["add", "-A"], in: fixture.url)
            let key = keys[signedByDave ? "dave" : "alice"]!
            try Git.run(["-c", "gpg.format=ssh", "-c", "user.signingkey=\(key.path)", "commit", "-q", "-S", "-m", "Approve 1.1"], in: fixture.url,
                        environment: Git.environment(time: 1_778_100_000, name: Self.dave.0, email: Self.dave.1))
        }
        // The program's January approvals predate signing and are unsigned; what matters here is 1.1.
        let approvals = try #require(run.record.policies.first { $0.id == "POL-ACCESS-CONTROL" }?.approvals)
        #expect(approvals.map(\.version) == (signedByDave ? ["1.1"] : []))
        let forged = run.findings.filter { $0.code == "POL-APPROVAL-UNBOUND" && $0.message.contains("version 1.1") }
        #expect(forged.count == (signedByDave ? 0 : 1))
        #expect(forged.allSatisfy { $0.message.contains("has no signature that verifies for dave") }, "\(forged.map(\.message))")
    }
}
