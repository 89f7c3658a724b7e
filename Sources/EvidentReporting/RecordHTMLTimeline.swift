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

    /// The daily calendar. `days` are the periods' days in order, one a period.
    private static func calendar(_ timeline: ControlTimeline, days: [Day]) -> String {
        let byDay = Dictionary(zip(days, timeline.cells)) { first, _ in first }
        let firstMonday = days[0].adding(days: -ControlTimeline.weekday(days[0]))
        let weekCount = firstMonday.days(until: days[days.count - 1]) / 7 + 1
        var out = "<div class=\"calendar\"><span class=\"weekday\"></span>"
        for name in ["Mon", "", "Wed", "", "Fri", "", "Sun"] { out += "<span class=\"weekday\">\(name)</span>" }
        for week in 0..<weekCount {
            let monday = firstMonday.adding(days: 7 * week)
            // A month is named over the week holding its first day, and the first week over its own.
            let first = (0..<7).map { monday.adding(days: $0) }.first { $0.day == 1 && byDay[$0] != nil }
            let named = first ?? (week == 0 ? days[0] : nil)
            out += "<span class=\"month\">\(named.map { ControlTimeline.monthName($0.month) } ?? "")</span>"
            for offset in 0..<7 {
                let day = monday.adding(days: offset)
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
