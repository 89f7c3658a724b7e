import ArgumentParser
import EvidentCore
import EvidentEngine
import EvidentReporting
import Foundation

/// `--repo`, which every command that reads a repository takes.
struct RepositoryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The repository to read (default: the one enclosing the current folder).", valueName: "dir"))
    var repo: String = "."

    func open() throws(EngineError) -> ComplianceRepository {
        try ComplianceRepository(discoveringFrom: repo)
    }
}

/// What a command's clock is when `--now` does not say, as its help puts it.
protocol ClockDefault {
    static var description: String { get }
}

/// `--as-of REV` and `--now YYYY-MM-DD`: the revision whose program and history a command
/// reads (default: the mainline tip), and the day its deadlines are measured against.
struct ClockOptions<Default: ClockDefault>: ParsableArguments {
    @Option(name: .customLong("as-of"), help: ArgumentHelp("Read the repository as it stood at this revision (default: the mainline tip).", valueName: "rev"))
    var asOf: String?

    @Option(help: ArgumentHelp("The clock deadlines are measured against (default: \(Default.description)).", valueName: "YYYY-MM-DD"),
            transform: Day.argument)
    var now: Day?
}

/// The audit's clock: the day the audited commit was committed.
enum AuditedCommitDay: ClockDefault {
    static let description = "the audited commit's committer day"
}

/// A reminder's clock: today.
enum Today: ClockDefault {
    static let description = "today, in UTC"
}

/// The formats of one command family, as `--format` takes them.
protocol OutputFormat: ExpressibleByArgument, CaseIterable, RawRepresentable<String> {
    static var defaultFormat: Self { get }
}

/// `--format`.
struct FormatOptions<Format: OutputFormat>: ParsableArguments {
    @Option(help: ArgumentHelp("Output format.", valueName: "format"))
    var format: Format = .defaultFormat
}

extension RecordFormat: OutputFormat { static var defaultFormat: Self { .text } }
extension RenewalDiffFormat: OutputFormat { static var defaultFormat: Self { .text } }
extension ChangeReviewFormat: OutputFormat { static var defaultFormat: Self { .text } }
extension HistoryFormat: OutputFormat { static var defaultFormat: Self { .text } }
extension DiagnosticFormat: OutputFormat { static var defaultFormat: Self { .text } }
extension DueFormat: OutputFormat { static var defaultFormat: Self { .text } }

/// How a command's text output can group a long list (`--group-by`), its first case the default.
protocol ListingGrouping: ExpressibleByArgument, CaseIterable, RawRepresentable<String> {
    /// What the groups are, for the help text.
    static var help: String { get }
}

extension FindingGrouping: ListingGrouping {
    static var help: String { "Group the findings by owner (then control), by control or by finding code." }
}

extension DiagnosticGrouping: ListingGrouping {
    static var help: String { "When there are many diagnostics, group them by rule or by file." }
}

/// `--group-by` and `--all`, for the text output of a command that lists many things.
struct ListingOptions<Grouping: ListingGrouping>: ParsableArguments {
    @Option(name: .customLong("group-by"), help: ArgumentHelp(Grouping.help, valueName: "grouping"))
    var groupBy: Grouping = Grouping.allCases.first!

    @Flag(name: .customLong("all"), help: "List everything in the text output, without capping long lists.")
    var all = false

    /// `capped`, or no caps with --all.
    func limits(_ capped: ListingLimits) -> ListingLimits {
        all ? .unlimited : capped
    }
}

/// A severity scale `--fail-on` can set a threshold on, highest first in its help.
protocol FailLevel: CaseIterable, Comparable, RawRepresentable<String>, Sendable {
    /// What the threshold is unless `--fail-on` says otherwise.
    static var defaultThreshold: Self { get }
    /// What the level grades, for the help text ("a finding", "a diagnostic").
    static var noun: String { get }
}

extension FindingSeverity: FailLevel {
    static var defaultThreshold: Self { .high }
    static var noun: String { "a finding" }
}

extension Severity: FailLevel {
    static var defaultThreshold: Self { .error }
    static var noun: String { "a diagnostic" }
}

/// `--fail-on LEVEL|never`: a level of the scale, or never.
struct Threshold<Level: FailLevel>: ExpressibleByArgument, Sendable {
    /// nil for `never`.
    var level: Level?

    init(_ level: Level?) {
        self.level = level
    }

    init?(argument: String) {
        if argument == "never" {
            level = nil
        } else if let level = Level(rawValue: argument) {
            self.level = level
        } else {
            return nil
        }
    }

    static var allValueStrings: [String] { Level.allCases.sorted(by: >).map(\.rawValue) + ["never"] }

    var defaultValueDescription: String { level?.rawValue ?? "never" }
}

/// `--fail-on`.
struct FailOnOptions<Level: FailLevel>: ParsableArguments {
    @Option(name: .customLong("fail-on"),
            help: ArgumentHelp("Exit 1 when \(Level.noun) at or above this severity exists; never: always exit 0 on a completed run.", valueName: "level"))
    var threshold: Threshold<Level> = Threshold(.defaultThreshold)

    /// Whether any of `severities` reaches the threshold.
    func fails(_ severities: some Sequence<Level>) -> Bool {
        guard let level = threshold.level else { return false }
        return severities.contains { $0 >= level }
    }
}

extension Day: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }

    /// The day an option names, or an error saying why it is not one (an impossible date is
    /// called impossible). Options take it as their `transform`.
    static func argument(_ text: String) throws -> Day {
        guard let day = Day(text) else {
            throw ValidationError("'\(text)' \(Day.problem(with: text) ?? "is not a date")")
        }
        return day
    }

    /// Today in UTC, on this machine's clock.
    static var today: Day { Day(epochSeconds: Int64(Date().timeIntervalSince1970)) }
}

/// Standard output, written as bytes.
enum Output {
    /// Written from the array's own storage: a multi-megabyte document is not copied first.
    /// A closed pipe (`evident history | head`) ends the output quietly.
    static func write(_ bytes: [UInt8]) {
        _ = writeWhole(bytes)
    }

    /// A document handed over in parts, written one after another; once one cannot be written
    /// whole, the rest are not, so the output is cut short rather than missing a middle.
    static func write(_ parts: [[UInt8]]) {
        for part in parts {
            guard writeWhole(part) else { return }
        }
    }

    /// False when the output ended early. A non-blocking standard output that is full is
    /// waited on, not given up on.
    private static func writeWhole(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return true }
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(STDOUT_FILENO, base + offset, buffer.count - offset)
                if written < 0 {
                    switch errno {
                    case EINTR: continue
                    case EAGAIN, EWOULDBLOCK:
                        var ready = pollfd(fd: STDOUT_FILENO, events: Int16(POLLOUT), revents: 0)
                        _ = poll(&ready, 1, -1)
                        continue
                    default: return false
                    }
                }
                offset += written
            }
            return true
        }
    }

    static func write(_ text: String) {
        write(Array(text.utf8))
    }
}
