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

/// `evident init`: a starter program written into a folder, all of it or nothing (`NewFiles`),
/// never overwriting a file.
public enum Scaffold {
    public static func write(_ request: ScaffoldRequest) throws(EngineError) -> ScaffoldOutcome {
        try write(request, faults: nil)
    }

    /// `write(_:)`, with the test seam.
    static func write(_ request: ScaffoldRequest, faults: WriteFaults?) throws(EngineError) -> ScaffoldOutcome {
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
        let repository = try? Repository(discoveringFrom: top.path)
        let branch = repository?.headReferenceName
        let mainline = branch.flatMap { $0.hasPrefix("refs/heads/") ? String($0.dropFirst("refs/heads/".count)) : nil } ?? "main"
        let files = StarterProgram.files(categories: scope, organization: request.organization, year: request.year, mainline: mainline)
        let newFiles = NewFiles(top: top.standardizedFileURL.path, files: files.mapValues { Array($0.utf8) })
        // Under the repository's write lock, so the check and the writing see the same folder.
        var session: WriteSession?
        if let repository, let workingDirectory = repository.workingDirectory {
            do {
                session = try WriteSession(top: workingDirectory, gitDirectory: repository.gitDirectory, faults: faults)
            } catch {
                throw EngineError(.usage, error.description)
            }
        }
        defer { session?.finish() }
        let plan = newFiles.plan()
        guard plan.conflicts.isEmpty else {
            let count = plan.conflicts.count
            // One line, as every error is: a message's lines could not be told from a value's.
            throw EngineError(.usage, "evident init wrote nothing: \(count == 1 ? "a path is" : "\(count) paths are") in the way in \(newFiles.top): "
                + plan.conflicts.map(\.description).joined(separator: "; ") + "; move \(count == 1 ? "it" : "them") aside and run evident init again")
        }
        do {
            try newFiles.write(plan, session: session, faults: faults)
        } catch {
            throw EngineError(.usage, "\(error.description); evident init wrote nothing")
        }
        let written = plan.writes.count
        let kept = plan.kept
        return ScaffoldOutcome(categories: TrustCategory.allCases.filter { scope.contains($0) }, folder: top.standardizedFileURL.path,
                               written: written, kept: kept)
    }
}
