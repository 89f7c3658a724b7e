import Foundation

/// A repository an attacker wrote, in a sandbox folder that lets a test see whether a command
/// read, echoed or wrote anything outside it.
///
/// The sandbox holds `sentinel/secret.txt` and `parent/x/` (files whose text is `secret`, for a
/// command to leak if it follows a link or a `..`) and the repository at `parent/repo`, so that
/// `audits/../../../outside/pwn` lands in the sandbox, where `outsideFiles()` sees it.
///
/// Each `Family` is one repository: the cases that must be rejected (exit 2 or 3) live apart
/// from the ones that must render, so that a refusal never hides an output case.
public struct HostileCorpus {
    public enum Family: String, CaseIterable, Sendable, CustomStringConvertible {
        /// Hostile text in file names, titles, people, authors, messages and trailers, far
        /// time zones, an author date in year 10000, two cycles: everything renders, in every format.
        case content
        /// CRLF line endings and a UTF-8 byte-order mark in every kind of file Evident parses.
        case encodings
        /// `evident.yaml` is a link to a file outside the repository.
        case configurationLink
        /// An evidence file and `.github/CODEOWNERS` are links to a file outside the repository.
        case links
        /// `root: ../x` and `paths.evidence: ../../../../etc`.
        case paths
        /// A cycle id `../../../outside/pwn`, a 10 000-year window and a GitHub handle with a newline.
        case identifiers
        /// A mainline commit committed in year 10000, a time zone of +14:00 and one of −99:59:
        /// shown as they are.
        case farFuture
        /// A mainline commit dated year −1.
        case yearMinusOne
        /// A mainline commit whose timestamp overflows 64 bits.
        case overflowingDate

        public var description: String { rawValue }
    }

    /// The text of every file outside the repository: no output may contain it.
    public static let secret = "EVIDENT-CORPUS-SECRET-7f3a9c"

    public let family: Family
    public let sandbox: TemporaryDirectory
    public let url: URL

    /// Writes the family's repository, starting from `base` (the example program's files:
    /// `evident.yaml`, `controls/AC-01.md`, its policies and one evidence file).
    public init(_ family: Family, base: [String: String]) throws {
        self.family = family
        sandbox = try TemporaryDirectory("evident-corpus")
        let secretFile = "---\nid: AC-99\ntitle: \(Self.secret)\n---\n\(Self.secret)\n"
        for path in ["sentinel/secret.txt", "parent/x/controls/AC-99.md", "parent/x/evident.yaml"] {
            let file = sandbox.path(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(secretFile.utf8).write(to: file)
        }
        var repository = try FixtureRepository(in: sandbox.path("parent"))
        url = repository.url
        switch family {
        case .content: try Self.writeContent(&repository, base)
        case .encodings: try Self.writeEncodings(&repository, base)
        case .configurationLink: try Self.writeConfigurationLink(&repository, base)
        case .links: try Self.writeLinks(&repository, base)
        case .paths: try Self.writePaths(&repository, base)
        case .identifiers: try Self.writeIdentifiers(&repository, base)
        case .farFuture: try Self.writeDated(&repository, base, label: "year 10000", stamp: "253402300800 +1400", committerStamp: "253402300800 -9959")
        case .yearMinusOne: try Self.writeDated(&repository, base, label: "year -1", stamp: "-62198755200 +0000")
        case .overflowingDate: try Self.writeDated(&repository, base, label: "overflow", stamp: "99999999999999999999 -1200")
        }
    }

    // MARK: - What a test checks

    /// Every file and folder of the sandbox outside the repository, with its contents (a
    /// link's target): compare before and after a command.
    public func outsideFiles() throws -> [String: Data] {
        var found: [String: Data] = [:]
        let root = sandbox.url.resolvingSymlinksInPath().path
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let relative = enumerator?.nextObject() as? String {
            if relative == "parent/repo" { enumerator?.skipDescendants(); continue }
            let path = root + "/" + relative
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
                found[relative] = Data(("-> " + target).utf8)
            } else {
                found[relative] = FileManager.default.contents(atPath: path) ?? Data()
            }
        }
        return found
    }

    /// `git status --porcelain --ignored`, one path per entry (untracked folders listed whole).
    public func status() throws -> [String] {
        let output = try Git.run(["status", "--porcelain", "--ignored", "-z", "--untracked-files=all"], in: url)
        return output.split(separator: 0).map { String(decoding: $0.dropFirst(3), as: UTF8.self) }.sorted()
    }

    /// Files of the work tree (links not followed) whose bytes contain `secret`.
    public func filesHoldingTheSecret() -> [String] {
        var found: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: url.path)
        while let relative = enumerator?.nextObject() as? String {
            if relative == ".git" { enumerator?.skipDescendants(); continue }
            let path = url.path + "/" + relative
            guard (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) == nil,
                  let data = FileManager.default.contents(atPath: path) else { continue }
            if String(decoding: data, as: UTF8.self).contains(Self.secret) { found.append(relative) }
        }
        return found
    }

    // MARK: - The families

    /// Every hostile sample, joined: one value that carries them all.
    public static let allSamples = HostileText.samples.joined(separator: " ")

    /// Text the issue names beyond `HostileText.samples`: a quote, an apostrophe, an ampersand,
    /// a `javascript:` link, a line separator and a lone CR.
    public static let extraSamples = "\"'&`x` [x](javascript:alert(1)) \u{2028}line\rcr \u{85}nel \u{202E}rlo"

    private static func writeContent(_ repository: inout FixtureRepository, _ base: [String: String]) throws {
        var files = base.mapValues { Optional($0) }
        files["evident.yaml"] = base["evident.yaml"]!
            .replacingOccurrences(of: "organization: Example Corp", with: "organization: \(yaml(allSamples))\nsystem: \(yaml(extraSamples))")
            .replacingOccurrences(of: "name: Bob Jones,", with: "name: \(yaml(allSamples + extraSamples)),")
            .replacingOccurrences(of: "role: CISO", with: "role: \(yaml(HostileText.samples[4]))")
            .replacingOccurrences(of: "cycles:\n", with: "cycles:\n  - {id: \"2025\", type: 1, start: 2025-06-30, end: 2025-06-30, fieldwork: 2025-07-15}\n")
        files["controls/AC-01.md"] = base["controls/AC-01.md"]!
            .replacingOccurrences(of: "title: Example control", with: "title: \(yaml(allSamples + extraSamples))")
            .replacingOccurrences(of: "What the control does.", with: allSamples.replacingOccurrences(of: "\u{0}", with: "") + "\n" + extraSamples)
        for (path, text) in base where path.hasPrefix("policies/") {
            files[path] = text.replacingOccurrences(of: #"title: (.*) policy"#, with: NSRegularExpression.escapedTemplate(for: "title: \(yaml(allSamples + extraSamples))"),
                                              options: .regularExpression)
        }
        try repository.commitApproved(files, on: "2025-01-10", message: "Program")

        var evidence: [String: String?] = [:]
        for (index, name) in (HostileText.fileNames + [extraSamples.replacingOccurrences(of: "/", with: "-")]).enumerated() {
            evidence["evidence/AC-01/2026-02-\(10 + index)-\(name).md"] = "Reviewed \(index): \(allSamples)\n"
            evidence["evidence/AC-01/\(name).md"] = "Undated \(index).\n"
        }
        try repository.commit(evidence, on: "2026-05-01", message: allSamples)
        let hostileName = "::error title=pwn::\u{1B}[2J|a|b|\"\u{301}##[add-mask]x<script>alert(1)</script>\u{202E}'&"
        try rawCommit(in: repository, files: ["evidence/AC-01/2026-07-08-review.md": "Q3\n"],
                      author: "\(hostileName) <eve\u{1B}@example.com> 1783512000 +1400",
                      committer: "\(hostileName) <eve@example.com> 1783512000 -1200",
                      message: "\(allSamples)\n\n\(extraSamples)\n\nApproved-by: \(hostileName) <dave@example.com>\nCo-authored-by: x\n ::error::folded\n")
        try rawCommit(in: repository, files: ["evidence/AC-01/2026-10-08-review.md": "Q4\n"],
                      author: "Zone East <east@example.com> 1791460800 +9959", committer: "Zone West <west@example.com> 1791460800 -9959",
                      message: "Far time zones\n")
        try rawCommit(in: repository, files: ["evidence/AC-01/2026-10-09-review.md": "Q4 again\n"],
                      author: "Far Future <future@example.com> 253402300800 +0000", committer: "Zone West <west@example.com> 1791547200 +0000",
                      message: "Authored in year 10000\n")
    }

    private static func writeEncodings(_ repository: inout FixtureRepository, _ base: [String: String]) throws {
        let crlf = { (text: String) in text.replacingOccurrences(of: "\n", with: "\r\n") }
        var files = base.mapValues { Optional(crlf($0)) }
        files["evident.yaml"] = "\u{FEFF}" + crlf(base["evident.yaml"]!)
        files["controls/AC-01.md"] = "\u{FEFF}" + crlf(base["controls/AC-01.md"]!)
        files["evidence/AC-01/2026-01-15-review.meta.yaml"] = "\u{FEFF}performed_by: bob\r\nperformed_on: 2026-01-15\r\n"
        try repository.commitApproved(files, on: "2026-01-10", message: "Program\r\n\r\nWith CRLF")
    }

    private static func writeConfigurationLink(_ repository: inout FixtureRepository, _ base: [String: String]) throws {
        var files = base.mapValues { Optional($0) }
        files["evident.yaml"] = nil
        try repository.commitApproved(files, on: "2026-01-10", message: "Program")
        try link("evident.yaml", to: "../../sentinel/secret.txt", in: repository)
        try repository.commit([:], on: "2026-02-01", message: "Link the configuration")
    }

    private static func writeLinks(_ repository: inout FixtureRepository, _ base: [String: String]) throws {
        try repository.commitApproved(base.mapValues { Optional($0) }, on: "2026-01-10", message: "Program")
        try link("evidence/AC-01/2026-03-01-secret.md", to: "../../../../sentinel/secret.txt", in: repository)
        try link("evidence/AC-01/2026-04-01-folder", to: "../../../../sentinel", in: repository)
        try link(".github/CODEOWNERS", to: "../../../sentinel/secret.txt", in: repository)
        try repository.commit([:], on: "2026-05-01", message: "Links")
    }

    private static func writePaths(_ repository: inout FixtureRepository, _ base: [String: String]) throws {
        var files = base.mapValues { Optional($0) }
        files["evident.yaml"] = base["evident.yaml"]! + "root: ../x\npaths: {evidence: ../../../../etc}\n"
        try repository.commitApproved(files, on: "2026-01-10", message: "Program")
    }

    private static func writeIdentifiers(_ repository: inout FixtureRepository, _ base: [String: String]) throws {
        var files = base.mapValues { Optional($0) }
        files["evident.yaml"] = base["evident.yaml"]!
            .replacingOccurrences(of: "github: alice,", with: "github: \(yaml("good\n* @attacker")),")
            .replacingOccurrences(of: "  - {id: \"2026\"", with: """
                  - {id: "../../../outside/pwn", type: 2, start: 2025-01-01, end: 2025-12-31, fieldwork: 2026-01-25}
                  - {id: "forever", type: 2, start: 0000-01-01, end: 9999-12-31, fieldwork: 9999-12-31}
                  - {id: "2026"
                """)
        try repository.commitApproved(files, on: "2026-01-10", message: "Program")
    }

    /// The example program, then a commit dated `stamp` (its committer date `committerStamp`, if given).
    private static func writeDated(_ repository: inout FixtureRepository, _ base: [String: String], label: String, stamp: String,
                                   committerStamp: String? = nil) throws {
        try repository.commitApproved(base.mapValues { Optional($0) }, on: "2026-01-10", message: "Program")
        try rawCommit(in: repository, files: ["evidence/AC-01/2026-03-01-\(label).md": "\(label)\n"],
                      author: "Time Traveller <t@example.com> \(stamp)", committer: "Time Traveller <t@example.com> \(committerStamp ?? stamp)",
                      message: "Dated \(label)\n")
    }

    // MARK: - Building blocks

    /// Stages `files` and commits the index as a raw commit object with the given author and
    /// committer lines, which git's own commands would refuse to write; `main` moves to it.
    private static func rawCommit(in repository: FixtureRepository, files: [String: String], author: String, committer: String, message: String) throws {
        for (path, text) in files {
            let file = repository.url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
        try Git.run(["add", "-A"], in: repository.url)
        let tree = try Git.text(["write-tree"], in: repository.url)
        let parent = try Git.text(["rev-parse", "HEAD"], in: repository.url)
        let object = "tree \(tree)\nparent \(parent)\nauthor \(author)\ncommitter \(committer)\n\n\(message)"
        let id = try Git.text(["hash-object", "-t", "commit", "-w", "--literally", "--stdin"], in: repository.url, input: object)
        try Git.run(["update-ref", "refs/heads/main", id], in: repository.url)
    }

    private static func link(_ path: String, to target: String, in repository: FixtureRepository) throws {
        let file = repository.url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: file.path, withDestinationPath: target)
    }

    /// `value` as a YAML double-quoted scalar, every character YAML does not allow raw (and the
    /// separators and bidirectional controls) as a `\u` escape.
    public static func yaml(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar.value {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x20..<0x7F: out.unicodeScalars.append(scalar)
            case 0..<0xA0, 0x2028...0x202E, 0x2066...0x2069, 0xFEFF: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
