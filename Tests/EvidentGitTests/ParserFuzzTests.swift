@testable import EvidentGit
import Foundation
import GitFixtures
import Testing

/// A bounded fuzz run of the parsers of what any committer writes: commit headers and the
/// trailers of commit messages. Fixed seeds, so a failure repeats.
@Suite struct GitParserFuzzTests {
    static let commitSeeds: [[UInt8]] = [
        "tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nparent 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nauthor A U Thor <a@example.com> 1767225600 +0100\ncommitter C O Mitter <c@example.com> 1767225600 -0530\n\nSubject\n\nApproved-by: Dave <dave@example.com>\n",
        "tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nauthor <> 0 +0000\ncommitter x <y> -62198755200 +1400\ngpgsig -----BEGIN PGP SIGNATURE-----\n abc\n -----END PGP SIGNATURE-----\n\nSigned\n",
        "tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nauthor Eve <e@x> 253402300800 +9959\ncommitter Eve <e@x> 99999999999999999999 -9959\nencoding ISO-8859-1\n\n",
    ].map { Array($0.utf8) }

    static let messageSeeds: [[UInt8]] = TrailersTests.messages.map { Array($0.utf8) }

    @Test func commitHeaders() throws {
        let id = try #require(ObjectID(hex: "4b825dc642cb6eb9a060e54bf8d69288fbee4904"))
        var mutator = Mutator(seed: 0xC0FF_EE00)
        for input in mutator.inputs(from: Self.commitSeeds, count: 3_000) {
            input.withUnsafeBufferPointer { buffer in
                do throws(RepositoryError) {
                    let info = try CommitParser.info(of: id, in: buffer)
                    for signature in [info.author, info.committer] {
                        #expect(abs(signature.offsetMinutes) <= 99 * 60 + 99, "\(signature)")
                        #expect(!signature.name.utf8.contains(UInt8(ascii: "\n")) && !signature.email.utf8.contains(UInt8(ascii: "\n")))
                    }
                } catch {
                    expectNamesTheCommit(error, id)
                }
                do throws(RepositoryError) {
                    let links = try CommitParser.links(of: id, in: buffer)
                    #expect(buffer.count >= 46, "\(links)")
                } catch {
                    expectNamesTheCommit(error, id)
                }
            }
        }
    }

    /// A commit the parser refuses is named, and the message (which quotes the header's
    /// bytes) is one line of text with no control character.
    private func expectNamesTheCommit(_ error: RepositoryError, _ id: ObjectID) {
        switch error {
        case .corruptObject(let named, _), .unusableDate(let named, _, _, _): #expect(named == id, "the error names the commit")
        default: Issue.record("not a refusal of the commit: \(error)")
        }
        #expect(!error.description.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, "\(error.description.debugDescription)")
    }

    /// Mutated messages never crash the parser; a few hundred of them (those git takes as text)
    /// give exactly the trailers `git interpret-trailers --parse` finds.
    @Test func trailersMatchGitOnMutatedMessages() throws {
        var mutator = Mutator(seed: 0x7EA1_1E25)
        let folder = try TemporaryDirectory()
        var compared = 0
        for (index, input) in mutator.inputs(from: Self.messageSeeds, count: 3_000).enumerated() {
            let trailers = Trailers.parse(message: input)
            #expect(trailers.allSatisfy { !$0.key.isEmpty }, "\(input)")
            guard index % 10 == 0, !input.contains(0), !input.contains(UInt8(ascii: "\r")), String(validating: input, as: UTF8.self) != nil else { continue }
            compared += 1
            let expected = try Git.text(["interpret-trailers", "--parse"], in: folder.url, input: String(decoding: input, as: UTF8.self))
            let lines = expected.isEmpty ? [] : expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(trailers.map { "\($0.key): \($0.value)" } == lines, "\(String(decoding: input, as: UTF8.self).debugDescription)")
        }
        #expect(compared > 150)
    }
}
