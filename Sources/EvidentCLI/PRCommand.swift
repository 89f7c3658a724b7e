import ArgumentParser
import EvidentCore
import EvidentEngine
import EvidentReporting

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

    @OptionGroup var repository: RepositoryOptions

    @Option(help: ArgumentHelp("The branch the change merges into, e.g. origin/main.", valueName: "ref"))
    var base: String

    @Option(help: ArgumentHelp("The change (default: HEAD).", valueName: "ref"))
    var head: String = "HEAD"

    @OptionGroup var output: FormatOptions<ChangeReviewFormat>

    @OptionGroup var failOn: FailOnOptions<Severity>

    @Option(help: ArgumentHelp("The day deadlines are measured against (default: today, UTC).", valueName: "YYYY-MM-DD"), transform: Day.argument)
    var today: Day?

    func run() throws {
        let review = try repository.open().review(base: base, head: head, today: today ?? .today)
        Output.write(try output.format.renderer.render(review))
        if failOn.fails(review.lint.map(\.severity)) { throw ExitCode.findings }
    }
}
