import ArgumentParser
import EvidentCore
import EvidentGit
import EvidentReporting
import Foundation

/// `evident lint`: schema, references, coverage and ownership of the program.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check controls, policies, evidence and evident.yaml against the rules.",
        discussion: "With --staged, lints what the next commit will contain (the git index), which is what the pre-commit hook runs.")

    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case error, warning, info, never
    }

    @OptionGroup var repository: RepositoryOptions

    @Flag(help: "Lint the git index (what is about to be committed) instead of the working tree.")
    var staged = false

    @Option(help: "Output format: text, json, sarif, github or markdown.")
    var format: DiagnosticFormat = .text

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a diagnostic at or above this severity is found: error, warning, info or never.")
    var failOn: FailOn = .error

    @Flag(name: .customLong("list-rules"), help: "List the rules and exit.")
    var listRules = false

    @Flag(name: .customLong("no-history"), help: "Skip the rules that read the mainline history.")
    var noHistory = false

    @Option(help: ArgumentHelp("The mainline whose history proves approvals (default: 'mainline' in evident.yaml, else HEAD).", valueName: "ref"))
    var ref: String?

    @Option(help: ArgumentHelp("The day deadlines are measured against (default: today, UTC).", valueName: "YYYY-MM-DD"))
    var today: String?

    @Argument(help: "Only report problems in these files.")
    var paths: [String] = []

    func run() throws {
        if listRules {
            let listing: RuleDocumentation.Format = switch format {
            case .json: .json
            case .markdown: .markdown
            default: .text
            }
            FileHandle.standardOutput.write(Data(try RuleDocumentation.render(format: listing).utf8))
            return
        }
        let day = try parseDay(today)
        let repository = try repository.open()
        let layout = try programLayout(of: repository, staged: staged)
        let program: Program
        var stagedChanges: [StagedChange]?
        var previousPolicies: [String: Policy] = [:]
        do {
            let source: any ProgramFileSource
            if staged {
                let index = try GitFilesSource(stagedIn: repository, root: layout.root)
                stagedChanges = try changes(from: repository.headCommit(), to: index, repository: repository, root: layout.root)
                source = index
            } else {
                guard let top = repository.workingDirectory else {
                    throw CommandFailure(.usage, "a bare repository has no working tree to lint; use --staged or run in a clone")
                }
                source = WorkingTreeSource(top: top)
            }
            program = try Program.load(from: source)
            previousPolicies = try committedVersions(of: program.policies, changedIn: source, repository: repository)
        } catch let error as RepositoryError {
            throw CommandFailure(error)
        }

        var policyHistory: [String: PolicyProof]?
        if !noHistory && repository.headCommit() != nil {
            let revision = try mainlineRevision(explicit: ref, layout: program.configuration.layout, repository: repository)
            do {
                policyHistory = try PolicyHistory.proofs(repository: repository, revision: revision, layout: program.configuration.layout,
                                                         people: program.configuration.people)
            } catch {
                throw CommandFailure(error)
            }
        }
        let context = LintContext(program: program, policyHistory: policyHistory, stagedChanges: stagedChanges,
                                  previousPolicies: previousPolicies, today: day)
        let diagnostics = filtered(Linter().run(context), repository: repository)
        let rules = Linter.rules.map { $0.description }
        FileHandle.standardOutput.write(Data(try format.reporter.render(diagnostics, rules: rules).utf8))
        if let threshold = failOn.severity, diagnostics.contains(where: { $0.severity >= threshold }) {
            throw ExitCode(ExitStatus.findings.rawValue)
        }
    }

    /// Paths may be given relative to the repository top or as absolute paths.
    private func filtered(_ diagnostics: [Diagnostic], repository: Repository) -> [Diagnostic] {
        guard !paths.isEmpty else { return diagnostics }
        let top = repository.workingDirectory?.standardizedFileURL.path ?? ""
        let wanted = Set(paths.map { path -> String in
            var relative = path.hasPrefix(top + "/") ? String(path.dropFirst(top.count + 1)) : path
            if relative.hasPrefix("./") { relative.removeFirst(2) }
            return relative
        })
        return diagnostics.filter { wanted.contains($0.location.file) }
    }

    /// The policies as HEAD has them, for each policy file whose text the source changes.
    private func committedVersions(of policies: [Policy], changedIn source: some ProgramFileSource, repository: Repository) throws -> [String: Policy] {
        guard let head = repository.headCommit() else { return [:] }
        var committed: [String: GitFile] = [:]
        for folder in Set(policies.map { ($0.file as NSString).deletingLastPathComponent }) {
            for file in try repository.files(under: folder, at: head) { committed[file.path.description] = file }
        }
        var previous: [String: Policy] = [:]
        for policy in policies {
            guard let file = committed[policy.file], !file.isSubmodule else { continue }
            let text = try repository.blob(file.id)
            guard text != (try source.contents(of: policy.file)) else { continue }
            previous[policy.file] = Policy.parse(String(decoding: text, as: UTF8.self), file: policy.file)
        }
        return previous
    }

    /// What the index changes against HEAD under the program root.
    private func changes(from head: ObjectID?, to index: GitFilesSource, repository: Repository, root: String) throws(RepositoryError) -> [StagedChange] {
        var committed: [String: GitFile] = [:]
        if let head {
            for file in try repository.files(under: root, at: head) { committed[file.path.description] = file }
        }
        let filter = PrefixFilter(root)
        return GitFilesSource.changes(from: committed, to: index.files.filter { filter.contains($0.key) })
    }
}

/// Whether a path lies under a folder (`.` holds everything).
struct PrefixFilter {
    let folder: String

    init(_ folder: String) { self.folder = folder }

    func contains(_ path: String) -> Bool {
        folder == "." || path == folder || path.hasPrefix(folder + "/")
    }
}

extension DiagnosticFormat: ExpressibleByArgument {}
