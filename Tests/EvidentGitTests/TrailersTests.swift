import EvidentGit
import Foundation
import GitFixtures
import Testing

/// Trailers are found exactly where `git interpret-trailers --parse` finds them.
@Suite struct TrailersTests {
    static let messages = [
        "Subject only",
        "Subject: with colon",
        "Subject\n\nApproved-by: Dave <dave@example.com>\n",
        "Subject\n\nBody.\n\nApproved-by: Dave <dave@example.com>\nReviewed-by: Erin\nApproved-by: Frank\n",
        "Subject\n\nApproved-by: Dave\n  Approver <dave@example.com>\n",
        "Subject\n\nprose line\nKey: value\n",
        "Subject\n\nprose one\nprose two\nSigned-off-by: Carol <carol@example.com>\nKey: v\n",
        "Subject\n\nprose one\nprose two\nprose three\nprose four\nSigned-off-by: Carol <carol@example.com>\n",
        "Subject\n\nKey : spaced value  \nOther:compact\n",
        "Subject\n\nbody\n---\nKey: after divider\n",
        "Subject\n\nKey: before divider\n\n--- \nnot: trailers\n",
        "Subject\n\nBad Key: no\n",
        "Subject\n\n: no token\nKey: v\n",
        "Subject\n\nKey: v\n\n\n",
        "Subject\n\n(cherry picked from commit abc)\nKey: v\n",
        "Subject\n\nKey:\n",
        "Subject\n\nKey: one\n continued\n\tand tab\n",
        "",
    ]

    @Test(arguments: messages)
    func matchesGitInterpretTrailers(message: String) throws {
        let folder = try TemporaryDirectory()
        let expected = try Git.text(["interpret-trailers", "--parse"], in: folder.url, input: message)
        let actual = Trailers.parse(message: Array(message.utf8)).map { "\($0.key): \($0.value)" }
        #expect(actual == (expected.isEmpty ? [] : expected.split(separator: "\n").map(String.init)))
    }

    /// A message written with CR LF line ends (an editor on Windows, a tool that keeps them)
    /// gives the trailers git finds in it, without a CR in any key or value.
    @Test(arguments: messages.map { $0.replacingOccurrences(of: "\n", with: "\r\n") })
    func crlfMessagesMatchGitInterpretTrailers(message: String) throws {
        let folder = try TemporaryDirectory()
        let expected = try Git.text(["interpret-trailers", "--parse"], in: folder.url, input: message)
        let actual = Trailers.parse(message: Array(message.utf8))
        #expect(actual.map { "\($0.key): \($0.value)" } == (expected.isEmpty ? [] : expected.split(separator: "\n").map(String.init)))
        #expect(!actual.contains { $0.key.contains("\r") || $0.value.hasSuffix("\r") })
    }
}
