import EvidentCore

/// The JSON contract of `evident due --format json` (format 1). Every key is always present;
/// a value that does not apply is `null`. Keys are sorted and items come in a fixed order, so
/// the same repository, clock and horizon give the same bytes.
///
/// ```
/// {
///   "clock": "YYYY-MM-DD",              the day deadlines are measured against
///   "commit": "<40 hex>" | null,        the commit whose program and history were read
///   "counts": {"overdue": n, "upcoming": n},
///   "cycles": [{"id", "start", "end", "fieldwork" | null}],   the cycles read, as evident.yaml lists them
///   "format_version": 1,
///   "horizon": "YYYY-MM-DD",            the last day an upcoming deadline may fall on
///   "items": [{                         overdue first, then upcoming; each by owner (unowned last), deadline, kind, subject, period
///     "counts_until": "YYYY-MM-DD" | null,   overdue evidence: the last day a late occurrence still counts; an interview: fieldwork
///     "cycle": "<id>" | null,                null for a policy review
///     "deadline": "YYYY-MM-DD",              the last day it lands on time
///     "frequency": "<frequency>" | null,     evidence only
///     "kind": "evidence" | "policy-review" | "interview",
///     "owner": "<people key>" | null,
///     "owner_name": "<name>" | null,
///     "path": "<where it lands>",            the evidence folder (with a final /), the policy file, the interview note
///     "period": {"end", "start"} | null,     evidence only
///     "status": "overdue" | "upcoming",
///     "subject": "<control id, policy id or owner>",
///     "title": "<title>" | null
///   }],
///   "within_days": n
/// }
/// ```
public struct DueJSON: Encodable, Sendable {
    public static let formatVersion = 1

    public struct Item: Encodable, Sendable {
        var countsUntil: String?
        var cycle: String?
        var deadline: String
        var frequency: String?
        var kind: String
        var owner: String?
        var ownerName: String?
        var path: String
        var period: Period?
        var status: String
        var subject: String
        var title: String?

        enum CodingKeys: String, CodingKey {
            case countsUntil = "counts_until", cycle, deadline, frequency, kind, owner, ownerName = "owner_name", path, period, status, subject, title
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(countsUntil, forKey: .countsUntil)
            try container.encode(cycle, forKey: .cycle)
            try container.encode(deadline, forKey: .deadline)
            try container.encode(frequency, forKey: .frequency)
            try container.encode(kind, forKey: .kind)
            try container.encode(owner, forKey: .owner)
            try container.encode(ownerName, forKey: .ownerName)
            try container.encode(path, forKey: .path)
            try container.encode(period, forKey: .period)
            try container.encode(status, forKey: .status)
            try container.encode(subject, forKey: .subject)
            try container.encode(title, forKey: .title)
        }
    }

    public struct Period: Encodable, Sendable {
        var start: String
        var end: String
    }

    public struct Cycle: Encodable, Sendable {
        var id: String
        var start: String
        var end: String
        var fieldwork: String?

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(start, forKey: .start)
            try container.encode(end, forKey: .end)
            try container.encode(fieldwork, forKey: .fieldwork)
        }

        enum CodingKeys: String, CodingKey { case id, start, end, fieldwork }
    }

    var clock: String
    var commit: String?
    var counts: [String: Int]
    var cycles: [Cycle]
    var formatVersion = Self.formatVersion
    var horizon: String
    var items: [Item]
    var withinDays: Int

    enum CodingKeys: String, CodingKey {
        case clock, commit, counts, cycles, formatVersion = "format_version", horizon, items, withinDays = "within_days"
    }

    public init(_ schedule: DueSchedule) {
        clock = schedule.clock.description
        commit = schedule.commit
        counts = [DueItem.Status.overdue.rawValue: schedule.overdue.count, DueItem.Status.upcoming.rawValue: schedule.upcoming.count]
        cycles = schedule.cycles.map { Cycle(id: $0.id, start: $0.start.description, end: $0.end.description, fieldwork: $0.fieldwork?.description) }
        horizon = schedule.horizon.description
        items = schedule.items.map { item in
            Item(countsUntil: item.countsUntil?.description, cycle: item.cycle, deadline: item.deadline.description,
                 frequency: item.frequency?.rawValue, kind: item.kind.rawValue, owner: item.owner,
                 ownerName: item.owner.flatMap { schedule.names[$0] }, path: item.path,
                 period: item.period.map { Period(start: $0.start.description, end: $0.end.description) },
                 status: item.status.rawValue, subject: item.subject, title: item.title)
        }
        withinDays = schedule.within
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(clock, forKey: .clock)
        try container.encode(commit, forKey: .commit)
        try container.encode(counts, forKey: .counts)
        try container.encode(cycles, forKey: .cycles)
        try container.encode(formatVersion, forKey: .formatVersion)
        try container.encode(horizon, forKey: .horizon)
        try container.encode(items, forKey: .items)
        try container.encode(withinDays, forKey: .withinDays)
    }
}
