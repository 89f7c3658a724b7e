import EvidentCore
import EvidentGit
import Foundation

/// What `evident init` should write: the categories in scope besides security, the
/// organization's name and when the first audit cycle runs.
public struct ScaffoldRequest: Sendable {
    public var folder: String
    /// Category names as given: each may hold several, comma-separated.
    public var categories: [String]
    public var organization: String
    public var cycle: CyclePlan

    public init(folder: String, categories: [String], organization: String, cycle: CyclePlan) {
        self.folder = folder
        self.categories = categories
        self.organization = organization
        self.cycle = cycle
    }

    /// The calendar year `year` as the first cycle.
    public init(folder: String, categories: [String], organization: String, year: Int) {
        self.init(folder: folder, categories: categories, organization: organization,
                  cycle: CyclePlan(today: Day(year: year, month: 1, day: 1)!, year: year))
    }
}

/// When the first audit cycle runs, as `init` was asked: from `start` or the first of January
/// of `year` (at most one of them), else from the first of the month after `today`; `months`
/// long (default 12); fieldwork on `fieldwork`, else a month after the window ends.
public struct CyclePlan: Sendable {
    public var today: Day
    public var start: Day?
    public var year: Int?
    public var months: Int?
    public var fieldwork: Day?

    public init(today: Day, start: Day? = nil, year: Int? = nil, months: Int? = nil, fieldwork: Day? = nil) {
        self.today = today
        self.start = start
        self.year = year
        self.months = months
        self.fieldwork = fieldwork
    }

    /// The cycle planned, or a usage error that names the option to fix.
    public func resolved() throws(EngineError) -> StarterCycle {
        if start != nil && year != nil {
            throw EngineError(.usage, "--start and --year both say when the window starts; give one of them")
        }
        let months = months ?? StarterCycle.defaultMonths
        guard StarterCycle.monthRange.contains(months) else {
            throw EngineError(.usage, "--months must be from \(StarterCycle.monthRange.lowerBound) to \(StarterCycle.monthRange.upperBound), not \(months)")
        }
        let first = start ?? year.flatMap { Day(year: $0, month: 1, day: 1) } ?? StarterCycle.defaultStart(after: today)
        let cycle = StarterCycle(start: first, months: months, fieldwork: fieldwork)
        if let fieldwork, fieldwork <= cycle.end {
            throw EngineError(.usage, "--fieldwork \(fieldwork) is not after the window's end (\(cycle.end)): fieldwork examines a window that has ended")
        }
        return cycle
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
    /// The first audit cycle written into evident.yaml (unless evident.yaml was kept).
    public var cycle: StarterCycle
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
        let cycle = try request.cycle.resolved()
        let top = URL(fileURLWithPath: request.folder, isDirectory: true)
        // The mainline is the branch the repository is on (main, master, trunk...), else main.
        let repository = try? Repository(discoveringFrom: top.path)
        let branch = repository?.headReferenceName
        let mainline = branch.flatMap { $0.hasPrefix("refs/heads/") ? String($0.dropFirst("refs/heads/".count)) : nil } ?? "main"
        let files = StarterProgram.files(categories: scope, organization: request.organization, cycle: cycle, mainline: mainline)
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
                               written: written, kept: kept, cycle: cycle)
    }
}
