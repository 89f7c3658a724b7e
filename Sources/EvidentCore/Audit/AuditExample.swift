/// A small audited program: the example base program with some files changed, and the days on
/// which evidence files landed (each `path: day` is one commit adding it; a second day in
/// `modified` is a later change to it).
///
/// A triggering example lists in `expecting` the findings the check must raise, by subject, with
/// the periods and items each lists. The test compares them with the check's findings, so an
/// example cannot pass by raising the code for some other subject, period or item.
public struct AuditExample: Sendable {
    public var files: [String: String]
    public var landed: [String: Day]
    public var modified: [String: Day]
    /// Evidence deleted on that day: in the history, gone from the audited program.
    public var deleted: [String: Day]
    /// Evidence deleted and added back: both in the history, and in the audited program again.
    public var readded: [String: (deleted: Day, added: Day)]
    /// Files that are symbolic links or submodules: the audit neither counts them nor has their history.
    public var kinds: [String: ProgramFileEntry.Kind]
    /// Policy revisions by file; policies without any are taken as written by Alice and landed on
    /// 2026-01-10 by Dave, committing with his `Approved-by:` trailer.
    public var policyRevisions: [String: [PolicyRevision]]
    public var clockSkews: [ClockSkew]
    public var earlierRecords: [EarlierRecord]
    public var testing: TestingRecord?
    public var clock: Day
    /// The findings the check must raise on this example, exactly.
    public var expected: [ExpectedFinding]

    public init(_ files: [String: String] = [:], kinds: [String: ProgramFileEntry.Kind] = [:], landed: [String: Day] = [:],
                modified: [String: Day] = [:], deleted: [String: Day] = [:], readded: [String: (deleted: Day, added: Day)] = [:],
                policyRevisions: [String: [PolicyRevision]] = [:], clockSkews: [ClockSkew] = [], earlierRecords: [EarlierRecord] = [],
                testing: TestingRecord? = nil, clock: Day = Day(year: 2026, month: 11, day: 15)!,
                expecting expected: [ExpectedFinding] = []) {
        self.testing = testing
        self.files = files
        self.policyRevisions = policyRevisions
        self.clockSkews = clockSkews
        self.earlierRecords = earlierRecords
        self.landed = landed
        self.modified = modified
        self.deleted = deleted
        self.readded = readded
        self.kinds = kinds
        self.clock = clock
        self.expected = expected
    }

    /// What a clean audit of the base program adds: AC-01's evidence for each closed quarter,
    /// landed on time, the year's risk assessment, and the owner's interview note.
    public static let cleanAuditFiles: [String: String] = [
        "evidence/AC-01/2026-04-10-review.md": "Q2", "evidence/AC-01/2026-07-08-review.md": "Q3",
        "risk/risk-assessment.md": "---\nkind: risk-assessment\n---\nRegister.\n",
        "audits/2026/interviews/alice.md": "Interview with Alice.\n",
    ]

    public func context() throws -> AuditContext {
        var files = ExampleProgram.base.merging(Self.cleanAuditFiles) { $1 }.merging(self.files) { $1 }
        files = files.filter { !$0.value.isEmpty || $0.key.hasSuffix(".gitkeep") }
        let program = try Program.load(from: InMemoryFiles(files.filter { deleted[$0.key] == nil }, kinds: kinds))
        var histories: [String: PathHistory] = [:]
        // The engine keeps no history of links and submodules under the evidence folder.
        for path in files.keys where (path.hasPrefix("evidence/") || path.hasPrefix("risk/") || path.hasPrefix("audits/")) && kinds[path] == nil {
            let name = path.split(separator: "/").dropFirst(2).first.map(String.init) ?? ""
            let claimed = EvidenceOccurrence.claimedDate(ofName: name) ?? Day(year: 2026, month: 1, day: 1)!
            var events = [PathHistory.Event(change: .added, commit: "add:\(path)", landed: landed[path] ?? claimed.adding(days: 1), author: "bob")]
            if let day = modified[path] { events.append(.init(change: .modified, commit: "edit:\(path)", landed: day, author: "bob")) }
            if let day = deleted[path] { events.append(.init(change: .deleted, commit: "delete:\(path)", landed: day, author: "bob")) }
            if let days = readded[path] {
                events.append(.init(change: .deleted, commit: "delete:\(path)", landed: days.deleted, author: "bob"))
                events.append(.init(change: .added, commit: "readd:\(path)", landed: days.added, author: "bob"))
            }
            histories[path] = PathHistory(path: path, events: events)
        }
        var revisions = policyRevisions
        for policy in program.policies where revisions[policy.file] == nil {
            revisions[policy.file] = [PolicyRevision(commit: "add:\(policy.file)", day: Day(year: 2026, month: 1, day: 10)!, authorName: "Alice Smith",
                                                     authorEmail: "alice@example.com", committerName: ExampleProgram.approver.name,
                                                     committerEmail: ExampleProgram.approver.email,
                                                     approvedBy: ["\(ExampleProgram.approver.name) <\(ExampleProgram.approver.email)>"], text: files[policy.file])]
        }
        let cycle = program.configuration.cycles[0]
        var context = AuditContext(program: program, cycle: cycle, clock: clock, histories: PathHistories(histories.values), policyRevisions: revisions)
        context.clockSkews = clockSkews
        context.earlierRecords = earlierRecords
        // A written testing.yaml is read as the audit reads it; `testing` stands for a valid one.
        if let testing {
            context.testing = testing
        } else {
            context.takeTestingWorkpaper(program.testingWorkpapers.first { $0.cycle == cycle.id })
        }
        return context
    }
}

/// Where a finding must be and what it must list: the control, policy or other subject it
/// concerns, the periods (for findings about periods) and the items.
public struct ExpectedFinding: Hashable, Sendable, CustomStringConvertible {
    public var subject: String
    public var periods: [DayRange]
    public var items: [String]

    public init(_ subject: String, periods: [DayRange] = [], items: [String] = []) {
        self.subject = subject
        self.periods = periods
        self.items = items
    }

    /// `subject` with one period given as YYYY-MM-DD days.
    public init(_ subject: String, from start: String, to end: String, items: [String] = []) {
        self.init(subject, periods: [DayRange(start: Day(start)!, end: Day(end)!)], items: items)
    }

    public init(_ finding: Finding) {
        self.init(finding.subject, periods: finding.periods, items: finding.items)
    }

    public var description: String {
        ([subject] + periods.map(\.description) + (items.isEmpty ? [] : ["[" + items.joined(separator: ", ") + "]"])).joined(separator: " ")
    }
}
