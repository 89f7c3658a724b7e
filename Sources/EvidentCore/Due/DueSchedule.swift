/// What each owner must land next, at a clock: the evidence of every period still open of
/// every active periodic control, the policies whose review falls due, and the interview notes
/// not landed yet — what is overdue but still counts, and what falls due within the horizon.
///
/// It reads the same populations, policy proofs and interview notes as the audit at that clock:
/// the evidence and notes it lists are what the audit raises once their deadlines pass, and the
/// reviews are what lint's POLICY-REVIEW-OVERDUE raises then.
public struct DueSchedule: Sendable {
    /// The day deadlines are measured against.
    public var clock: Day
    /// How many days past the clock upcoming items are listed for.
    public var within: Int
    /// Every item, in `DueItem.ordered` order.
    public var items: [DueItem]
    /// The cycles read, in the order evident.yaml lists them.
    public var cycles: [AuditCycle]
    /// The name of each owner who has items, by people key.
    public var names: [String: String]
    /// The commit whose program and history were read, when the engine read one.
    public var commit: String?

    /// The last day an upcoming item's deadline may fall on.
    public var horizon: Day { clock.adding(days: within) }
    public var overdue: [DueItem] { items.filter { $0.status == .overdue } }
    public var upcoming: [DueItem] { items.filter { $0.status == .upcoming } }

    /// The items per owner, owners in order (unowned items last), each owner's in list order.
    public var byOwner: [(owner: String?, items: [DueItem])] {
        var grouped: [String?: [DueItem]] = [:]
        for item in items { grouped[item.owner, default: []].append(item) }
        let owners = grouped.keys.sorted { ($0 == nil ? 1 : 0, $0 ?? "") < ($1 == nil ? 1 : 0, $1 ?? "") }
        return owners.map { ($0, grouped[$0]!) }
    }

    /// How long after its window ends a cycle without fieldwork still takes late evidence and
    /// notes: as long as a late occurrence of an annual control still counts.
    public static let closingDays = 90

    /// The cycles that something can still be due for at `clock` with `within` days ahead:
    /// those whose window has begun by the horizon and that have not closed — at fieldwork, or
    /// `closingDays` after the window's end for a cycle without one.
    public static func openCycles(_ cycles: [AuditCycle], clock: Day, within: Int) -> [AuditCycle] {
        let horizon = clock.adding(days: within)
        return cycles.filter { $0.start <= horizon && clock <= closing(of: $0) }
    }

    static func closing(of cycle: AuditCycle) -> Day {
        cycle.fieldwork ?? cycle.end.adding(days: closingDays)
    }

    /// The schedule at the clock of `contexts` — one per open cycle (`openCycles`), all read
    /// from one program at one clock — with the policies' proofs, `within` days ahead.
    public init(program: Program, clock: Day, within: Int, contexts: [AuditContext], policyProofs: [String: PolicyProof]) {
        self.clock = clock
        self.within = within
        cycles = contexts.map(\.cycle)
        let horizon = clock.adding(days: within)
        var items: [DueItem] = []

        func add(_ kind: DueItem.Kind, owner: String?, subject: String, title: String? = nil, cycle: AuditCycle? = nil, period: DayRange? = nil,
                 frequency: Frequency? = nil, deadline: Day, countsUntil: Day? = nil, path: String) {
            if deadline >= clock {
                guard deadline <= horizon else { return }
                items.append(DueItem(kind: kind, status: .upcoming, owner: owner, subject: subject, title: title, cycle: cycle?.id,
                                     period: period, frequency: frequency, deadline: deadline, path: path))
            } else {
                if let countsUntil, countsUntil < clock { return }
                if let cycle, Self.closing(of: cycle) < clock { return }
                items.append(DueItem(kind: kind, status: .overdue, owner: owner, subject: subject, title: title, cycle: cycle?.id,
                                     period: period, frequency: frequency, deadline: deadline, countsUntil: countsUntil, path: path))
            }
        }

        // Evidence: every pending period, and every missing one a late occurrence can still fill.
        var seen: Set<[String]> = []
        for context in contexts {
            for control in program.controls where control.isActive {
                guard let population = context.populations[control.id.value], population.frequency != .event else { continue }
                for result in population.periods {
                    let open = result.state == .pending || (result.state == .missing && result.occurrences.isEmpty)
                    // Overlapping cycles share periods: each is listed once.
                    guard open, seen.insert([control.id.value, result.period.description]).inserted else { continue }
                    add(.evidence, owner: control.owner?.value, subject: control.id.value, title: control.title, cycle: context.cycle,
                        period: result.period, frequency: population.frequency, deadline: result.period.end.adding(days: control.graceDays),
                        countsUntil: population.frequency.backfillDeadline(for: result.period, graceDays: control.graceDays),
                        path: control.evidence.value + "/")
                }
            }
        }

        // Policy reviews, due review_days after the last proven approval (or, for a policy
        // never approved, after it first landed), as lint's POLICY-REVIEW-OVERDUE counts them.
        for policy in program.policies where policy.isActive {
            guard let deadline = PolicyReview.due(of: policy, proof: policyProofs[policy.file]) else { continue }
            add(.policyReview, owner: policy.owner?.value, subject: policy.id.value, title: policy.title, deadline: deadline, path: policy.file)
        }

        // Interview notes of each open cycle, due by its window's end.
        for context in contexts {
            for owner in context.interviewees where !context.hasInterviewNote(for: owner) {
                add(.interview, owner: owner, subject: owner, cycle: context.cycle, deadline: context.cycle.interviewsDue,
                    countsUntil: context.cycle.fieldwork, path: context.interviewNote(for: owner))
            }
        }

        self.items = items.sorted(by: DueItem.ordered)
        let people = program.configuration.people
        names = Dictionary(uniqueKeysWithValues: Set(self.items.compactMap(\.owner)).compactMap { key in people[key]?.name.map { (key, $0) } })
    }
}
