/// A stretch of days, both ends included.
public struct DayRange: Hashable, Sendable, CustomStringConvertible {
    public var start: Day
    public var end: Day

    public init(start: Day, end: Day) {
        self.start = start
        self.end = end
    }

    public func contains(_ day: Day) -> Bool { start <= day && day <= end }
    public func overlaps(_ other: DayRange) -> Bool { start <= other.end && other.start <= end }

    /// The part of this range inside `other`, or nil when they do not meet.
    public func clipped(to other: DayRange) -> DayRange? {
        let clipped = DayRange(start: max(start, other.start), end: min(end, other.end))
        return clipped.start <= clipped.end ? clipped : nil
    }

    public var description: String { start == end ? "\(start)" : "\(start)…\(end)" }
}

extension Frequency {
    /// The calendar-aligned periods of this frequency that meet `window`, clipped to it
    ///: ISO weeks, months, quarters, halves (Jan–Jun, Jul–Dec), and the window itself
    /// for annual and continuous controls. Event controls have no periods.
    public func periods(in window: DayRange) -> [DayRange] {
        switch self {
        case .event: return []
        case .annual, .continuous: return [window]
        case .daily:
            return (0...window.start.days(until: window.end)).map {
                let day = window.start.adding(days: $0)
                return DayRange(start: day, end: day)
            }
        case .weekly:
            // ISO weeks start on Monday; 1970-01-01 was a Thursday.
            let weekday = (window.start.daysSinceEpoch + 3) % 7
            var monday = window.start.adding(days: -(weekday < 0 ? weekday + 7 : weekday))
            var periods: [DayRange] = []
            while monday <= window.end {
                if let clipped = DayRange(start: monday, end: monday.adding(days: 6)).clipped(to: window) { periods.append(clipped) }
                monday = monday.adding(days: 7)
            }
            return periods
        case .monthly, .quarterly, .semiannual:
            let months = self == .monthly ? 1 : self == .quarterly ? 3 : 6
            var year = window.start.year
            var month = (window.start.month - 1) / months * months + 1
            var periods: [DayRange] = []
            while true {
                let first = Day(year: year, month: month, day: 1)!
                if first > window.end { break }
                var endMonth = month + months - 1
                var endYear = year
                if endMonth > 12 { endMonth -= 12; endYear += 1 }
                let last = Day(year: endYear, month: endMonth, day: Day.daysIn(month: endMonth, year: endYear))!
                if let clipped = DayRange(start: first, end: last).clipped(to: window) { periods.append(clipped) }
                month += months
                if month > 12 { month -= 12; year += 1 }
            }
            return periods
        }
    }
}

extension Frequency {
    /// The last day an occurrence can land and still count, late, for `period`: the end of the
    /// following calendar period plus grace days, or for annual and continuous controls (whose
    /// one period is the window) 90 days after the period's end. Whatever lands later is a
    /// backfill: it documents the period after the fact and leaves it missing. Never before the
    /// period's own deadline.
    public func backfillDeadline(for period: DayRange, graceDays: Int) -> Day {
        let deadline = period.end.adding(days: graceDays)
        let followingEnd: Day
        switch self {
        case .annual, .continuous, .event:
            return max(deadline, period.end.adding(days: 90))
        case .daily:
            followingEnd = period.end.adding(days: 1)
        case .weekly:
            // The Sunday that ends the ISO week of the period's end, then one week more; 1970-01-01 was a Thursday.
            let weekday = (period.end.daysSinceEpoch + 3) % 7
            followingEnd = period.end.adding(days: 6 - (weekday < 0 ? weekday + 7 : weekday) + 7)
        case .monthly, .quarterly, .semiannual:
            // The calendar period the period's end falls in (a clipped period belongs to it), then the next one.
            let months = self == .monthly ? 1 : self == .quarterly ? 3 : 6
            var month = (period.end.month - 1) / months * months + 1 + 2 * months - 1
            var year = period.end.year
            while month > 12 { month -= 12; year += 1 }
            followingEnd = Day(year: year, month: month, day: Day.daysIn(month: month, year: year))!
        }
        return max(deadline, followingEnd.adding(days: graceDays))
    }
}
