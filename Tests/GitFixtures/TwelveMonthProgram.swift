import EvidentCore
import Foundation

/// The program a new user builds, a year on: one daily, one weekly, four monthly and three
/// quarterly controls (AC-01 of the example program among them), with evidence landing commit
/// by commit and a few periods missing or late. The engine's tests check that each problem is
/// one finding; the command tests check what a person reads about it.
///
/// What it plants: DL-01 (daily, bob) misses 2–6 March and 10 June (backfilled on 1 July) and
/// is a day late on 3 and 4 August; WK-01 (weekly, bob) misses the week of 7 September; MO-02
/// (monthly, alice) is late in April; MO-03 misses July and August; QT-02 (quarterly, alice)
/// misses Q3 and QT-03's Q2 lands late; POL-BACKUP, never approved since 2024, is rewritten in
/// March.
public enum TwelveMonthProgram {
    /// A control of the example program's scope with `grace_days` set.
    private static func control(_ id: String, frequency: String, graceDays: Int, owner: String) -> String {
        """
        ---
        id: \(id)
        title: Control \(id)
        criteria: [CC6.1]
        owner: \(owner)
        frequency: \(frequency)
        grace_days: \(graceDays)
        risk: moderate
        ---
        What the control does.

        ## Test procedure
        Inspect the evidence.

        """
    }

    private static func days(_ text: String...) -> [Day] { text.map { Day($0)! } }

    /// A policy with no approval entry.
    private static func unapproved(_ topic: String, body: String) -> String {
        ExampleProgram.policy(topic, approvals: [], body: body).replacingOccurrences(of: "approvals:\n\n", with: "approvals: []\n")
    }

    /// The days a daily control's evidence for `day` is pushed: the Monday after it, in the
    /// weekly batch.
    private static func nextMonday(after day: Day) -> Day {
        let weekday = ((day.daysSinceEpoch + 3) % 7 + 7) % 7  // Monday is 0; 1970-01-01 was a Thursday.
        return day.adding(days: 7 - weekday)
    }

    /// The year of 2026 with its planted problems, built in `folder`; the tip is dated
    /// 9 January 2027, when every period's grace days have passed.
    public static func build(in folder: TemporaryDirectory) throws -> FixtureRepository {
        var fixture = try FixtureRepository(in: folder.url)
        // A policy that landed long ago, never approved, and is rewritten in the window.
        let legacy = "policies/POL-BACKUP.md"
        try fixture.commit([legacy: Self.unapproved("backup", body: "Back up nightly.")], on: "2024-11-01", author: BoundAuthors.alice)

        // The program lands before the window, its policies approved by dave (the committer,
        // with his trailer); he reviews them again in June.
        var files = ExampleProgram.base.mapValues { Optional($0) }
        files.removeValue(forKey: "evidence/AC-01/2026-01-15-review.md")
        files["evident.yaml"] = ExampleProgram.base["evident.yaml"]! + "auditors:\n  external: {firm: Example CPA}\n  internal: {name: Eve, firm: Example Corp}\n"
        files["audits/2026/interviews/alice.md"] = "Notes"
        files["audits/2026/interviews/bob.md"] = "Notes"
        files["controls/DL-01.md"] = Self.control("DL-01", frequency: "daily", graceDays: 7, owner: "bob")
        files["controls/WK-01.md"] = Self.control("WK-01", frequency: "weekly", graceDays: 3, owner: "bob")
        for id in ["MO-01", "MO-02", "MO-03", "MO-04"] { files["controls/\(id).md"] = Self.control(id, frequency: "monthly", graceDays: 5, owner: "alice") }
        for id in ["QT-02", "QT-03"] { files["controls/\(id).md"] = Self.control(id, frequency: "quarterly", graceDays: 14, owner: "alice") }
        try fixture.commitApproved(files, on: "2025-12-20", message: "Program")

        let window = DayRange(start: Day("2026-01-01")!, end: Day("2026-12-31")!)
        // What lands each day, committed in date order; by the fixture's author unless named.
        var landing: [Day: [String: String?]] = [:]
        var authors: [Day: (String, String)] = [:]
        let review = Day("2026-06-01")!
        authors[review] = BoundAuthors.dave
        landing[review, default: [:]]["risk/risk-assessment.md"] = "---\nkind: risk-assessment\n---\nRegister.\n"
        for topic in ExampleProgram.topics {
            landing[review, default: [:]]["policies/\(ExampleProgram.policyID(topic)).md"] = ExampleProgram.policy(topic).replacingOccurrences(
                of: "date: 2026-01-10}", with: "date: 2026-01-10}\n  - {by: dave, version: \"1.0\", date: 2026-06-01}")
        }
        authors[Day("2026-03-01")!] = BoundAuthors.alice
        func land(_ control: String, claimed: Day, on day: Day) {
            landing[day, default: [:]]["evidence/\(control)/\(claimed)-record.md"] = "\(control) on \(claimed)\n"
        }
        // Daily backups, pushed weekly: five days in March and 10 June missing (June's
        // backfilled three weeks later), 3 and 4 August a day late.
        for day in Frequency.daily.periods(in: window).map(\.start) {
            switch day {
            case _ where Self.days("2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06").contains(day): continue
            case Day("2026-06-10")!: land("DL-01", claimed: day, on: Day("2026-07-01")!)
            case Day("2026-08-03")!, Day("2026-08-04")!: land("DL-01", claimed: day, on: day.adding(days: 8))
            default: land("DL-01", claimed: day, on: Self.nextMonday(after: day))
            }
        }
        // A weekly review each Sunday, pushed on Monday; the week of 7 September missing.
        for week in Frequency.weekly.periods(in: window) where !week.contains(Day("2026-09-07")!) {
            land("WK-01", claimed: week.end, on: week.end.adding(days: 1))
        }
        // Monthly on the 15th: MO-02's April lands on 20 May (late), MO-03 misses July and August.
        for month in 1...12 {
            let claimed = Day(year: 2026, month: month, day: 15)!
            for id in ["MO-01", "MO-02", "MO-03", "MO-04"] {
                if id == "MO-03" && (month == 7 || month == 8) { continue }
                land(id, claimed: claimed, on: id == "MO-02" && month == 4 ? Day("2026-05-20")! : claimed.adding(days: 1))
            }
        }
        // Quarterly on the 10th of the quarter's second month: QT-02 misses Q3; QT-03's Q2
        // lands on 25 July, late.
        for month in [2, 5, 8, 11] {
            let claimed = Day(year: 2026, month: month, day: 10)!
            for id in ["AC-01", "QT-02", "QT-03"] {
                if id == "QT-02" && month == 8 { continue }
                land(id, claimed: claimed, on: id == "QT-03" && month == 5 ? Day("2026-07-25")! : claimed.adding(days: 1))
            }
        }
        landing[Day("2026-03-01")!, default: [:]][legacy] = Self.unapproved("backup", body: "Back up nightly and test restores.")
        for (day, changes) in landing.sorted(by: { $0.key < $1.key }) {
            try fixture.commit(changes, on: day.description, author: authors[day] ?? ("Fixture Author", "author@example.com"))
        }
        try fixture.commit(["README.md": "2026 done"], on: "2027-01-09")
        return fixture
    }
}

/// People the fixtures commit as.
public enum BoundAuthors {
    public static let alice = ("Alice Smith", "alice@example.com")
    public static let dave = ("Dave Approver", "dave@example.com")
}
