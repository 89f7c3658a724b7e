import EvidentCore
import EvidentGit
import EvidentReporting
import Foundation

/// What to audit: a cycle (default: the one whose window holds the clock, else the latest), at a
/// revision (default: the mainline tip), with a clock (default: the audited commit's committer day).
public struct AuditRequest: Sendable {
    public var cycle: String?
    public var asOf: String?
    public var clock: Day?

    public init(cycle: String? = nil, asOf: String? = nil, clock: Day? = nil) {
        self.cycle = cycle
        self.asOf = asOf
        self.clock = clock
    }
}

/// One audit: the program the cycle was judged by, the findings and the record.
public struct AuditRun: Sendable {
    public var record: AuditRecord
    public var findings: [Finding]
    /// The program the cycle was judged by: the audited commit's, with the controls and policies
    /// of the window's end when the audited commit is later (`judgedProgram`).
    public var program: Program
    /// Where the record goes, relative to the repository top (`audits/<cycle>`).
    public var folder: String
    /// record.md and report.html as rendered for the record's digests.
    var renderedFiles: [(name: String, bytes: [UInt8])]

    /// Whether a finding is at or above `threshold` (never, when nil).
    public func hasFinding(atOrAbove threshold: FindingSeverity?) -> Bool {
        guard let threshold else { return false }
        return findings.contains { $0.severity >= threshold }
    }
}

extension ComplianceRepository {
    /// The internal audit of one cycle, proven from the mainline history.
    public func audit(_ request: AuditRequest) throws(EngineError) -> AuditRun {
        try audit(request, cycles: nil)
    }

    /// `cycles` replaces the audited commit's cycle definitions (the renewal diff audits an old
    /// commit against the cycles as evident.yaml defines them now).
    func audit(_ request: AuditRequest, cycles: [AuditCycle]?) throws(EngineError) -> AuditRun {
        try git.requireCompleteHistoryMapped()
        // The layout comes from the audited commit's evident.yaml.
        let workingLayout = try layout()
        let revision = if let asOf = request.asOf { asOf } else { try mainlineRevision(explicit: nil, layout: workingLayout) }
        return try mapped {
            let (commit, audited) = try lintCleanProgram(at: revision, before: "before auditing")
            let configuration = audited.configuration
            let history = try complianceHistory(at: commit, revision: revision, isPast: request.asOf != nil,
                                                configuration: configuration, workingLayout: workingLayout)
            let clock = try request.clock ?? Day(epochSeconds: git.commitInfo(commit).committer.time)
            guard let cycle = Self.select(cycle: request.cycle, from: cycles ?? configuration.cycles, clock: clock) else {
                throw EngineError(.usage, request.cycle.map { "evident.yaml has no cycle '\($0)'" } ?? "evident.yaml defines no cycles; add one under 'cycles:'")
            }
            let program = try judgedProgram(audited, cycle: cycle, commit: commit)
            let signatures = try SignatureCache.required(by: configuration, in: git, at: commit)
            let verified = try verifiedSignatures(in: history, configuration: configuration, cycle: cycle, signatures: signatures)
            let histories = try pathHistories(of: history, audited: audited, verified: verified)
            let controlAdded = Self.controlAdded(program, histories: histories)
            let revisions = try PolicyHistory.revisions(in: history, under: configuration.layout.policies, repository: git, signatures: signatures)
            var context = AuditContext(program: program, cycle: cycle, clock: clock, histories: histories, controlAdded: controlAdded, policyRevisions: revisions)
            context.clockSkews = zip(history.commits, history.commits.dropFirst()).compactMap { previous, commit in
                commit.committer.time < previous.committer.time
                    ? ClockSkew(commit: commit.id.description, landed: Day(epochSeconds: commit.committer.time),
                                previousCommit: previous.id.description, previousLanded: Day(epochSeconds: previous.committer.time))
                    : nil
            }
            context.earlierRecords = try earlierRecords(layout: configuration.layout, commit: commit)
            // Read for the audited cycle itself: with `cycles`, it may be one the commit's evident.yaml lacks.
            let testingPath = TestingWorkpaper.path(cycle: cycle.id, layout: configuration.layout)
            context.takeTestingWorkpaper(try git.contents(of: testingPath, at: commit).map {
                TestingWorkpaper.read($0, file: testingPath, cycle: cycle.id)
            })
            let findings = Auditor().run(context)
            let previous = try previousRecordHash(cycle: cycle, cycles: configuration.cycles, layout: configuration.layout, commit: commit)
            var record = AuditRecord.make(context: context, findings: findings, auditedCommit: commit.description,
                                          tool: EvidentVersion.tool, previous: previous)
            // record.md and report.html are rendered once: their digests go into the record, their
            // bytes to disk when it is written.
            let rendered = try RecordFiles.renderings(of: record)
            record.renderings = rendered.digests
            return AuditRun(record: record, findings: findings, program: program, folder: "\(configuration.layout.audits)/\(cycle.id)",
                            renderedFiles: rendered.files)
        }
    }

    /// Writes record.json, record.md and report.html into the working tree's `audits/<cycle>/`,
    /// replacing the three as a set (`RecordReplacement`): a failure leaves the old record, a
    /// kill leaves the old or the new one once the next run has swept, and no temporary file
    /// is ever made in the working tree. Returns the folder, relative to the repository top.
    @discardableResult
    public func writeRecord(of run: AuditRun) throws(EngineError) -> String {
        try writeRecord(of: run, faults: nil)
    }

    /// The program a cycle is judged by. A cycle audited after its window closed is judged by
    /// the controls and policies as they stood at the window's end — the last mainline commit on
    /// or before it — so a control whose frequency changed the next year is audited as it was.
    /// Scope (categories, required topics), people and the organisation come from there too,
    /// since the controls and policies are read against them. What the audit examines and how
    /// (the evidence, the cycles, the auditors, the layout, trust) stays the audited commit's.
    func judgedProgram(_ audited: Program, cycle: AuditCycle, commit: ObjectID) throws -> Program {
        let endOfWindow = Int64(cycle.end.daysSinceEpoch + 1) * 86_400 - 1
        guard try git.commitInfo(commit).committer.time > endOfWindow,
              let last = try git.lastFirstParentCommit(from: commit, atOrBefore: endOfWindow), last != commit
        else { return audited }
        // What the cycle is judged by is read from evident.yaml and the controls and policies
        // folders: when those hold the same blobs at the window's end, it is the audited program.
        let layout = audited.configuration.layout
        let judgedBy = [ProgramLayout.fileName, layout.controls, layout.policies]
        if try judgedBy.allSatisfy({ path throws in try git.files(under: path, at: last) == git.files(under: path, at: commit) }) {
            return audited
        }
        let atEnd = try program(at: last)
        if let problem = atEnd.diagnostics.first(where: { $0.severity == .error }) {
            throw EngineError(.usage, "\(problem.location): \(problem.message) [\(problem.ruleID)] in commit \(last.abbreviated()), the last mainline commit of cycle \(cycle.id)'s window, whose controls and policies the cycle is judged by")
        }
        var program = audited
        program.controls = atEnd.controls
        program.policies = atEnd.policies
        program.configuration.organization = atEnd.configuration.organization
        program.configuration.system = atEnd.configuration.system
        program.configuration.framework = atEnd.configuration.framework
        program.configuration.categories = atEnd.configuration.categories
        program.configuration.categoriesLocation = atEnd.configuration.categoriesLocation
        program.configuration.people = atEnd.configuration.people
        program.configuration.extraRequiredTopics = atEnd.configuration.extraRequiredTopics
        return program
    }

    /// The mainline history of the compliance folders up to `commit`, which `revision` names:
    /// one pass over the mainline serves everything the audit proves. A past commit (`isPast`:
    /// --as-of, verify, diff) is read from the mainline's index when it is on the mainline.
    func complianceHistory(at commit: ObjectID, revision: String, isPast: Bool, configuration: ProgramConfiguration,
                           workingLayout: ProgramLayout) throws -> MainlineHistory {
        let roots = try configuration.layout.complianceFolders.map { try HistoryRoot($0) }
        let reader = HistoryReader(repository: git)
        if isPast, let mainline = try? mainlineRevision(explicit: nil, layout: workingLayout) {
            return try reader.read(at: commit, onMainline: mainline, roots: roots)
        }
        return try reader.read(revision: revision, roots: roots).history
    }

    /// Every file's history as the audit reads it (`auditedEvents`), for the program `audited`
    /// read at the history's tip. A signed commit counts as signed when `verified` says its
    /// signature verifies, or, without trust.require_signed, when `verified` does not know it.
    func pathHistories(of history: MainlineHistory, audited: Program, verified: [ObjectID: Bool]) throws -> PathHistories {
        let configuration = audited.configuration
        let nonFiles = Set(audited.evidenceNonFiles.map(\.path))
        return PathHistories(try history.files.map { file in
            PathHistory(exactPath: ExactPath(bytes: file.path.bytes), events: try auditedEvents(
                of: file, evidence: configuration.layout.evidence, nonFiles: nonFiles
            ).map { status, event in
                PathHistory.Event(change: PathHistory.Change(rawValue: status.rawValue) ?? .modified, commit: event.commit.id.description,
                                  landed: Day(epochSeconds: event.commit.committer.time), author: event.commit.author.name,
                                  signed: event.commit.isSigned && (verified[event.commit.id] ?? !configuration.requireSigned))
            })
        })
    }

    /// The day each control's file first landed on the mainline, by control id.
    static func controlAdded(_ program: Program, histories: PathHistories) -> [String: Day] {
        var added: [String: Day] = [:]
        for control in program.controls {
            if let first = histories[control.file]?.events.first(where: { $0.change == .added }) { added[control.id.value] = first.landed }
        }
        return added
    }

    /// A path's events as the audit reads them. Under the evidence folder only regular files
    /// have a history: a symbolic link or a submodule is not evidence, so its events are left
    /// out, a file that becomes one (a type change) is deleted there, and one that becomes a file
    /// is added. A path keeps its kind from one event to the next except through a type change
    /// or a deletion, so only the paths that have one need a look into a tree.
    private func auditedEvents(of file: FileHistory, evidence: String, nonFiles: Set<ExactPath>) throws -> [(ChangeStatus, FileEvent)] {
        let exact = ExactPath(bytes: file.path.bytes)
        let events = file.events
        guard exact.isInside(evidence) else { return events.map { ($0.status, $0) } }
        let isFileNow = !nonFiles.contains(exact)
        guard events.contains(where: { $0.status == .deleted || $0.status == .typeChanged }) else {
            return isFileNow ? events.map { ($0.status, $0) } : []
        }
        var audited: [(ChangeStatus, FileEvent)] = []
        var wasFile = false
        for (index, event) in events.enumerated() {
            let isFile: Bool
            switch event.status {
            case .deleted:
                isFile = false
            case .modified:
                isFile = wasFile
            case .added, .typeChanged:
                // With no later event that changes its kind, the audited commit's tree says what it is.
                if !events[(index + 1)...].contains(where: { $0.status != .modified }) {
                    isFile = isFileNow
                } else {
                    isFile = try git.file(at: file.path, in: event.commit.id).map { $0.mode & 0o170000 == 0o100000 } ?? false
                }
            }
            switch (wasFile, isFile) {
            case (false, true): audited.append((.added, event))
            case (true, false): audited.append((.deleted, event))
            case (true, true): audited.append((event.status == .typeChanged ? .modified : event.status, event))
            case (false, false): break
            }
            wasFile = isFile
        }
        return audited
    }

    /// The requested cycle, else the one whose window holds the clock, else the latest.
    static func select(cycle requested: String?, from cycles: [AuditCycle], clock: Day) -> AuditCycle? {
        if let requested { return cycles.first { $0.id == requested } }
        return AuditCycle.current(in: cycles, on: clock)
    }

    /// With trust.require_signed, a commit counts as signed only when its signature verifies for
    /// its committer: each signed commit that landed evidence or a policy in the window.
    private func verifiedSignatures(in history: MainlineHistory, configuration: ProgramConfiguration, cycle: AuditCycle,
                                    signatures: SignatureCache?) throws -> [ObjectID: Bool] {
        guard let signatures else { return [:] }
        var verified: [ObjectID: Bool] = [:]
        let window = DayRange(start: cycle.start, end: cycle.end)
        for file in history.files where [configuration.layout.evidence, configuration.layout.policies].contains(where: { file.path.description.hasPrefix($0 + "/") }) {
            for event in file.events where event.commit.isSigned && verified[event.commit.id] == nil
                && window.contains(Day(epochSeconds: event.commit.committer.time)) {
                verified[event.commit.id] = try signatures.signers(of: event.commit.id).contains(event.commit.committer.email.lowercased())
            }
        }
        return verified
    }

    /// The records committed at the audited commit, and whether each audited commit is still on the mainline.
    private func earlierRecords(layout: ProgramLayout, commit: ObjectID) throws(RepositoryError) -> [EarlierRecord] {
        var records: [EarlierRecord] = []
        for file in try git.files(under: layout.audits, at: commit) where file.path.description.hasSuffix("/record.json") && !file.isSymbolicLink {
            // An unreadable record (or a link in its place) is `evident verify`'s to report; the audit goes on without it.
            guard let record = try? AuditRecord.read(try git.blob(file.id), file: file.path.description),
                  let audited = ObjectID(hex: record.auditedCommit) else { continue }
            records.append(EarlierRecord(path: file.path.description, record: record,
                                         auditedCommitOnMainline: try git.isOnFirstParentChain(audited, of: commit)))
        }
        return records
    }

    /// The sha-256 of the previous cycle's record as committed at the audited commit, if any.
    func previousRecordHash(cycle: AuditCycle, cycles: [AuditCycle], layout: ProgramLayout, commit: ObjectID) throws(RepositoryError) -> String? {
        guard let previous = cycles.filter({ $0.end < cycle.start }).max(by: { $0.end < $1.end }),
              let data = try git.contents(of: "\(layout.audits)/\(previous.id)/record.json", at: commit)
        else { return nil }
        return SHA256.hex(data)
    }
}

extension Repository {
    /// A shallow clone cannot prove when anything landed.
    func requireCompleteHistoryMapped() throws(EngineError) {
        try mapped { try requireCompleteHistory() }
    }
}

extension ComplianceRepository {
    /// The commit `revision` names and the program committed there, which must exist and lint
    /// clean: what the audit and `due` both start from.
    func lintCleanProgram(at revision: String, before what: String) throws -> (ObjectID, Program) {
        let (commit, _) = try git.resolveCommit(revision)
        try requireProgram(at: commit, revision: revision)
        let program = try self.program(at: commit)
        try requireLintClean(program, before: what)
        return (commit, program)
    }
}
