import EvidentCore

/// What record.md and report.html show and in which order, worked out once from the record
/// alone so that both read top-down the same way: the summary (conclusions, findings by
/// severity, the audit's dates, what is due), the controls, the findings by severity then
/// subject, then the samples, interviews, policies and criteria.
///
/// Nothing here is read from anywhere but the record: `evident verify` renders a committed
/// record.json again and compares the bytes.
struct RecordOverview {
    /// The findings of one severity, by subject.
    struct SeverityGroup {
        var severity: FindingSeverity
        var subjects: [SubjectGroup]
        var count: Int { subjects.reduce(0) { $0 + $1.findings.count } }
        var overdue: Int { subjects.reduce(0) { $0 + $1.findings.filter { $0.status == .overdue }.count } }
    }

    /// The findings of one severity on one subject, with the subject's control when it is one.
    struct SubjectGroup {
        var subject: String
        var control: AuditRecord.Control?
        var findings: [AuditRecord.Finding]
    }

    let record: AuditRecord
    /// The record's due list as schedule items (`AuditRecord.dueItems`), read once.
    let dueItems: [DueItem]
    /// The owners' names the record knows, by people key.
    let names: [String: String]

    init(_ record: AuditRecord) {
        self.record = record
        dueItems = record.dueItems
        names = RecordSummaryRenderer.names(record)
    }

    /// How many controls reached each conclusion, in `ControlResult` order, zeros included.
    var results: [(result: ControlResult, count: Int)] {
        ControlResult.allCases.map { result in (result, record.controls.filter { $0.result == result }.count) }
    }

    /// How many findings there are of each severity, most severe first, zeros included.
    var severities: [(severity: FindingSeverity, count: Int)] {
        FindingSeverity.allCases.reversed().map { severity in (severity, record.findings.filter { $0.severity == severity }.count) }
    }

    var overdueFindings: Int { record.findings.filter { $0.status == .overdue }.count }

    /// The findings by severity (most severe first, empty severities left out), then by subject:
    /// controls in the record's order, then every other subject in the order its first finding
    /// comes. Within a subject, findings keep the record's order.
    var findingGroups: [SeverityGroup] {
        let controlOrder = Dictionary(record.controls.enumerated().map { ($1.id, $0) }) { first, _ in first }
        let controls = Dictionary(record.controls.map { ($0.id, $0) }) { first, _ in first }
        return FindingSeverity.allCases.reversed().compactMap { severity in
            let findings = record.findings.filter { $0.severity == severity }
            guard !findings.isEmpty else { return nil }
            var subjects: [String] = []
            var bySubject: [String: [AuditRecord.Finding]] = [:]
            for finding in findings {
                if bySubject[finding.subject] == nil { subjects.append(finding.subject) }
                bySubject[finding.subject, default: []].append(finding)
            }
            let firstSeen = Dictionary(subjects.enumerated().map { ($1, $0) }) { first, _ in first }
            let ordered = subjects.sorted { lhs, rhs in
                let (left, right) = (controlOrder[lhs], controlOrder[rhs])
                switch (left, right) {
                case let (left?, right?): return left < right
                case (.some, nil): return true
                case (nil, .some): return false
                case (nil, nil): return firstSeen[lhs]! < firstSeen[rhs]!
                }
            }
            return SeverityGroup(severity: severity, subjects: ordered.map { SubjectGroup(subject: $0, control: controls[$0], findings: bySubject[$0]!) })
        }
    }

    /// Whether a severity's group opens unfolded in report.html: the exceptions do, low and info
    /// notes are folded.
    static func opensUnfolded(_ severity: FindingSeverity) -> Bool { severity.isException }

    /// A severity as a group's heading: `High`.
    static func title(_ severity: FindingSeverity) -> String {
        severity.rawValue.prefix(1).uppercased() + severity.rawValue.dropFirst()
    }

    /// The controls with a sample to inspect.
    var sampledControls: [AuditRecord.Control] { record.controls.filter { !$0.sample.items.isEmpty } }

    /// The tester's conclusion on a sampled item as the record keeps it (`pass`, `exception`,
    /// `exception: <note>`), or that it has none yet.
    static func conclusion(of item: String, in sample: AuditRecord.Sample) -> String {
        sample.conclusions[item] ?? "not yet tested"
    }

    /// The record's format, as the records that lack the member are read.
    var format: Int { record.formatVersion ?? 1 }

    /// Said in place of a section whose content a record of an older format does not keep.
    var notRecorded: String { "Not recorded (record format \(format))." }

    /// The last day of the due horizon: the clock plus `dueWithin` days, when both read.
    var dueHorizon: Day? {
        guard let within = record.dueWithin, let clock = Day(record.clock) else { return nil }
        return clock.adding(days: within)
    }

    /// The span the due list covers, in words: "2026-12-01 through 2026-12-31 (30 days)".
    var dueSpan: String {
        let within = record.dueWithin ?? 0
        let horizon = dueHorizon.map { " through \($0)" } ?? ""
        return "\(record.clock)\(horizon) (\(within) \(within == 1 ? "day" : "days"))"
    }

    /// The due list's runs of one status, by owner in the record's order (`DueItem.ordered`):
    /// a daily control's consecutive periods are one run.
    func dueRuns(_ status: DueItem.Status) -> [(owner: String?, runs: [DueRun])] {
        var owners: [String?] = []
        var byOwner: [String?: [DueItem]] = [:]
        for item in dueItems where item.status == status {
            if byOwner[item.owner] == nil { owners.append(item.owner) }
            byOwner[item.owner, default: []].append(item)
        }
        return owners.map { ($0, DueRun.runs(of: byOwner[$0]!)) }
    }

    /// The person's name for an owner key, from the interviews the record lists.
    func name(of owner: String) -> String? {
        names[owner]
    }
}

/// A control's periods as its timeline shows them, read from the record.
struct ControlTimeline {
    /// One period: its dates as recorded, its state and what the record says landed for it.
    struct Cell {
        var start: String
        var end: String
        var state: PeriodResult.State
        /// "2026-01-01…2026-01-31: late — evidence/AC-01/2026-01-30-review.md claimed 2026-01-30, landed 2026-02-10"
        var title: String
        /// The period's first day, when it reads as one.
        var day: Day?
    }

    let control: AuditRecord.Control
    let cells: [Cell]

    init(_ control: AuditRecord.Control) {
        self.control = control
        cells = control.periods.map { period in
            let dates = period.start == period.end ? period.start : "\(period.start)…\(period.end)"
            let landed = period.occurrences.map { "\($0.path) claimed \($0.claimed), landed \($0.landed ?? "never")" }.joined(separator: "; ")
            let backfill = period.backfilled.map { " (backfilled on \($0))" } ?? ""
            let title = "\(dates): \(RecordSummaryRenderer.label(period.state))\(backfill)\(landed.isEmpty ? "" : " — " + landed)"
            return Cell(start: period.start, end: period.end, state: period.state, title: title, day: Day(period.start))
        }
    }

    /// How the periods were filled, in words: "12 periods: 10 on time, 1 late, 1 missing".
    var counts: String {
        guard !cells.isEmpty else {
            return control.frequency == .event
                ? "\(control.occurrences.count) \(control.occurrences.count == 1 ? "occurrence" : "occurrences") in the window (event-driven)"
                : "no periods in the window"
        }
        let states = PeriodResult.State.allCases.compactMap { state -> String? in
            let count = cells.filter { $0.state == state }.count
            return count == 0 ? nil : "\(count) \(RecordSummaryRenderer.label(state))"
        }
        return "\(cells.count) \(cells.count == 1 ? "period" : "periods"): " + states.joined(separator: ", ")
    }

    /// Every period's day, in order, one day each, when the control is daily and every date
    /// reads: what a calendar needs. Nil otherwise (the timeline is then a row of cells).
    var days: [Day]? {
        guard control.frequency == .daily, !cells.isEmpty else { return nil }
        var days: [Day] = []
        for cell in cells {
            guard let day = cell.day, cell.start == cell.end, days.last.map({ $0 < day }) ?? true else { return nil }
            days.append(day)
        }
        return days
    }

    /// The short name of a period in a row of cells: `Jan`, `Q1`, `H2`, or `window` for the one
    /// period of an annual or continuous control, which is the window (none for a day).
    static func label(_ cell: Cell, frequency: Frequency?) -> String {
        guard let day = cell.day else { return "" }
        switch frequency {
        case .monthly, .weekly: return monthName(day.month)
        case .daily: return ""
        case .quarterly: return "Q\((day.month - 1) / 3 + 1)"
        case .semiannual: return "H\((day.month - 1) / 6 + 1)"
        case .annual, .continuous, .event, nil: return "window"
        }
    }

    static func monthName(_ month: Int) -> String {
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][(month - 1) % 12]
    }

    /// Monday is 0, Sunday 6. 1970-01-01 was a Thursday.
    static func weekday(_ day: Day) -> Int {
        let weekday = (day.daysSinceEpoch + 3) % 7
        return weekday < 0 ? weekday + 7 : weekday
    }
}
