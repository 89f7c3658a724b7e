/// The first audit cycle `evident init` writes into evident.yaml: a window of whole months and
/// the day fieldwork is planned for.
///
/// By default the window starts on the first of the month after the day `init` runs, so a new
/// program never begins with periods that are already over, runs twelve months, and fieldwork
/// comes a month after it ends.
public struct StarterCycle: Hashable, Sendable {
    /// The months a window runs unless told otherwise.
    public static let defaultMonths = 12
    /// The lengths a window may have, in months.
    public static let monthRange = 1...24

    public var id: String
    public var start: Day
    public var end: Day
    public var months: Int
    public var fieldwork: Day

    /// A window of `months` months from `start` (its last day is the day before the same day
    /// `months` later), with fieldwork on `fieldwork`, or a month after the window ends. The id
    /// is the year the window starts in.
    public init(start: Day, months: Int = defaultMonths, fieldwork: Day? = nil) {
        self.start = start
        self.months = months
        end = start.adding(months: months).adding(days: -1)
        self.fieldwork = fieldwork ?? end.adding(months: 1)
        id = String(start.year)
    }

    /// The calendar year `year`, January to December (`init --year`).
    public static func calendarYear(_ year: Int, fieldwork: Day? = nil) -> StarterCycle {
        StarterCycle(start: Day(year: year, month: 1, day: 1)!, fieldwork: fieldwork)
    }

    /// The first day of the month after `today`: where a window starts when nothing says otherwise.
    public static func defaultStart(after today: Day) -> Day {
        Day(year: today.year, month: today.month, day: 1)!.adding(months: 1)
    }
}

extension Day {
    /// The same day `months` calendar months later (or earlier), or the last day of that month
    /// when it is shorter: 31 January plus one month is 28 or 29 February.
    public func adding(months: Int) -> Day {
        let index = year * 12 + (month - 1) + months
        let (newYear, newMonth) = (index >= 0 ? index / 12 : (index - 11) / 12, ((index % 12) + 12) % 12 + 1)
        return Day(year: newYear, month: newMonth, day: min(day, Day.daysIn(month: newMonth, year: newYear)))!
    }
}
