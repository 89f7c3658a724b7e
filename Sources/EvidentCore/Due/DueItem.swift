/// One thing an owner must land on the mainline, and by when: evidence for a period of a
/// periodic control, a policy's review approval, or an interview note.
public struct DueItem: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Codable, Sendable {
        /// An occurrence for one period of a periodic control, in the control's evidence folder.
        case evidence
        /// A proven approval of a policy whose review falls due, in the policy's file.
        case policyReview = "policy-review"
        /// The note of a control owner's interview, in the cycle's audit folder.
        case interview
    }

    public enum Status: String, CaseIterable, Codable, Sendable {
        /// The deadline has passed, but what lands now still counts: evidence as late rather
        /// than missing, an approval or an interview note before the audit needs it.
        case overdue
        /// The deadline has not passed and falls within the horizon.
        case upcoming
    }

    public var kind: Kind
    public var status: Status
    /// The people key of whoever must land it; nil when the control or policy has no owner.
    public var owner: String?
    /// The control or policy id; for an interview, the owner interviewed.
    public var subject: String
    /// The control's or policy's title.
    public var title: String?
    /// The cycle it is for (nil for a policy review, which belongs to no one cycle).
    public var cycle: String?
    /// The period the evidence is for.
    public var period: DayRange?
    /// The control's frequency, for evidence.
    public var frequency: Frequency?
    /// The last day it can land on time: a period's end plus grace days, the day review_days
    /// run out, the window's end for interviews.
    public var deadline: Day
    /// The last day it still counts once overdue, when there is one: for evidence the end of the
    /// following period plus grace days (later is a backfill, and the period stays missing),
    /// for an interview the cycle's fieldwork.
    public var countsUntil: Day?
    /// Where it lands, relative to the repository top: the control's evidence folder, the
    /// policy file, the interview note.
    public var path: String

    public init(kind: Kind, status: Status, owner: String?, subject: String, title: String? = nil, cycle: String? = nil,
                period: DayRange? = nil, frequency: Frequency? = nil, deadline: Day, countsUntil: Day? = nil, path: String) {
        self.kind = kind
        self.status = status
        self.owner = owner
        self.subject = subject
        self.title = title
        self.cycle = cycle
        self.period = period
        self.frequency = frequency
        self.deadline = deadline
        self.countsUntil = countsUntil
        self.path = path
    }

    /// The order items are listed in: overdue before upcoming, then by owner (unowned last),
    /// deadline, kind, subject and period.
    public static func ordered(_ lhs: DueItem, _ rhs: DueItem) -> Bool {
        func owner(_ item: DueItem) -> (Int, Int, String) {
            (Status.allCases.firstIndex(of: item.status)!, item.owner == nil ? 1 : 0, item.owner ?? "")
        }
        func rest(_ item: DueItem) -> (Int, Int, String, Int) {
            (item.deadline.daysSinceEpoch, Kind.allCases.firstIndex(of: item.kind)!, item.subject, item.period?.start.daysSinceEpoch ?? 0)
        }
        return owner(lhs) != owner(rhs) ? owner(lhs) < owner(rhs) : rest(lhs) < rest(rhs)
    }
}

/// Items of one control, one status and one deadline spacing in a row — a daily control's
/// thirty pending days — shown as one line instead of thirty.
public struct DueRun: Hashable, Sendable {
    public var items: [DueItem]

    public var first: DueItem { items[0] }
    public var last: DueItem { items[items.count - 1] }
    /// The periods from the first's start to the last's end.
    public var periods: DayRange? {
        guard let start = first.period?.start, let end = last.period?.end else { return nil }
        return DayRange(start: start, end: end)
    }
    /// The deadlines from the first to the last.
    public var deadlines: DayRange { DayRange(start: first.deadline, end: last.deadline) }

    /// `items` with each control's evidence items of one status whose periods follow one
    /// another put in one run, wherever other items come between them; every other item is a
    /// run of its own. Runs keep the order of their first items.
    public static func runs(of items: [DueItem]) -> [DueRun] {
        var runs: [DueRun] = []
        // The run each control's next period may extend, by status, owner, cycle and control.
        var open: [[String?]: Int] = [:]
        for item in items {
            guard item.kind == .evidence, let period = item.period else {
                runs.append(DueRun(items: [item]))
                continue
            }
            let key: [String?] = [item.status.rawValue, item.owner, item.cycle, item.subject]
            if let index = open[key], runs[index].last.period?.end.adding(days: 1) == period.start {
                runs[index].items.append(item)
            } else {
                open[key] = runs.count
                runs.append(DueRun(items: [item]))
            }
        }
        return runs
    }
}
