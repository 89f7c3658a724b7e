import EvidentCore

/// A control's timeline in report.html: every period a fixed-size cell, coloured by its state
/// (a class per state, explained by the legend) and titled with its dates, its state and what
/// landed for it, which a browser shows on hover.
///
/// - a daily control is a calendar: weeks as columns, Monday to Sunday as rows, each month
///   named above the week its first day falls in;
/// - a weekly control is a grid of thirteen weeks a row (about a quarter), each row named by
///   the month its first week starts in;
/// - every other periodic control is a row of cells named `Jan`, `Q1`, `H1` or the year;
/// - an event control has no periods: its count of occurrences says it all.
///
/// Cells are sized in CSS (`RecordHTMLRenderer.style`), never by sharing out a width, so that
/// 365 of them cannot collapse to nothing.
enum TimelineHTML {
    static func html(_ timeline: ControlTimeline) -> String {
        if timeline.cells.isEmpty { return "" }
        if let days = timeline.days { return calendar(timeline, days: days) }
        if timeline.control.frequency == .weekly { return weeks(timeline) }
        return row(timeline)
    }

    /// Weeks in a row of the weekly grid.
    static let weeksPerRow = 13

    private static func cell(_ cell: ControlTimeline.Cell, text: String = "") -> String {
        "<span class=\"\(RecordHTMLRenderer.cssClass(cell.state))\" title=\"\(HTMLText.escape(cell.title))\">\(HTMLText.escape(text))</span>"
    }

    /// The most weeks one row of a daily calendar holds: a year's, whatever weekday it starts on,
    /// which is as wide as a printed A4 or Letter page allows.
    static let calendarWeeksPerRow = 54

    /// The daily calendar. `days` are the periods' days in order, one a period. A window longer
    /// than a year is split into rows of equal length, each a grid of its own, named in its
    /// corner by the year it starts in, so that it fits the page rather than running off it.
    private static func calendar(_ timeline: ControlTimeline, days: [Day]) -> String {
        let byDay = Dictionary(zip(days, timeline.cells)) { first, _ in first }
        let firstMonday = days[0].adding(days: -ControlTimeline.weekday(days[0]))
        let weekCount = firstMonday.days(until: days[days.count - 1]) / 7 + 1
        let rows = (weekCount + calendarWeeksPerRow - 1) / calendarWeeksPerRow
        let weeksPerRow = (weekCount + rows - 1) / rows
        return stride(from: 0, to: weekCount, by: weeksPerRow).map { first in
            let mondays = (first..<min(first + weeksPerRow, weekCount)).map { firstMonday.adding(days: 7 * $0) }
            return calendarRow(mondays, byDay: byDay, named: rows > 1)
        }.joined()
    }

    /// One row of the daily calendar: the weeks starting on `mondays`, Monday to Sunday as rows.
    /// A month is named over the week holding its first day, and the row's first week over its
    /// own; with `named`, the corner names the year of the row's first day.
    private static func calendarRow(_ mondays: [Day], byDay: [Day: ControlTimeline.Cell], named: Bool) -> String {
        let weeks = mondays.map { monday in (0..<7).map { monday.adding(days: $0) } }
        let firstDay = weeks.lazy.flatMap { $0 }.first { byDay[$0] != nil }
        var out = "<div class=\"calendar\"><span class=\"weekday\">\(named ? firstDay.map { "\($0.year)" } ?? "" : "")</span>"
        for name in ["Mon", "", "Wed", "", "Fri", "", "Sun"] { out += "<span class=\"weekday\">\(name)</span>" }
        for (index, week) in weeks.enumerated() {
            let first = week.first { $0.day == 1 && byDay[$0] != nil }
            let named = first ?? (index == 0 ? firstDay : nil)
            out += "<span class=\"month\">\(named.map { ControlTimeline.monthName($0.month) } ?? "")</span>"
            for day in week {
                out += byDay[day].map { cell($0) } ?? "<span class=\"outside\"></span>"
            }
        }
        return out + "</div>"
    }

    /// The weekly grid: rows of `weeksPerRow` weeks, each named by the month its first week starts in.
    private static func weeks(_ timeline: ControlTimeline) -> String {
        var out = "<div class=\"weeks\">"
        for start in stride(from: 0, to: timeline.cells.count, by: weeksPerRow) {
            let rowCells = timeline.cells[start..<min(start + weeksPerRow, timeline.cells.count)]
            out += "<span class=\"row-label\">\(rowCells.first?.day.map { ControlTimeline.monthName($0.month) } ?? "")</span>"
            out += rowCells.map { cell($0) }.joined()
        }
        return out + "</div>"
    }

    /// A row of named cells, for monthly and longer periods (and for a daily or weekly control
    /// whose dates do not read as a calendar).
    private static func row(_ timeline: ControlTimeline) -> String {
        "<div class=\"periods\">" + timeline.cells.map { cell($0, text: ControlTimeline.label($0, frequency: timeline.control.frequency)) }.joined() + "</div>"
    }
}
