/// How much a finding matters to the external examination.
public enum FindingSeverity: String, Sendable, Hashable, CaseIterable, Comparable {
    case info, low, medium, high

    public static func < (lhs: FindingSeverity, rhs: FindingSeverity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

public enum FindingStatus: String, Sendable, Hashable {
    case open, remediated, overdue
}

/// A shortfall the internal audit found (SPEC §9).
public struct Finding: Hashable, Sendable {
    public var code: String
    public var severity: FindingSeverity
    /// The control or policy it concerns (`program` for scope-wide findings).
    public var subject: String
    public var owner: String?
    public var due: Day
    public var status: FindingStatus
    public var message: String
    /// What raised it: evidence paths and commit ids.
    public var evidence: [String]
    /// The period it concerns, for period findings.
    public var period: DayRange?
}

/// Everything an audit check may look at: the program at the audited commit, the cycle, the
/// audit's clock and what the mainline history proves.
public struct AuditContext: Sendable {
    public var program: Program
    public var cycle: AuditCycle
    public var clock: Day
    /// Proven occurrences per control id.
    public var evidence: [String: [EvidenceProof]]
    /// Populations per control id (controls that are active or retired inside the window).
    public var populations: [String: Population]
    /// The mainline history of every file, by path (deleted evidence is only here).
    public var histories: [String: PathHistory]
    /// Each policy file's revisions as they landed, oldest first.
    public var policyRevisions: [String: [PolicyRevision]]
    /// What the history proves about each policy file, and its text changes in the window (computed once).
    public private(set) var policyProofs: [String: PolicyProof] = [:]
    private(set) var policyChanges: [String: (unapproved: [PolicyChanges.Change], selfApproved: [PolicyChanges.Change])] = [:]
    /// Findings of the primary checks, for the checks that follow findings up (set by `Auditor`).
    var primaryFindings: [Finding]?
    /// The tester's record of the cycle, when one was committed.
    public var testing: TestingRecord?
    /// Mainline commits (that changed the program) dated before the one that landed before them.
    public var clockSkews: [ClockSkew] = []
    /// Records already committed at the audited commit: earlier runs of this cycle and earlier cycles.
    public var earlierRecords: [EarlierRecord] = []

    public var window: DayRange { DayRange(start: cycle.start, end: cycle.end) }

    /// Findings are due before fieldwork: at the latest seven days before it (SPEC §9).
    public var due: Day {
        cycle.fieldwork.map { $0.adding(days: -7) } ?? clock.adding(days: 30)
    }

    /// Builds the populations of every control from the histories of the evidence files.
    /// `controlAdded` gives, per control id, the day its file first landed.
    public init(program: Program, cycle: AuditCycle, clock: Day, histories: [String: PathHistory], controlAdded: [String: Day] = [:],
                policyRevisions: [String: [PolicyRevision]] = [:]) {
        self.program = program
        self.policyRevisions = policyRevisions
        self.cycle = cycle
        self.clock = clock
        self.histories = histories
        let window = DayRange(start: cycle.start, end: cycle.end)
        var evidence: [String: [EvidenceProof]] = [:]
        var populations: [String: Population] = [:]
        let occurrencesByFolder = Dictionary(grouping: program.evidence, by: \.folder)
        for control in program.controls {
            if let retired = control.retiredOn, retired < window.start { continue }
            let proofs = EvidenceProof.prove(occurrencesByFolder[control.evidence.value] ?? [], histories: histories)
            evidence[control.id.value] = proofs
            guard let frequency = control.frequency?.value else { continue }
            populations[control.id.value] = Population.build(
                frequency: frequency, graceDays: control.graceDays, window: window, clock: clock,
                occurrences: proofs.map(\.occurrence), controlAdded: controlAdded[control.id.value], retiredOn: control.retiredOn)
        }
        self.evidence = evidence
        self.populations = populations
        for (file, revisions) in policyRevisions {
            let parsed = ApprovalProof.parse(revisions)
            let proof = ApprovalProof.proof(of: revisions, parsed: parsed, people: program.configuration.people)
            policyProofs[file] = proof
            policyChanges[file] = PolicyChanges.unapprovedOrSelfApproved(revisions, parsed: parsed, proof: proof, window: window,
                                                                         people: program.configuration.people)
        }
    }

    func finding(_ check: some AuditCheck, subject: String, owner: String?, message: String, evidence: [String] = [], period: DayRange? = nil) -> Finding {
        let description = type(of: check).description
        return Finding(code: description.code, severity: description.severity, subject: subject, owner: owner, due: due,
                       status: due < clock ? .overdue : .open, message: message, evidence: evidence, period: period)
    }
}

/// A mainline commit whose committer time is earlier than the commit before it on the mainline.
public struct ClockSkew: Hashable, Sendable {
    public var commit: String
    public var landed: Day
    public var previousCommit: String
    public var previousLanded: Day

    public init(commit: String, landed: Day, previousCommit: String, previousLanded: Day) {
        self.commit = commit
        self.landed = landed
        self.previousCommit = previousCommit
        self.previousLanded = previousLanded
    }
}

/// A record found at the audited commit, and whether the commit it audited is still on the mainline.
public struct EarlierRecord: Sendable {
    public var path: String
    public var record: AuditRecord
    public var auditedCommitOnMainline: Bool

    public init(path: String, record: AuditRecord, auditedCommitOnMainline: Bool) {
        self.path = path
        self.record = record
        self.auditedCommitOnMainline = auditedCommitOnMainline
    }
}

/// An audit check: a type with a stable finding code, a description, and examples that run as tests.
public protocol AuditCheck: Sendable {
    static var description: CheckDescription { get }
    init()
    func findings(_ context: AuditContext) -> [Finding]
}

public struct CheckDescription: Sendable {
    public var code: String
    public var summary: String
    public var severity: FindingSeverity
    public var triggering: [AuditExample]
    public var nonTriggering: [AuditExample]
}

/// A small audited program: the example base program with some files changed, and the days on
/// which evidence files landed (each `path: day` is one commit adding it; a second day in
/// `modified` is a later change to it).
public struct AuditExample: Sendable {
    public var files: [String: String]
    public var landed: [String: Day]
    public var modified: [String: Day]
    /// Evidence deleted on that day: in the history, gone from the audited program.
    public var deleted: [String: Day]
    /// Policy revisions by file; policies without any are taken as landed and approved by dave
    /// (not their author) on 2026-01-10.
    public var policyRevisions: [String: [PolicyRevision]]
    public var clockSkews: [ClockSkew]
    public var earlierRecords: [EarlierRecord]
    public var testing: TestingRecord?
    public var clock: Day

    public init(_ files: [String: String] = [:], landed: [String: Day] = [:], modified: [String: Day] = [:], deleted: [String: Day] = [:],
                policyRevisions: [String: [PolicyRevision]] = [:], clockSkews: [ClockSkew] = [], earlierRecords: [EarlierRecord] = [],
                testing: TestingRecord? = nil, clock: Day = Day(year: 2026, month: 11, day: 15)!) {
        self.testing = testing
        self.files = files
        self.policyRevisions = policyRevisions
        self.clockSkews = clockSkews
        self.earlierRecords = earlierRecords
        self.landed = landed
        self.modified = modified
        self.deleted = deleted
        self.clock = clock
    }

    /// What a clean audit of the base program adds: AC-01's evidence for each closed quarter,
    /// landed on time, the year's risk assessment, and the owner's interview note.
    public static let onTimeQuarters: [String: String] = [
        "evidence/AC-01/2026-04-10-review.md": "Q2", "evidence/AC-01/2026-07-08-review.md": "Q3",
        "risk/risk-assessment.md": "---\nkind: risk-assessment\n---\nRegister.\n",
        "audits/2026/interviews/alice.md": "Interview with Alice.\n",
    ]

    public func context() throws -> AuditContext {
        var files = ExampleProgram.base.merging(Self.onTimeQuarters) { $1 }.merging(self.files) { $1 }
        files = files.filter { !$0.value.isEmpty || $0.key.hasSuffix(".gitkeep") }
        let program = try Program.load(from: InMemoryFiles(files.filter { deleted[$0.key] == nil }))
        var histories: [String: PathHistory] = [:]
        for path in files.keys where path.hasPrefix("evidence/") || path.hasPrefix("risk/") || path.hasPrefix("audits/") {
            let name = path.split(separator: "/").dropFirst(2).first.map(String.init) ?? ""
            let claimed = EvidenceOccurrence.claimedDate(ofName: name) ?? Day(year: 2026, month: 1, day: 1)!
            var events = [PathHistory.Event(change: .added, commit: "add:\(path)", landed: landed[path] ?? claimed.adding(days: 1), author: "bob")]
            if let day = modified[path] { events.append(.init(change: .modified, commit: "edit:\(path)", landed: day, author: "bob")) }
            if let day = deleted[path] { events.append(.init(change: .deleted, commit: "delete:\(path)", landed: day, author: "bob")) }
            histories[path] = PathHistory(path: path, events: events)
        }
        var revisions = policyRevisions
        for policy in program.policies where revisions[policy.file] == nil {
            revisions[policy.file] = [PolicyRevision(commit: "add:\(policy.file)", day: Day(year: 2026, month: 1, day: 10)!, authorName: "Alice Smith",
                                                     authorEmail: "alice@example.com", approvedBy: [], text: files[policy.file])]
        }
        let cycle = program.configuration.cycles[0]
        var context = AuditContext(program: program, cycle: cycle, clock: clock, histories: histories, policyRevisions: revisions)
        context.clockSkews = clockSkews
        context.earlierRecords = earlierRecords
        context.testing = testing
        return context
    }
}
