import ArgumentParser
import EvidentEngine
import EvidentReporting

/// `evident diff A B`: the renewal review between two cycles.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two cycles for the renewal: controls, criteria, owners, policies, populations and findings.",
        discussion: """
            Each cycle is read at its audited commit: the commit in audits/<cycle>/record.json when that \
            record is committed on the mainline, else the last mainline commit on or before the cycle's end \
            (audited afresh). `evident diff --previous 2026` compares 2026 with the cycle before it.
            """)

    @OptionGroup var repository: RepositoryOptions

    @Flag(help: "Compare the given cycle with the cycle that ends before it starts.")
    var previous = false

    @Option(help: ArgumentHelp("The mainline (default: 'mainline' in evident.yaml, else HEAD).", valueName: "ref"))
    var ref: String?

    @OptionGroup var output: FormatOptions<RenewalDiffFormat>

    @Argument(help: ArgumentHelp("The earlier and the later cycle id (one id with --previous).", valueName: "cycle"))
    var cycles: [String] = []

    func validate() throws {
        if previous && cycles.count != 1 { throw ValidationError("--previous takes one cycle: `evident diff --previous 2026`") }
        if !previous && cycles.count != 2 { throw ValidationError("give two cycles, the earlier first (`evident diff 2025 2026`), or one with --previous") }
    }

    func run() throws {
        let request = RenewalRequest(earlier: previous ? nil : cycles[0], later: cycles[cycles.count - 1], ref: ref)
        Output.write(try output.format.renderer.render(try repository.open().renewalDiff(request)))
    }
}
