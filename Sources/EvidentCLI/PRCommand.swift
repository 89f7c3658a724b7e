import ArgumentParser
import EvidentCore
import EvidentGit
import EvidentReporting
import Foundation

/// `evident pr --base REF`: what a change does to the program, and who must approve it.
struct PRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pr",
        abstract: "Review a change to the program: controls and policies added, changed and removed, lint of the change, and the owners who must approve it.",
        discussion: """
            Compares the program at the merge base of --base and --head with the program at --head. \
            Evidence is append-only, so a change that modifies or deletes committed evidence is an error; \
            a policy text change without a version bump and an approval entry is a warning. \
            Use --format markdown for a pull-request comment or $GITHUB_STEP_SUMMARY, sarif for code \
            scanning, github for annotations.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown, sarif, github }

    @OptionGroup var repository: RepositoryOptions

    @Option(help: ArgumentHelp("The branch the change merges into, e.g. origin/main.", valueName: "ref"))
    var base: String

    @Option(help: ArgumentHelp("The change (default: HEAD).", valueName: "ref"))
    var head: String = "HEAD"

    @Option(help: "Output format: text, json, markdown, sarif or github.")
    var format: Format = .text

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a diagnostic at or above this severity is found: error, warning, info or never.")
    var failOn: LintCommand.FailOn = .error

    @Option(help: ArgumentHelp("The day deadlines are measured against (default: today, UTC).", valueName: "YYYY-MM-DD"))
    var today: String?

    func run() throws {
        let repository = try repository.open()
        let day = try parseDay(today)
        let review: ChangeReview
        let diagnostics: [Diagnostic]
        do {
            let baseCommit = try repository.resolveCommit(base).commit
            let headCommit = try repository.resolveCommit(head).commit
            guard let mergeBase = try repository.mergeBase(baseCommit, headCommit) else {
                throw CommandFailure(.repository, "\(base) and \(head) share no history; is --base the branch this change was made from?")
            }
            let before = try AuditRun.loadProgram(at: mergeBase, repository: repository)
            let after = try AuditRun.loadProgram(at: headCommit, repository: repository)
            let changes = try Self.changes(from: mergeBase, to: headCommit, repository: repository,
                                           roots: [before.configuration.layout.root, after.configuration.layout.root])
            let changed = Set(changes.map(\.path))
            // Each changed (or moved) policy as it was at the merge base, matched by id.
            let basePolicies = Dictionary(before.policies.map { ($0.id.value, $0) }) { first, _ in first }
            var previous: [String: Policy] = [:]
            for policy in after.policies {
                guard let old = basePolicies[policy.id.value], changed.contains(policy.file) || old.file != policy.file else { continue }
                previous[policy.file] = old
            }
            let linter = Linter()
            // What was already wrong before the change is not the change's to fix.
            let known = Set(linter.run(LintContext(program: before, today: day)).map { "\($0.ruleID)\u{0}\($0.message)" })
            diagnostics = linter.run(LintContext(program: after, stagedChanges: changes, previousPolicies: previous, today: day)).filter {
                changed.contains($0.location.file) || !known.contains("\($0.ruleID)\u{0}\($0.message)")
            }
            review = ChangeReview.make(base: before, head: after, changes: changes, diagnostics: diagnostics,
                                       baseRevision: base, headRevision: head, mergeBase: mergeBase.description)
        } catch {
            throw CommandFailure(wrapping: error)
        }
        let rules = Linter.rules.map { $0.description }
        let output: String = switch format {
        case .text: ChangeReviewRenderer.text(review)
        case .markdown: ChangeReviewRenderer.markdown(review)
        case .json: try JSONOutput.encode(review)
        case .sarif: try DiagnosticFormat.sarif.reporter.render(diagnostics, rules: rules)
        case .github: try DiagnosticFormat.github.reporter.render(diagnostics, rules: rules)
        }
        FileHandle.standardOutput.write(Data(output.utf8))
        if let threshold = failOn.severity, diagnostics.contains(where: { $0.severity >= threshold }) {
            throw ExitCode(ExitStatus.findings.rawValue)
        }
    }

    /// The paths under the program roots (plus evident.yaml and CODEOWNERS) that differ between two commits.
    static func changes(from old: ObjectID, to new: ObjectID, repository: Repository, roots: [String]) throws(RepositoryError) -> [StagedChange] {
        func files(_ commit: ObjectID) throws(RepositoryError) -> [String: GitFile] {
            var files: [String: GitFile] = [:]
            for root in Set(roots) {
                for file in try GitFilesSource(repository: repository, commit: commit, root: root).files.values { files[file.path.description] = file }
            }
            return files
        }
        return GitFilesSource.changes(from: try files(old), to: try files(new))
    }
}

/// `--today`, or today in UTC.
func parseDay(_ text: String?) throws(CommandFailure) -> Day {
    guard let text else { return Day(epochSeconds: Int64(Date().timeIntervalSince1970)) }
    guard let day = Day(text) else { throw CommandFailure(.usage, "--today must be a date written YYYY-MM-DD, not '\(text)'") }
    return day
}

extension LintCommand.FailOn {
    var severity: Severity? {
        switch self {
        case .error: .error
        case .warning: .warning
        case .info: .info
        case .never: nil
        }
    }
}
