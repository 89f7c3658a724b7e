@testable import EvidentCore
import Foundation

/// A fixed record of a small program ten months into its 2026 cycle, built in-process so that
/// record.md and report.html can be compared byte for byte: one control of every frequency
/// (daily, weekly, monthly, quarterly, semiannual, annual, event), a monthly control that
/// started late, missing, late, backfilled and pending periods, findings of every severity,
/// samples with passing, excepted and untested items, interviews landed and not, a due list
/// with a daily run, policies with and without a proven approval, and an uncovered criterion.
enum ReportFixture {
    static let window = DayRange(start: Day("2026-01-01")!, end: Day("2026-12-31")!)
    static let clock = Day("2026-10-15")!

    static func commit(_ seed: Int) -> String {
        String(repeating: String(format: "%02x", seed % 256), count: 20)
    }

    static func occurrence(_ control: String, claimed: Day, landed: Day) -> AuditRecord.Occurrence {
        AuditRecord.Occurrence(path: "evidence/\(control)/\(claimed)-record.md", claimed: claimed.description, landed: landed.description,
                               commit: commit(claimed.daysSinceEpoch))
    }

    /// Each period of `frequency` in the window, with the state `state` gives it (nil: on time,
    /// or pending once its end plus `grace` is on or after the clock).
    static func periods(_ control: String, _ frequency: Frequency, grace: Int,
                        state: (DayRange) -> PeriodResult.State? = { _ in nil }) -> [AuditRecord.Period] {
        frequency.periods(in: window).map { period in
            let chosen = state(period) ?? (period.end.adding(days: grace) >= clock ? .pending : .onTime)
            var occurrences: [AuditRecord.Occurrence] = []
            switch chosen {
            case .onTime: occurrences = [occurrence(control, claimed: period.end, landed: period.end.adding(days: 1))]
            case .late: occurrences = [occurrence(control, claimed: period.end, landed: period.end.adding(days: grace + 3))]
            case .missing, .pending, .notStarted: break
            }
            return AuditRecord.Period(start: period.start.description, end: period.end.description, state: chosen, occurrences: occurrences, backfilled: nil)
        }
    }

    static func sample(population: Int, items: [String], conclusions: [String: String], rule: String) -> AuditRecord.Sample {
        AuditRecord.Sample(population: population, populationSHA256: String(repeating: "ab", count: 32), seed: String(repeating: "cd", count: 32),
                           size: items.count, sizeRule: rule, items: items, conclusions: conclusions)
    }

    static func control(_ id: String, _ title: String, owner: String?, _ frequency: Frequency, result: ControlResult, conclusion: String,
                        periods: [AuditRecord.Period], occurrences: [AuditRecord.Occurrence] = [], startedOn: String? = nil,
                        sample: AuditRecord.Sample) -> AuditRecord.Control {
        AuditRecord.Control(id: id, title: title, owner: owner, frequency: frequency, risk: .moderate, status: .active, result: result,
                            conclusion: conclusion, window: "\(window.start)/\(window.end)", startedOn: startedOn, periods: periods,
                            occurrences: occurrences, sample: sample)
    }

    static func day(_ text: String) -> Day { Day(text)! }

    static var controls: [AuditRecord.Control] {
        let missingDays = ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06", "2026-06-10"].map(day)
        var daily = periods("DL-01", .daily, grace: 7) { period in
            missingDays.contains(period.start) ? .missing : [day("2026-08-03"), day("2026-08-04")].contains(period.start) ? .late : nil
        }
        let june10 = daily.firstIndex { $0.start == "2026-06-10" }!
        daily[june10].backfilled = "2026-07-01"
        daily[june10].occurrences = [occurrence("DL-01", claimed: day("2026-06-10"), landed: day("2026-07-01"))]
        let weekly = periods("WK-01", .weekly, grace: 3) { period in
            period.contains(day("2026-09-07")) || period.contains(day("2026-10-05")) ? .missing : nil
        }
        let monthly = periods("MO-01", .monthly, grace: 5) { $0.start == day("2026-04-01") ? .late : nil }
        let startedLate = periods("MO-02", .monthly, grace: 5) { $0.end < day("2026-03-01") ? .notStarted : nil }
        let quarterly = periods("QT-01", .quarterly, grace: 14) { $0.start == day("2026-07-01") ? .missing : nil }
        let events = ["2026-02-11", "2026-05-03", "2026-09-21"].map { occurrence("EV-01", claimed: day($0), landed: day($0).adding(days: 1)) }
        return [
            control("DL-01", "Nightly backups", owner: "bob", .daily, result: .ineffective,
                    conclusion: "6 periods (the first 2026-03-02) have no occurrence on time: a missing period makes a periodic control ineffective",
                    periods: daily,
                    sample: sample(population: 274, items: ["evidence/DL-01/2026-01-19-record.md", "evidence/DL-01/2026-04-07-record.md",
                                                            "evidence/DL-01/2026-07-22-record.md", "evidence/DL-01/2026-09-30-record.md"],
                                   conclusions: ["evidence/DL-01/2026-01-19-record.md": "pass",
                                                 "evidence/DL-01/2026-04-07-record.md": "exception: the restore test log is missing"],
                                   rule: "daily, moderate risk: 25 of a population over 250, capped at the population")),
            control("WK-01", "Weekly access review", owner: "bob", .weekly, result: .ineffective,
                    conclusion: "2 periods (the first 2026-09-07…2026-09-13) have no occurrence on time: a missing period makes a periodic control ineffective",
                    periods: weekly,
                    sample: sample(population: 38, items: ["evidence/WK-01/2026-02-15-record.md", "evidence/WK-01/2026-06-28-record.md"],
                                   conclusions: ["evidence/WK-01/2026-02-15-record.md": "pass", "evidence/WK-01/2026-06-28-record.md": "pass"],
                                   rule: "weekly, moderate risk: 10")),
            control("MO-01", "Vulnerability scan", owner: "alice", .monthly, result: .exceptions,
                    conclusion: "1 isolated deviation (late, claim mismatch or tester exception), none systematic", periods: monthly,
                    sample: sample(population: 9, items: ["evidence/MO-01/2026-04-30-record.md", "evidence/MO-01/2026-07-31-record.md"],
                                   conclusions: ["evidence/MO-01/2026-07-31-record.md": "pass"], rule: "monthly, moderate risk: 2")),
            control("MO-02", "Firewall rule review | started in March", owner: "alice", .monthly, result: .effective, conclusion: "no deviation",
                    periods: startedLate, startedOn: "2026-03-10",
                    sample: sample(population: 7, items: ["evidence/MO-02/2026-05-31-record.md"], conclusions: [:], rule: "monthly, moderate risk: 2")),
            control("QT-01", "Quarterly risk review", owner: "carol", .quarterly, result: .ineffective,
                    conclusion: "2026-07-01…2026-09-30 has no occurrence on time: a missing period makes a periodic control ineffective", periods: quarterly,
                    sample: sample(population: 2, items: ["evidence/QT-01/2026-06-30-record.md"], conclusions: [:], rule: "quarterly, moderate risk: 2")),
            control("SA-01", "Disaster recovery test", owner: "carol", .semiannual, result: .effective, conclusion: "no deviation",
                    periods: periods("SA-01", .semiannual, grace: 30),
                    sample: sample(population: 1, items: ["evidence/SA-01/2026-06-30-record.md"], conclusions: ["evidence/SA-01/2026-06-30-record.md": "pass"],
                                   rule: "semiannual: 1")),
            control("AN-01", "Annual security training", owner: nil, .annual, result: .notTested, conclusion: "no period has closed yet: nothing can be tested",
                    periods: periods("AN-01", .annual, grace: 30), sample: sample(population: 0, items: [], conclusions: [:], rule: "annual: 1")),
            control("EV-01", "Incident response", owner: "alice", .event, result: .effective, conclusion: "no deviation", periods: [], occurrences: events,
                    sample: sample(population: 3, items: [events[1].path], conclusions: [events[1].path: "pass"], rule: "event, moderate risk: 1")),
        ]
    }

    static func finding(_ n: Int, _ code: String, _ severity: FindingSeverity, _ subject: String, owner: String?, status: FindingStatus = .open,
                        message: String, periods: [String] = [], items: [String] = []) -> AuditRecord.Finding {
        AuditRecord.Finding(id: "F-" + String(0x1ea0_fa50_0000_0000 + n, radix: 16), code: code, severity: severity, subject: subject, owner: owner,
                            due: "2027-01-18", status: status, message: message, evidence: items, periods: periods, items: items,
                            count: max(periods.count, items.count))
    }

    static var findings: [AuditRecord.Finding] {
        let missing = ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06", "2026-06-10"]
        return [
            finding(1, "EVID-MISSING-PERIOD", .high, "DL-01", owner: "bob", message: "no evidence of DL-01 for 6 daily periods: 2026-03-02…2026-03-06, 2026-06-10",
                    periods: missing),
            finding(2, "EVID-MISSING-PERIOD", .high, "WK-01", owner: "bob",
                    message: "no evidence of WK-01 for 2 weekly periods: 2026-09-07…2026-09-13, 2026-10-05…2026-10-11",
                    periods: ["2026-09-07…2026-09-13", "2026-10-05…2026-10-11"]),
            finding(3, "EVID-MISSING-PERIOD", .high, "QT-01", owner: "carol", message: "no evidence of QT-01 for 2026-07-01…2026-09-30",
                    periods: ["2026-07-01…2026-09-30"]),
            finding(4, "POL-CHANGE-UNAPPROVED", .high, "POL-VENDOR", owner: "alice", status: .overdue,
                    message: "no approval by someone other than the author has landed for 1 version: version 2.0 landed on 2026-05-04 (4d2c1e9a0b)",
                    items: ["2.0"]),
            finding(5, "EVID-LATE", .medium, "DL-01", owner: "bob", message: "2 occurrences of DL-01 landed after their grace days: 2026-08-03…2026-08-04",
                    periods: ["2026-08-03", "2026-08-04"]),
            finding(6, "EVID-LATE", .medium, "MO-01", owner: "alice", message: "1 occurrence of MO-01 landed after its grace days: 2026-04-01…2026-04-30",
                    periods: ["2026-04-01…2026-04-30"]),
            finding(7, "TEST-EXCEPTION", .medium, "DL-01", owner: "bob", message: "the tester found an exception in evidence/DL-01/2026-04-07-record.md: the restore test log is missing",
                    items: ["evidence/DL-01/2026-04-07-record.md"]),
            finding(8, "SCOPE-UNCOVERED-CRITERION", .medium, "CC9.2", owner: nil, message: "no active control covers CC9.2 (vendor and business partner risk)"),
            finding(9, "EVID-PARTIAL-POPULATION", .low, "MO-02", owner: "alice", message: "MO-02 started operating on 2026-03-10; periods before it are not tested"),
            finding(10, "INTERVIEW-MISSING", .low, "bob", owner: "bob", message: "no interview note of bob for cycle 2026 has landed (audits/2026/interviews/bob.md)"),
        ]
    }

    static var due: [AuditRecord.Due] {
        var due: [AuditRecord.Due] = [
            AuditRecord.Due(kind: .evidence, status: .overdue, owner: "bob", subject: "WK-01", period: "2026-10-05…2026-10-11", deadline: "2026-10-14",
                            countsUntil: "2026-10-21", path: "evidence/WK-01"),
        ]
        // Bob's daily backups from 8 October, each due seven days after its day, up to the horizon.
        for offset in 0...30 {
            let period = day("2026-10-08").adding(days: offset)
            due.append(AuditRecord.Due(kind: .evidence, status: .upcoming, owner: "bob", subject: "DL-01", period: period.description,
                                       deadline: period.adding(days: 7).description, countsUntil: period.adding(days: 8).description, path: "evidence/DL-01"))
        }
        due.append(AuditRecord.Due(kind: .evidence, status: .upcoming, owner: "bob", subject: "WK-01", period: "2026-10-12…2026-10-18", deadline: "2026-10-21",
                                   countsUntil: "2026-10-28", path: "evidence/WK-01"))
        due.append(AuditRecord.Due(kind: .evidence, status: .upcoming, owner: "alice", subject: "MO-01", period: "2026-10-01…2026-10-31", deadline: "2026-11-05",
                                   countsUntil: "2026-12-05", path: "evidence/MO-01"))
        due.append(AuditRecord.Due(kind: .policyReview, status: .upcoming, owner: "alice", subject: "POL-ACCESS", period: nil, deadline: "2026-11-01",
                                   countsUntil: nil, path: "policies/POL-ACCESS.md"))
        due.append(AuditRecord.Due(kind: .evidence, status: .upcoming, owner: nil, subject: "AN-01", period: nil, deadline: "2026-11-10",
                                   countsUntil: nil, path: "evidence/AN-01"))
        return due.sorted { DueItemOrder.before($0, $1) }
    }

    static var record: AuditRecord {
        var record = AuditRecord(
            tool: "evident 0.3.0", organization: "Example Corp", system: "Example SaaS platform",
            cycle: AuditRecord.Cycle(id: "2026", type: 2, start: "2026-01-01", end: "2026-12-31", fieldwork: "2027-01-25"),
            auditedCommit: "c72da147e3eafc9799c65f17fe77fdfb0e8a63b4", clock: clock.description, categories: ["security"],
            criteria: [
                AuditRecord.Criterion(id: "CC6.1", title: "Logical access security", controls: ["WK-01", "MO-02"]),
                AuditRecord.Criterion(id: "CC7.1", title: "Detection of configuration changes and vulnerabilities", controls: ["MO-01"]),
                AuditRecord.Criterion(id: "CC9.2", title: "Vendor and business partner risk", controls: []),
                AuditRecord.Criterion(id: "A1.2", title: "Backup and recovery", controls: ["DL-01", "SA-01"]),
            ],
            controls: controls,
            policies: [
                AuditRecord.Policy(id: "POL-ACCESS", version: "1.0", owner: "alice", approvals: [
                    AuditRecord.Approval(by: "dave", version: "1.0", commit: commit(7), landed: "2025-11-03", binding: .committer, bindingCommit: commit(7)),
                ]),
                AuditRecord.Policy(id: "POL-VENDOR", version: "2.0", owner: "alice", approvals: []),
            ],
            findings: findings,
            followUp: [
                AuditRecord.FollowUp(id: "F-1ea0fa5000000001", code: "EVID-MISSING-PERIOD", subject: "DL-01", status: .open),
                AuditRecord.FollowUp(id: "F-1ea0fa50000000aa", code: "INTERVIEW-MISSING", subject: "alice", status: .remediated),
            ],
            tester: "Eve Example", previous: nil,
            unsampledConclusions: [AuditRecord.UnsampledConclusion(control: "MO-01", item: "evidence/MO-01/2026-02-28-record.md", conclusion: "pass")])
        record.dueWithin = 30
        record.due = due
        record.interviews = [
            AuditRecord.Interview(owner: "alice", name: "Alice Smith", note: "audits/2026/interviews/alice.md", landed: "2026-09-30", commit: commit(9)),
            AuditRecord.Interview(owner: "bob", name: "Bob Jones", note: "audits/2026/interviews/bob.md", landed: nil, commit: nil),
            AuditRecord.Interview(owner: "carol", name: nil, note: "audits/2026/interviews/carol.md", landed: "2026-10-02", commit: commit(10)),
        ]
        return record
    }
}

/// `DueItem.ordered` for the record's entries, as the audit sorts them.
private enum DueItemOrder {
    static func before(_ lhs: AuditRecord.Due, _ rhs: AuditRecord.Due) -> Bool {
        DueItem.ordered(item(lhs), item(rhs))
    }

    static func item(_ due: AuditRecord.Due) -> DueItem {
        DueItem(kind: due.kind, status: due.status, owner: due.owner, subject: due.subject, period: due.period.flatMap(DayRange.init(recorded:)),
                deadline: Day(due.deadline)!, countsUntil: due.countsUntil.flatMap(Day.init), path: due.path)
    }
}
