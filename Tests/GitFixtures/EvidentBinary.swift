import Foundation

/// Runs the built `evident` executable, as a user would.
public enum EvidentBinary {
    public static var url: URL {
        get throws {
            let candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
                .map { $0.appendingPathComponent("evident") }
            guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
                throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: candidates[0].path])
            }
            return found
        }
    }

    public struct Result: Sendable {
        public var status: Int32
        public var output: String
        public var error: String
        public var outputData: Data
    }

    public static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Result {
        var merged = Git.isolated(environment)
        merged["CI"] = "true"
        let captured = try Process.capture(executable: try url.path, arguments: arguments, in: directory, environment: merged)
        return Result(
            status: captured.status,
            output: String(decoding: captured.standardOutput, as: UTF8.self),
            error: String(decoding: captured.standardError, as: UTF8.self),
            outputData: captured.standardOutput
        )
    }
}

/// Small repositories made commit by commit with the git CLI (loose objects, fixed dates).
public struct FixtureRepository {
    public let url: URL
    private var clock: Int64 = 1_767_225_600

    public init(in parent: URL, name: String = "repo", bare: Bool = false) throws {
        url = parent.appendingPathComponent(name, isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try Git.run(["init", "-q", "-b", "main"] + (bare ? ["--bare"] : []) + ["."], in: url)
    }

    /// Writes files (nil deletes), stages everything and commits with the next fixed date.
    /// Commits with the committer and author time set to noon UTC of `day` (YYYY-MM-DD).
    @discardableResult
    public mutating func commit(_ files: [String: String?], on day: String, message: String = "Change",
                                author: (String, String) = ("Fixture Author", "author@example.com"), committer: (name: String, email: String)? = nil) throws -> String {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        var components = DateComponents()
        (components.year, components.month, components.day, components.hour) = (parts[0], parts[1], parts[2], 12)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        clock = Int64(calendar.date(from: components)!.timeIntervalSince1970) - 86_400
        return try commit(files, message: message, author: author, committer: committer)
    }

    /// Dave, who approves the example program's policies.
    public static let approver = (name: "Dave Approver", email: "dave@example.com")

    /// Commits as `commit(_:on:)` does, committed by the approver with his `Approved-by:`
    /// trailer: the way a maintainer applies someone's patch, which binds his approval entries.
    @discardableResult
    public mutating func commitApproved(_ files: [String: String?], on day: String? = nil, message: String = "Change") throws -> String {
        let signed = "\(message)\n\nApproved-by: \(Self.approver.name) <\(Self.approver.email)>"
        if let day { return try commit(files, on: day, message: signed, committer: Self.approver) }
        return try commit(files, message: signed, committer: Self.approver)
    }

    @discardableResult
    public mutating func commit(_ files: [String: String?], message: String = "Change", author: (String, String) = ("Fixture Author", "author@example.com"),
                                committer: (name: String, email: String)? = nil) throws -> String {
        for (path, content) in files {
            let file = url.appendingPathComponent(path)
            if let content {
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(content.utf8).write(to: file)
            } else {
                try FileManager.default.removeItem(at: file)
            }
        }
        clock += 86_400
        try Git.run(["add", "-A"], in: url)
        try Git.run(["commit", "-q", "--allow-empty", "-m", message], in: url, environment: Git.environment(time: clock, name: author.0, email: author.1, committer: committer))
        return try Git.text(["rev-parse", "HEAD"], in: url)
    }
}
