import ArgumentParser
import EvidentCore
import EvidentEngine
import EvidentReporting

/// `evident audit`: the internal audit of one cycle, proven from the mainline history.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Run the internal (mock) audit of a cycle and write audits/<cycle>/record.json, record.md and report.html.",
        discussion: "The audit reads the program as it stands at the audited commit (the mainline tip, or --as-of) and proves every date from the mainline history. The record is management's self-assessment, not a SOC 2 report.")

    @OptionGroup var repository: RepositoryOptions

    @Option(help: "The cycle to audit (default: the cycle whose window holds the audit's clock, else the latest).")
    var cycle: String?

    @OptionGroup var clock: ClockOptions<AuditedCommitDay>

    @Flag(name: .customLong("dry-run"), help: "Print the result without writing the record.")
    var dryRun = false

    @OptionGroup var output: FormatOptions<RecordFormat>

    @OptionGroup var failOn: FailOnOptions<FindingSeverity>

    @OptionGroup var listing: ListingOptions<FindingGrouping>

    @Flag(name: .customLong("list-checks"), help: "List the audit's checks and the findings they raise, and exit.")
    var listChecks = false

    func run() throws {
        if listChecks {
            let listing: CheckDocumentation.Format = switch output.format {
            case .json: .json
            case .markdown: .markdown
            case .text, .html: .text
            }
            return Output.write(try CheckListRenderer(format: listing).render(Auditor.checks.map { $0.description }))
        }
        let repository = try repository.open()
        let run = try repository.audit(AuditRequest(cycle: cycle, asOf: clock.asOf, clock: clock.now))
        let folder = dryRun ? nil : try repository.writeRecord(of: run)
        if output.format == .text {
            let elsewhere: RecordSummaryRenderer.Elsewhere = folder.map { .record(folder: $0) } ?? .notWritten(folder: run.folder)
            let summary = RecordSummaryRenderer(grouping: listing.groupBy, limits: listing.limits(RecordSummaryRenderer.screenLimits), elsewhere: elsewhere)
            Output.write(try summary.render(run.record))
            Output.write("\n" + (folder.map { "Record written to \(TerminalText.path("\($0)/record.json")), record.md and report.html.\n" } ?? "Dry run: nothing written.\n"))
        } else {
            Output.write(try output.format.renderer.render(run.record))
        }
        if failOn.fails(run.findings.map(\.severity)) { throw ExitCode.findings }
    }
}
