/// What the record says is due next and how the interviews stand: the part of the record that
/// looks forward from the audit's clock. Format 4 and later; older records have neither.
extension AuditRecord {
    /// How many days past the clock the record lists what falls due.
    public static let dueWithinDays = 30

    /// One thing an owner must land for the audited cycle (or, for a policy review, for the
    /// program): a `DueItem` as the record writes it.
    public struct Due: Codable, Sendable, Equatable {
        public var kind: DueItem.Kind
        public var status: DueItem.Status
        public var owner: String?
        /// The control or policy id; for an interview, the people key of the interviewee.
        public var subject: String
        /// The period the evidence is for, `start…end` or one day as findings write periods.
        public var period: String?
        /// The last day it lands on time.
        public var deadline: String
        /// The last day it still counts once overdue, when there is one.
        public var countsUntil: String?
        /// Where it lands, relative to the repository top.
        public var path: String

        public init(kind: DueItem.Kind, status: DueItem.Status, owner: String?, subject: String, period: String?,
                    deadline: String, countsUntil: String?, path: String) {
            self.kind = kind
            self.status = status
            self.owner = owner
            self.subject = subject
            self.period = period
            self.deadline = deadline
            self.countsUntil = countsUntil
            self.path = path
        }

        enum CodingKeys: String, CodingKey {
            case kind, status, owner, subject, period, deadline, path
            case countsUntil = "counts_until"
        }
    }

    /// A control owner's interview for the cycle and whether its note had landed by the clock.
    public struct Interview: Codable, Sendable, Equatable {
        /// The people key of the owner interviewed.
        public var owner: String
        /// Their name, when evident.yaml gives one.
        public var name: String?
        /// Where the note goes, relative to the repository top.
        public var note: String
        /// The day the note first landed on the mainline, by the clock; nil when it has not.
        public var landed: String?
        /// The mainline commit that landed it.
        public var commit: String?

        public init(owner: String, name: String?, note: String, landed: String?, commit: String?) {
            self.owner = owner
            self.name = name
            self.note = note
            self.landed = landed
            self.commit = commit
        }
    }

    /// `due` read back as schedule items, in the record's order, so that a renderer can join a
    /// daily control's run of periods (`DueRun.runs`). Entries whose dates do not read are left out.
    public var dueItems: [DueItem] {
        let controls = Dictionary(controls.map { ($0.id, $0) }) { first, _ in first }
        return (due ?? []).compactMap { entry in
            guard let deadline = Day(entry.deadline) else { return nil }
            let control = entry.kind == .evidence ? controls[entry.subject] : nil
            return DueItem(kind: entry.kind, status: entry.status, owner: entry.owner, subject: entry.subject, title: control?.title,
                           cycle: entry.kind == .policyReview ? nil : cycle.id, period: entry.period.flatMap(DayRange.init(recorded:)),
                           frequency: control?.frequency, deadline: deadline, countsUntil: entry.countsUntil.flatMap(Day.init), path: entry.path)
        }
    }

    /// What is due within `dueWithinDays` of the context's clock for its cycle, as `evident due`
    /// lists it for that cycle alone.
    static func due(in context: AuditContext) -> [Due] {
        let schedule = DueSchedule(program: context.program, clock: context.clock, within: dueWithinDays, contexts: [context],
                                   policyProofs: context.policyStandings.mapValues(\.proof))
        return schedule.items.map { item in
            Due(kind: item.kind, status: item.status, owner: item.owner, subject: item.subject, period: item.period?.description,
                deadline: item.deadline.description, countsUntil: item.countsUntil?.description, path: item.path)
        }
    }

    /// Every interviewee's note for the context's cycle and the commit that first landed it by the clock.
    static func interviews(in context: AuditContext) -> [Interview] {
        let people = context.program.configuration.people
        return context.interviewees.map { owner in
            let note = context.interviewNote(for: owner)
            let landing = context.histories[note]?.events.first { $0.change == .added && $0.landed <= context.clock }
            return Interview(owner: owner, name: people[owner]?.name, note: note, landed: landing?.landed.description, commit: landing?.commit)
        }
    }
}
