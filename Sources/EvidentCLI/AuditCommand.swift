import ArgumentParser
import EvidentCore
import EvidentGit
import EvidentReporting
import Foundation

/// `evident audit`: the internal audit of one cycle, proven from the mainline history.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Run the internal (mock) audit of a cycle and write audits/<cycle>/record.json, record.md and report.html.",
        discussion: "The audit reads the program as it stands at the audited commit (the mainline tip, or --as-of) and proves every date from the mainline history. The record is management's self-assessment, not a SOC 2 report.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown, html }
    enum FailOn: String, ExpressibleByArgument, CaseIterable { case high, medium, low, info, never }

    @OptionGroup var repository: RepositoryOptions

    @Option(help: "The cycle to audit (default: the cycle whose window holds the audit's clock, else the latest).")
    var cycle: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Audit the repository as it stood at this revision.", valueName: "rev"))
    var asOf: String?

    @Option(help: ArgumentHelp("The audit's clock (default: the audited commit's committer day).", valueName: "YYYY-MM-DD"))
    var now: String?

    @Flag(name: .customLong("dry-run"), help: "Print the result without writing the record.")
    var dryRun = false

    @Option(help: "Output format: text, json (the record), markdown or html.")
    var format: Format = .text

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding at or above this severity exists: high, medium, low, info or never.")
    var failOn: FailOn = .high

    func run() throws {
        let repository = try repository.open()
        let run = try AuditRun.perform(repository: repository, asOf: asOf, cycle: cycle, now: now)
        if !dryRun {
            try run.writeRecord(into: repository)
        }
        switch format {
        case .json: FileHandle.standardOutput.write(Data(RecordJSON.bytes(run.record)))
        case .markdown: FileHandle.standardOutput.write(Data(RecordMarkdownRenderer.render(run.record).utf8))
        case .html: FileHandle.standardOutput.write(Data(RecordHTMLRenderer.render(run.record).utf8))
        case .text:
            var text = RecordMarkdownRenderer.summary(run.record)
            text += dryRun ? "Dry run: nothing written.\n" : "Record written to \(run.folder)/record.json, record.md and report.html.\n"
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        let threshold: FindingSeverity? = switch failOn {
        case .high: .high
        case .medium: .medium
        case .low: .low
        case .info: .info
        case .never: nil
        }
        if let threshold, run.findings.contains(where: { $0.severity >= threshold }) {
            throw ExitCode(ExitStatus.findings.rawValue)
        }
    }
}

/// One audit: the program at the audited commit, the histories, the findings and the record.
struct AuditRun {
    var record: AuditRecord
    var findings: [Finding]
    /// The program at the audited commit.
    var program: Program
    /// Where the record goes, relative to the repository top.
    var folder: String

    /// `cycles` replaces the audited commit's cycle definitions (the renewal diff audits an old
    /// commit against the cycles as evident.yaml defines them now).
    static func perform(repository: Repository, asOf: String?, cycle requested: String?, now: String?, cycles: [AuditCycle]? = nil) throws(CommandFailure) -> AuditRun {
        do {
            try repository.requireCompleteHistory()
            // The layout comes from the audited commit's evident.yaml.
            let workingLayout = try programLayout(of: repository)
            let revision = try asOf ?? mainlineRevision(explicit: nil, layout: workingLayout, repository: repository)
            let (commit, _) = try repository.resolveCommit(revision)
            let program = try loadProgram(at: commit, repository: repository)
            if let problem = program.diagnostics.first(where: { $0.severity == .error }) {
                throw CommandFailure(.usage, "\(problem.location): \(problem.message) [\(problem.ruleID)]; fix it (see `evident lint`) before auditing")
            }
            let configuration = program.configuration
            let roots = try configuration.layout.complianceFolders.map { try HistoryRoot($0) }
            // One pass over the mainline serves everything below. A past commit (--as-of, verify,
            // diff) is read from the mainline's index when it is on the mainline.
            let reader = HistoryReader(repository: repository)
            let history = if asOf != nil, let mainline = try? mainlineRevision(explicit: nil, layout: workingLayout, repository: repository) {
                try reader.read(at: commit, onMainline: mainline, roots: roots)
            } else {
                try reader.read(revision: revision, roots: roots).history
            }
            let clock = try now.map { text throws(CommandFailure) in
                guard let day = Day(text) else { throw CommandFailure(.usage, "--now must be a date written YYYY-MM-DD, not '\(text)'") }
                return day
            } ?? Day(epochSeconds: try repository.commitInfo(commit).committer.time)
            guard let cycle = select(cycle: requested, from: cycles ?? configuration.cycles, clock: clock) else {
                throw CommandFailure(.usage, requested.map { "evident.yaml has no cycle '\($0)'" } ?? "evident.yaml defines no cycles; add one under 'cycles:'")
            }
            // With trust.require_signed, a commit counts as signed only when its signature verifies.
            var verified: [ObjectID: Bool] = [:]
            if configuration.requireSigned {
                let signers = try configuration.allowedSigners.flatMap { path throws(RepositoryError) in try repository.contents(of: path, at: commit) }
                let verifier = SignatureVerifier(allowedSigners: signers)
                let window = DayRange(start: cycle.start, end: cycle.end)
                for file in history.files where [configuration.layout.evidence, configuration.layout.policies].contains(where: { file.path.description.hasPrefix($0 + "/") }) {
                    for event in file.events where event.commit.isSigned && verified[event.commit.id] == nil
                        && window.contains(Day(epochSeconds: event.commit.committer.time)) {
                        verified[event.commit.id] = try verifier.verify(event.commit.id, in: repository)
                    }
                }
            }
            var histories: [String: PathHistory] = [:]
            for file in history.files {
                let path = file.path.description
                histories[path] = PathHistory(path: path, events: file.events.map { event in
                    PathHistory.Event(change: PathHistory.Change(rawValue: event.status.rawValue) ?? .modified, commit: event.commit.id.description,
                                      landed: Day(epochSeconds: event.commit.committer.time), author: event.commit.author.name,
                                      signed: event.commit.isSigned && (verified[event.commit.id] ?? !configuration.requireSigned))
                })
            }
            var controlAdded: [String: Day] = [:]
            for control in program.controls {
                if let first = histories[control.file]?.events.first(where: { $0.change == .added }) { controlAdded[control.id.value] = first.landed }
            }
            let revisions = try PolicyHistory.revisions(in: history, under: configuration.layout.policies, repository: repository)
            var context = AuditContext(program: program, cycle: cycle, clock: clock, histories: histories, controlAdded: controlAdded, policyRevisions: revisions)
            context.clockSkews = zip(history.commits, history.commits.dropFirst()).compactMap { previous, commit in
                commit.committer.time < previous.committer.time
                    ? ClockSkew(commit: commit.id.description, landed: Day(epochSeconds: commit.committer.time),
                                previousCommit: previous.id.description, previousLanded: Day(epochSeconds: previous.committer.time))
                    : nil
            }
            context.earlierRecords = try earlierRecords(layout: configuration.layout, commit: commit, repository: repository)
            let testingPath = "\(configuration.layout.audits)/\(cycle.id)/testing.yaml"
            if let data = try repository.contents(of: testingPath, at: commit) {
                context.testing = try TestingRecord.parse(String(decoding: data, as: UTF8.self), file: testingPath)
            }
            let findings = Auditor().run(context)
            let folder = "\(configuration.layout.audits)/\(cycle.id)"
            let previous = try previousRecordHash(cycle: cycle, cycles: configuration.cycles, layout: configuration.layout, commit: commit, repository: repository)
            let record = AuditRecord.make(context: context, findings: findings, auditedCommit: commit.description,
                                          tool: "evident \(EvidentVersion.current)", previous: previous)
            return AuditRun(record: record, findings: findings, program: program, folder: folder)
        } catch {
            throw CommandFailure(wrapping: error)
        }
    }

    /// Writes record.json, record.md and report.html into the working tree: each to a temporary
    /// name first, renamed into place only once all are written, so a failure leaves no
    /// half-written record.
    func writeRecord(into repository: Repository) throws(CommandFailure) {
        guard let top = repository.workingDirectory else {
            throw CommandFailure(.usage, "a bare repository has no working tree to write the record into; use --dry-run")
        }
        let directory = top.appendingPathComponent(folder, isDirectory: true)
        do {
            let files = ["record.json": Data(RecordJSON.bytes(record)), "record.md": Data(RecordMarkdownRenderer.render(record).utf8),
                         "report.html": Data(RecordHTMLRenderer.render(record).utf8)]
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            var staged: [(URL, URL)] = []
            for (name, content) in files.sorted(by: { $0.key < $1.key }) {
                let target = directory.appendingPathComponent(name)
                let temporary = directory.appendingPathComponent(".\(name).\(ProcessInfo.processInfo.processIdentifier).tmp")
                try content.write(to: temporary)
                staged.append((temporary, target))
            }
            for (temporary, target) in staged where rename(temporary.path, target.path) != 0 {
                throw CocoaError(.fileWriteUnknown)
            }
        } catch {
            throw CommandFailure(.repository, "cannot write the record in \(directory.path): \(error.localizedDescription)")
        }
    }

    /// The program as it stood in `commit`, with the layout of that commit's evident.yaml.
    static func loadProgram(at commit: ObjectID, repository: Repository) throws -> Program {
        try Program.load(from: GitFilesSource(repository: repository, commit: commit, root: try layout(at: commit, repository: repository).root))
    }

    /// The layout of the evident.yaml committed in `commit` (defaults when it has none).
    static func layout(at commit: ObjectID, repository: Repository) throws -> ProgramLayout {
        try ProgramLayout.parse(try repository.contents(of: ProgramLayout.fileName, at: commit).map { String(decoding: $0, as: UTF8.self) } ?? "")
    }

    /// The requested cycle, else the one whose window holds the clock, else the latest.
    static func select(cycle requested: String?, from cycles: [AuditCycle], clock: Day) -> AuditCycle? {
        if let requested { return cycles.first { $0.id == requested } }
        return cycles.first { $0.start <= clock && clock <= $0.end } ?? cycles.max { $0.end < $1.end }
    }

    /// The records committed at the audited commit, and whether each audited commit is still on the mainline.
    private static func earlierRecords(layout: ProgramLayout, commit: ObjectID, repository: Repository) throws(RepositoryError) -> [EarlierRecord] {
        try repository.files(under: layout.audits, at: commit).filter { $0.path.description.hasSuffix("/record.json") }.compactMap { file in
            // An unreadable record is `evident verify`'s to report; the audit goes on without it.
            guard let record = try? AuditRecord.read(try repository.blob(file.id), file: file.path.description),
                  let audited = ObjectID(hex: record.auditedCommit) else { return nil }
            return EarlierRecord(path: file.path.description, record: record, auditedCommitOnMainline: repository.isAncestor(audited, of: commit))
        }
    }

    /// The sha-256 of the previous cycle's record as committed at the audited commit, if any.
    private static func previousRecordHash(cycle: AuditCycle, cycles: [AuditCycle], layout: ProgramLayout, commit: ObjectID, repository: Repository) throws(RepositoryError) -> String? {
        guard let previous = cycles.filter({ $0.end < cycle.start }).max(by: { $0.end < $1.end }),
              let data = try repository.contents(of: "\(layout.audits)/\(previous.id)/record.json", at: commit)
        else { return nil }
        return SHA256.hex(data)
    }
}
