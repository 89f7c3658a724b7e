import ArgumentParser
import EvidentCore
import EvidentEngine
import EvidentReporting

/// `evident due`: what each owner must land next, and by when.
struct DueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: "List what each owner must land next: evidence for every pending period, policy reviews and interview notes, with their deadlines.",
        discussion: """
            Reads the program at the mainline tip (or --as-of) and proves from its history what has landed, as the audit does. \
            Overdue items are listed apart from upcoming ones: they are past their deadline but still count if they land now \
            (evidence as late instead of missing). Upcoming items are those due within --within days of the clock. \
            The exit code is 0 whatever is due.
            """)

    @OptionGroup var repository: RepositoryOptions

    @OptionGroup var clock: ClockOptions<Today>

    @Option(help: ArgumentHelp("List what falls due within this many days of the clock (\(DueRequest.withinRange.lowerBound) to \(DueRequest.withinRange.upperBound)).", valueName: "days"))
    var within: Int = DueRequest.defaultWithin

    @OptionGroup var output: FormatOptions<DueFormat>

    func validate() throws {
        guard DueRequest.withinRange.contains(within) else {
            throw ValidationError("--within takes \(DueRequest.withinRange.lowerBound) to \(DueRequest.withinRange.upperBound) days, not \(within)")
        }
    }

    func run() throws {
        let repository = try repository.open()
        let schedule = try repository.due(DueRequest(asOf: clock.asOf, clock: clock.now ?? .today, within: within))
        Output.write(try output.format.renderer.render(schedule))
    }
}
