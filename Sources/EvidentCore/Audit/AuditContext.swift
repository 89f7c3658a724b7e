/// Everything an audit check may look at: the program at the audited commit, the cycle, the
/// audit's clock and what the mainline history proves.
public struct AuditContext: Sendable {
    public var program: Program { didSet { drawSamples(); judgePolicies() } }
    public var cycle: AuditCycle { didSet { drawSamples(); judgePolicies() } }
    public var clock: Day { didSet { judgePolicies() } }
    /// Proven occurrences per control id.
    public var evidence: [String: [EvidenceProof]]
    /// Populations per control id (controls that are active or retired inside the window).
    public var populations: [String: Population] { didSet { drawSamples() } }
    /// The mainline history of every file, by exact path (deleted evidence is only here).
    public var histories: PathHistories
    /// Each policy file's revisions as they landed, oldest first.
    public var policyRevisions: [String: [PolicyRevision]] { didSet { judgePolicies() } }
    /// How each policy of the program stands, by file: its review at the clock (or the window's
    /// end, when that is earlier) and its changes and approval claims in the window. Judged
    /// whenever what it depends on changes, as `evident lint` judges it.
    public private(set) var policyStandings: [String: PolicyStanding] = [:]
    /// Findings of the primary checks, for the checks that follow findings up (set by `Auditor`).
    var primaryFindings: [Finding]?
    /// The tester's conclusions on the cycle's samples, when a testing workpaper was committed
    /// and has no problem (see `takeTestingWorkpaper`).
    public var testing: TestingRecord?
    /// The first problem of the cycle's testing workpaper when it has one: the audit then counts
    /// none of its conclusions (`testing` is nil) and reports the problem instead of stopping.
    public var testingProblem: Diagnostic?
    /// Every recorded control's sample, by control id: drawn when the context is made and again
    /// whenever what it depends on changes (the program, the cycle, the populations, and
    /// `earlierRecords`: a deviation in the previous cycle enlarges a sample).
    public private(set) var samples: [String: ControlSample] = [:]
    /// Mainline commits (that changed the program) dated before the one that landed before them.
    public var clockSkews: [ClockSkew] = []
    /// Records already committed at the audited commit: earlier runs of this cycle and earlier cycles.
    public var earlierRecords: [EarlierRecord] = [] { didSet { drawSamples() } }

    public var window: DayRange { DayRange(start: cycle.start, end: cycle.end) }

    /// Findings are due before fieldwork: at the latest seven days before it.
    public var due: Day {
        cycle.fieldwork.map { $0.adding(days: -7) } ?? clock.adding(days: 30)
    }

    /// Builds the populations of every control from the histories of the evidence files.
    /// `controlAdded` gives, per control id, the day its file first landed.
    public init(program: Program, cycle: AuditCycle, clock: Day, histories: PathHistories, controlAdded: [String: Day] = [:],
                policyRevisions: [String: [PolicyRevision]] = [:]) {
        self.program = program
        self.policyRevisions = policyRevisions
        self.cycle = cycle
        self.clock = clock
        self.histories = histories
        let window = DayRange(start: cycle.start, end: cycle.end)
        var evidence: [String: [EvidenceProof]] = [:]
        var populations: [String: Population] = [:]
        // By the folder's bytes: a control's folder is the one its file names, byte for byte.
        let occurrencesByFolder = Dictionary(grouping: program.evidence, by: \.exactFolder)
        for control in program.controls {
            if let retired = control.retiredOn, retired < window.start { continue }
            let proofs = EvidenceProof.prove(occurrencesByFolder[ExactPath(control.evidence.value)] ?? [], histories: histories)
            evidence[control.id.value] = proofs
            guard let frequency = control.frequency?.value else { continue }
            populations[control.id.value] = Population.build(
                frequency: frequency, graceDays: control.graceDays, window: window, clock: clock,
                occurrences: proofs.map(\.occurrence), controlAdded: controlAdded[control.id.value], retiredOn: control.retiredOn)
        }
        self.evidence = evidence
        self.populations = populations
        samples = Self.drawSamples(program: program, cycle: cycle, populations: populations, previous: nil)
        judgePolicies()
    }

    /// The day a policy's review is measured against: the clock, or the window's end when the
    /// audit runs after it (a review that lapses after the window is the next cycle's).
    public var reviewDay: Day { min(clock, cycle.end) }

    private mutating func judgePolicies() {
        let configuration = program.configuration
        policyStandings = Dictionary(program.policies.map { policy in
            (policy.file, PolicyStanding.judge(policy, revisions: policyRevisions[policy.file] ?? [], people: configuration.people,
                                               requireSigned: configuration.requireSigned, window: window, on: reviewDay))
        }) { first, _ in first }
    }

    private mutating func drawSamples() {
        samples = Self.drawSamples(program: program, cycle: cycle, populations: populations, previous: previousCycleRecord)
    }

    /// Takes the cycle's testing workpaper (nil when none was committed): its conclusions when it
    /// has no problem, else its first problem, so an invalid workpaper is a finding rather than
    /// an audit that cannot run.
    public mutating func takeTestingWorkpaper(_ workpaper: TestingWorkpaper?) {
        testing = nil
        testingProblem = nil
        guard let workpaper else { return }
        if let problem = workpaper.problems(people: program.configuration.people).first {
            testingProblem = problem
        } else {
            testing = workpaper.record
        }
    }

    /// The finding `check` raises on `subject`, listing `periods` or `items`.
    func finding(_ check: some AuditCheck, subject: String, owner: String?, message: String, evidence: [String] = [],
                 periods: [DayRange] = [], items: [String] = []) -> Finding {
        let description = type(of: check).description
        return Finding(code: description.code, severity: description.severity, subject: subject, owner: owner, due: due,
                       status: due < clock ? .overdue : .open, message: message, evidence: FindingText.unique(evidence),
                       periods: periods, items: FindingText.unique(items))
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
