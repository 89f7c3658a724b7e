import Foundation

/// What `git log --first-parent --no-renames --name-status -- ROOTS` says, parsed from its
/// NUL-separated output, for comparing Evident's history with git's event for event.
public struct GitLogReference: Sendable {
    public struct Commit: Equatable, Sendable {
        public var id: String
        public var committerTime: Int64
        public var authorName: String
        public var authorEmail: String
        public var authorTime: Int64
        public var committerName: String
        public var committerEmail: String
        /// `Key: value` lines from `%(trailers:only,unfold)`.
        public var trailers: [String]
    }

    public struct Event: Equatable, Sendable {
        public var status: String
        public var commit: Commit
    }

    /// Events per path (raw bytes), oldest first.
    public var events: [[UInt8]: [Event]]

    public static func read(repository: URL, revision: String, roots: [String]) throws -> GitLogReference {
        let format = "%x01%H%x02%ct%x02%an%x02%ae%x02%at%x02%cn%x02%ce%x02%(trailers:only,unfold)%x03"
        let output = try Git.run(
            ["--literal-pathspecs", "-c", "log.showSignature=false", "log", "--first-parent", "--no-renames", "--name-status", "-z",
             "--no-color", "--format=\(format)", revision, "--"] + roots,
            in: repository
        )
        var events: [[UInt8]: [Event]] = [:]
        for chunk in [UInt8](output).split(separator: 0x01, omittingEmptySubsequences: true) {
            guard let end = chunk.firstIndex(of: 0x03) else { continue }
            let fields = chunk[..<end].split(separator: 0x02, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            let commit = Commit(
                id: fields[0], committerTime: Int64(fields[1])!, authorName: fields[2], authorEmail: fields[3],
                authorTime: Int64(fields[4])!, committerName: fields[5], committerEmail: fields[6],
                trailers: fields[7].split(separator: "\n").map(String.init)
            )
            let tokens = chunk[(end + 1)...].split(separator: 0, omittingEmptySubsequences: false)
                .map { Array($0.drop { $0 == 0x0a }) }
                .filter { !$0.isEmpty }
            var index = 0
            while index + 1 < tokens.count {
                let status = String(decoding: tokens[index], as: UTF8.self)
                events[tokens[index + 1], default: []].append(Event(status: status, commit: commit))
                index += 2
            }
        }
        // git log lists newest first.
        return GitLogReference(events: events.mapValues { $0.reversed() })
    }
}
