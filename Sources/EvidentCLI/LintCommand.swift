import ArgumentParser
import EvidentCore
import EvidentEngine
import EvidentReporting

/// `evident lint`: schema, references, coverage and ownership of the program.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check controls, policies, evidence and evident.yaml against the rules.",
        discussion: "With --staged, lints what the next commit will contain (the git index), which is what the pre-commit hook runs.")

    @OptionGroup var repository: RepositoryOptions

    @Flag(help: "Lint the git index (what is about to be committed) instead of the working tree.")
    var staged = false

    @OptionGroup var output: FormatOptions<DiagnosticFormat>

    @OptionGroup var failOn: FailOnOptions<Severity>

    @OptionGroup var listing: ListingOptions<DiagnosticGrouping>

    @Flag(name: .customLong("list-rules"), help: "List the rules and exit.")
    var listRules = false

    @Flag(name: .customLong("no-history"), help: "Skip the rules that read the mainline history.")
    var noHistory = false

    @Option(help: ArgumentHelp("The mainline whose history proves approvals (default: 'mainline' in evident.yaml, else HEAD).", valueName: "ref"))
    var ref: String?

    @Option(help: ArgumentHelp("The day deadlines are measured against (default: today, UTC).", valueName: "YYYY-MM-DD"), transform: Day.argument)
    var today: Day?

    @Argument(help: "Only report problems in these files.")
    var paths: [String] = []

    func run() throws {
        if listRules {
            let listing: RuleDocumentation.Format = switch output.format {
            case .json: .json
            case .markdown: .markdown
            case .text, .sarif, .github: .text
            }
            Output.write(try RuleListRenderer(format: listing).render(Linter.rules.map { $0.description }))
            return
        }
        let request = LintRequest(staged: staged, ref: ref, readsHistory: !noHistory, today: today ?? .today, paths: paths)
        let diagnostics = try repository.open().lint(request)
        let renderer = output.format == .text ? TextDiagnosticReporter(grouping: listing.groupBy, limits: listing.limits(TextDiagnosticReporter.screenLimits))
                                              : output.format.renderer
        Output.write(try renderer.render(DiagnosticReport(diagnostics)))
        if failOn.fails(diagnostics.map(\.severity)) { throw ExitCode.findings }
    }
}
