@testable import EvidentCore
import EvidentReporting
import Foundation
import GitFixtures
import Testing

/// report.html of the fixed record (`ReportFixture`), read with a real HTML parser (Python's
/// `html.parser`): the sections' order, a titled cell for every period, ids that never wrap,
/// findings that fold by severity.
@Suite struct ReportHTMLLayoutTests {
    /// The page as a list of elements: tag, attributes, and the text directly inside.
    struct Element: Decodable {
        var tag: String
        var attributes: [String: String]
        var text: String
        /// The classes of its enclosing elements, innermost last.
        var ancestors: [String]

        var classes: [String] { (attributes["class"] ?? "").split(separator: " ").map(String.init) }
    }

    static func elements(_ html: String) throws -> [Element] {
        let script = """
            import sys, json
            from html.parser import HTMLParser
            VOID = {"meta", "br", "img", "hr", "input", "link"}
            class P(HTMLParser):
                def __init__(self):
                    super().__init__(convert_charrefs=True)
                    self.out, self.stack = [], []
                def handle_starttag(self, tag, attrs):
                    element = {"tag": tag, "attributes": {k: (v or "") for k, v in attrs}, "text": "",
                               "ancestors": [e["tag"] + "." + e["attributes"].get("class", "") for e in self.stack]}
                    self.out.append(element)
                    if tag not in VOID: self.stack.append(element)
                def handle_endtag(self, tag):
                    while self.stack:
                        if self.stack.pop()["tag"] == tag: break
                def handle_data(self, data):
                    if self.stack: self.stack[-1]["text"] += data
            p = P()
            p.feed(sys.stdin.read())
            print(json.dumps(p.out))
            """
        let result = try Process.capture(executable: "/usr/bin/env", arguments: ["python3", "-c", script], in: URL(fileURLWithPath: "/"), input: Data(html.utf8))
        guard result.status == 0 else { throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: String(decoding: result.standardError, as: UTF8.self)]) }
        return try JSONDecoder().decode([Element].self, from: result.standardOutput)
    }

    @Test func sectionsReadTopDown() throws {
        let elements = try Self.elements(RecordHTMLRenderer().string(ReportFixture.record))
        let sections = elements.filter { $0.tag == "h2" }.map { $0.attributes["id"] ?? "" }
        #expect(sections == ["summary", "controls", "findings", "follow-up", "samples", "interviews", "policies", "coverage"])
        let due = try #require(elements.firstIndex { $0.attributes["id"] == "due" })
        #expect(elements.firstIndex { $0.attributes["id"] == "summary" }! < due && due < elements.firstIndex { $0.attributes["id"] == "controls" }!,
                "what is due is part of the summary")
    }

    /// Every period of every control has one cell, titled with its dates and state, and a class
    /// for its state; a daily control's days are laid out Monday to Sunday in weeks.
    @Test func everyPeriodHasATitledCell() throws {
        let record = ReportFixture.record
        let elements = try Self.elements(RecordHTMLRenderer().string(record))
        let cards = elements.indices.filter { elements[$0].classes == ["card", "control"] }
        #expect(cards.count == record.controls.count)
        for (control, start) in zip(record.controls, cards) {
            let end = cards.first { $0 > start } ?? elements.count
            let cells = elements[start..<end].filter { $0.tag == "span" && $0.attributes["title"] != nil }
            #expect(cells.count == control.periods.count, "\(control.id): \(cells.count) cells for \(control.periods.count) periods")
            for period in control.periods {
                let dates = period.start == period.end ? period.start : "\(period.start)…\(period.end)"
                let matching = cells.filter { $0.attributes["title"]!.hasPrefix(dates + ": ") }
                #expect(matching.count == 1, "\(control.id) \(dates): \(matching.count) cells")
                let cell = try #require(matching.first)
                #expect(cell.classes == [Self.stateClass(period.state)], "\(control.id) \(dates)")
                #expect(cell.ancestors.last == "div.\(Self.layout(control.frequency))", "\(control.id) \(dates)")
            }
        }
        let cells = elements.filter { $0.tag == "span" && $0.attributes["title"] != nil }
        let daily = try #require(record.controls.first { $0.frequency == .daily })
        let calendar = cells.filter { $0.ancestors.last == "div.calendar" }
        #expect(calendar.count == daily.periods.count, "one cell per day: \(calendar.count) of \(daily.periods.count)")
        // 2026-01-01 was a Thursday: three blank days open the first week.
        let firstWeek = elements.drop { $0.classes != ["calendar"] }.dropFirst(10).prefix(7)
        #expect(firstWeek.map { $0.classes.first ?? "" } == ["outside", "outside", "outside", "on-time", "on-time", "on-time", "on-time"])
        #expect(elements.filter { $0.ancestors.last == "div.calendar" && $0.classes == ["month"] && !$0.text.isEmpty }.map(\.text)
                == ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"])
        #expect(elements.contains { $0.classes == ["counts"] && $0.text.hasPrefix("3 occurrences in the window (event-driven)") })
    }

    /// A daily control's calendar longer than a year (a 24-month window, as `init --months 24`
    /// writes) is split into rows that fit the page, each no wider than a year's calendar and
    /// named by its year; a year's calendar stays one row.
    @Test func aCalendarLongerThanAYearWrapsIntoRowsNamedByYear() throws {
        let days = DayRange(start: Day("2025-01-01")!, end: Day("2026-12-31")!)
        var record = ReportFixture.record
        record.controls = [ReportFixture.control("DL-01", "Nightly backups", owner: "bob", .daily, result: .effective, conclusion: "c",
                                                 periods: Frequency.daily.periods(in: days).map { period in
                                                     AuditRecord.Period(start: period.start.description, end: period.end.description, state: .onTime,
                                                                        occurrences: [], backfilled: nil)
                                                 },
                                                 sample: ReportFixture.sample(population: 730, items: [], conclusions: [:], rule: "r"))]
        let elements = try Self.elements(RecordHTMLRenderer().string(record))
        let grids = elements.indices.filter { elements[$0].classes == ["calendar"] }
        #expect(grids.count == 2, "\(grids.count) rows")
        for (index, start) in grids.enumerated() {
            let end = index + 1 < grids.count ? grids[index + 1] : elements.count
            let row = elements[start..<end].filter { $0.ancestors.last == "div.calendar" }
            let weeks = row.filter { $0.classes == ["month"] }.count
            #expect(weeks <= 54, "row \(index): \(weeks) weeks, wider than a year")
            #expect(row.first?.text == ["2025", "2026"][index], "row \(index) is named by its year: \(row.first?.text ?? "")")
        }
        let cells = elements.filter { $0.ancestors.last == "div.calendar" && $0.attributes["title"] != nil }
        #expect(cells.count == 730, "every day once: \(cells.count)")
        let oneYear = try Self.elements(RecordHTMLRenderer().string(ReportFixture.record))
        #expect(oneYear.filter { $0.classes == ["calendar"] }.count == 1)
        #expect(oneYear.first { $0.ancestors.last == "div.calendar" }?.text == "", "a single row needs no year")
    }

    static func layout(_ frequency: Frequency?) -> String {
        switch frequency {
        case .daily: "calendar"
        case .weekly: "weeks"
        default: "periods"
        }
    }

    static func stateClass(_ state: PeriodResult.State) -> String {
        state == .onTime ? "on-time" : state == .notStarted ? "not-started" : state.rawValue
    }

    /// Ids and codes are in elements that never wrap, and the style says so.
    @Test func idsAndCodesNeverWrap() throws {
        let html = try RecordHTMLRenderer().string(ReportFixture.record)
        #expect(html.contains("code.id,.nowrap{white-space:nowrap}"))
        let elements = try Self.elements(html)
        let unbreakable = Set(elements.filter { $0.classes.contains("id") || $0.classes.contains("nowrap") }.map(\.text))
        for finding in ReportFixture.record.findings {
            #expect(unbreakable.contains(finding.id) && unbreakable.contains(finding.code) && unbreakable.contains(finding.subject), "\(finding.id)")
        }
        for control in ReportFixture.record.controls { #expect(unbreakable.contains(control.id)) }
    }

    /// Findings are grouped by severity, most severe first, each group a `<details>` that opens
    /// for the exceptions (high, medium) and stays folded for notes (low, info); within a
    /// group, by subject, controls in the record's order first.
    @Test func findingsFoldBySeverityThenSubject() throws {
        let elements = try Self.elements(RecordHTMLRenderer().string(ReportFixture.record))
        let groups = elements.filter { $0.tag == "details" && $0.classes == ["severity"] }
        #expect(groups.map { $0.attributes["open"] != nil } == [true, true, false])
        let summaries = elements.filter { $0.tag == "summary" && $0.ancestors.last == "details.severity" }.map(\.text)
        #expect(summaries == [" — 4 findings on 4 subjects, 1 past their due date", " — 4 findings on 3 subjects", " — 2 findings on 2 subjects"])
        let subjects = elements.filter { $0.tag == "code" && $0.ancestors.last == "th." && $0.ancestors.dropLast().last == "tr.group" }.map(\.text)
        #expect(subjects == ["DL-01", "WK-01", "QT-01", "POL-VENDOR", "DL-01", "MO-01", "CC9.2", "MO-02", "bob"])
    }

    /// Each sampled item has the tester's conclusion, or says it has none yet.
    @Test func samplesShowTheTestersConclusions() throws {
        let elements = try Self.elements(RecordHTMLRenderer().string(ReportFixture.record))
        let rows = elements.filter { $0.tag == "td" && $0.ancestors.contains("div.card sample") }.map(\.text)
        #expect(rows.contains("pass") && rows.contains("exception: the restore test log is missing") && rows.contains("not yet tested"))
        let interviews = elements.filter { $0.tag == "span" && $0.classes == ["status-overdue"] }.map(\.text)
        #expect(interviews.contains("not landed"))
    }

    /// A record of format 3 renders, saying what it does not record.
    @Test func olderFormatRenders() throws {
        var record = ReportFixture.record
        record.formatVersion = 3
        (record.due, record.dueWithin, record.interviews) = (nil, nil, nil)
        let html = try RecordHTMLRenderer().string(record)
        #expect(html.contains("<h2 id=\"interviews\">Interviews</h2>\n<p>Not recorded (record format 3).</p>"))
        #expect(html.contains("<h3 id=\"due\">What is due from 2026-10-15 (0 days)</h3>\n<p>Not recorded (record format 3).</p>"))
    }
}
