import ArgumentParser
import EvidentCore
import EvidentEngine
import EvidentReporting

/// `evident init`: scaffold a starter program, never overwriting a file.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Scaffold a starter SOC 2 program: evident.yaml, controls, policies, risk assessment, workflows and hook config.",
        discussion: """
            Existing files are never overwritten; they are listed as kept. Anything in the way (a file where a folder must be, \
            a folder where a file must be, a symbolic link) is reported, all of it, and then nothing is written. The first \
            audit cycle's window starts on the first of next month (so no period is over before the program begins) and runs \
            12 months, with fieldwork a month after it ends; --start or --year, --months and --fieldwork change that.
            """)

    @Option(name: .long, help: ArgumentHelp("The repository to scaffold into (default: the current folder).", valueName: "dir"))
    var repo: String = "."

    @Option(parsing: .upToNextOption, help: "Categories in scope besides security: availability, confidentiality, processing-integrity, privacy.")
    var categories: [String] = []

    @Option(help: "The organization's name, written into evident.yaml.")
    var organization: String = "Example Corp"

    @Option(help: ArgumentHelp("The first day of the first cycle's window (default: the first of next month).", valueName: "YYYY-MM-DD"), transform: Day.argument)
    var start: Day?

    @Option(help: ArgumentHelp("Make the first cycle this calendar year, January to December, instead.", valueName: "year"))
    var year: Int?

    @Option(help: ArgumentHelp("How many months the window runs (default: \(StarterCycle.defaultMonths)).", valueName: "months"))
    var months: Int?

    @Option(help: ArgumentHelp("The day fieldwork starts (default: a month after the window ends).", valueName: "YYYY-MM-DD"), transform: Day.argument)
    var fieldwork: Day?

    func run() throws {
        let today = Day.today
        let plan = CyclePlan(today: today, start: start, year: year, months: months, fieldwork: fieldwork)
        let outcome = try Scaffold.write(ScaffoldRequest(folder: repo, categories: categories, organization: organization, cycle: plan))
        var report = "Wrote \(outcome.written) files for a starter program (\(outcome.categories.map(\.rawValue).joined(separator: ", "))) in \(TerminalText.path(outcome.folder)).\n"
        if !outcome.kept.isEmpty {
            let kept = outcome.kept
            report += "Kept \(kept.count) existing \(kept.count == 1 ? "file" : "files"): \(kept.prefix(5).map(TerminalText.path).joined(separator: ", "))\(kept.count > 5 ? ", …" : "")\n"
        }
        if outcome.kept.contains(ProgramLayout.fileName) {
            report += "evident.yaml was kept, so its cycles are as they were.\n"
        } else {
            report += explanation(of: outcome.cycle, today: today)
        }
        report += """
            Next: replace the placeholder people in evident.yaml (lint warns about each one left), adapt each control's owner
            and test procedure, then run 'evident lint' and 'evident hook install'. 'evident due' lists what falls due next.

            """
        Output.write(report)
    }

    /// How the first cycle was chosen, and what it means for the first weeks.
    private func explanation(of cycle: StarterCycle, today: Day) -> String {
        let chosen = start != nil ? "from --start" : year != nil ? "the calendar year, from --year" : "from the first of next month"
        var text = "First audit cycle \(cycle.id): the window runs \(cycle.start) to \(cycle.end) (\(cycle.months) months, \(chosen)); fieldwork is set for \(cycle.fieldwork).\n"
        if cycle.start < today {
            text += "The window started before today: the periods already over are audited too, and have no evidence yet.\n"
        } else {
            text += "Evidence is due for each period from \(cycle.start) on; nothing is judged before then.\n"
        }
        // Periods follow the calendar, clipped to the window: a window that starts inside a
        // quarter opens with a short one, in which quarterly controls must operate too.
        let window = DayRange(start: cycle.start, end: cycle.end)
        if cycle.start.day != 1 || cycle.start.month % 3 != 1, let first = Frequency.quarterly.periods(in: window).first {
            text += "Periods follow the calendar (quarters start in January, April, July and October), clipped to the window: "
                + "its first quarter is \(first), so the quarterly controls must operate in it too.\n"
        }
        return text + "Change the dates under 'cycles:' in evident.yaml if your audit period differs.\n"
    }
}
