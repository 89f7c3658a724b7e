import EvidentCore
import EvidentGit
import Foundation

/// What `evident init` should write: the categories in scope besides security, the
/// organization's name and the year of the first cycle.
public struct ScaffoldRequest: Sendable {
    public var folder: String
    /// Category names as given: each may hold several, comma-separated.
    public var categories: [String]
    public var organization: String
    public var year: Int

    public init(folder: String, categories: [String], organization: String, year: Int) {
        self.folder = folder
        self.categories = categories
        self.organization = organization
        self.year = year
    }
}

/// What `evident init` wrote and what it kept.
public struct ScaffoldOutcome: Sendable, Equatable {
    /// The categories in scope, in catalog order.
    public var categories: [TrustCategory]
    /// The folder, as an absolute standardized path.
    public var folder: String
    public var written: Int
    /// Files that already existed, which are never overwritten.
    public var kept: [String]
}

/// `evident init`: a starter program written into a folder, never overwriting a file.
public enum Scaffold {
    public static func write(_ request: ScaffoldRequest) throws(EngineError) -> ScaffoldOutcome {
        try request.validate()
        var scope: Set<TrustCategory> = [.security]
        for name in request.categories.flatMap({ $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }) where !name.isEmpty {
            guard let category = TrustCategory(rawValue: name) else {
                let suggestion = Suggestion.closest(to: name, among: TrustCategory.allCases.map(\.rawValue)).map { "; did you mean '\($0)'?" } ?? ""
                throw EngineError(.usage, "unknown category '\(name)'\(suggestion) (choose from \(TrustCategory.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            scope.insert(category)
        }
        let top = URL(fileURLWithPath: request.folder, isDirectory: true)
        // The mainline is the branch the repository is on (main, master, trunk...), else main.
        let branch = (try? Repository(discoveringFrom: top.path))?.headReferenceName
        let mainline = branch.flatMap { $0.hasPrefix("refs/heads/") ? String($0.dropFirst("refs/heads/".count)) : nil } ?? "main"
        let files = StarterProgram.files(categories: scope, organization: request.organization, year: request.year, mainline: mainline)
        var written = 0
        var kept: [String] = []
        for path in files.keys.sorted() {
            let url = top.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path) {
                kept.append(path)
                continue
            }
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(files[path]!.utf8).write(to: url, options: .withoutOverwriting)
                written += 1
            } catch {
                throw EngineError(.usage, "cannot write \(path): \(error.localizedDescription)")
            }
        }
        return ScaffoldOutcome(categories: TrustCategory.allCases.filter { scope.contains($0) }, folder: top.standardizedFileURL.path,
                               written: written, kept: kept)
    }
}
