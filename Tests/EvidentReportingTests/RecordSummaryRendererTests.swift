import EvidentCore
import EvidentReporting
import Foundation
import GitFixtures
import Testing

/// `evident audit`'s text output, from typed records built here: the summary, the findings
/// grouped by owner, control or code, and the caps that keep it to a screen.
@Suite struct RecordSummaryRendererTests {
    /// A record of cycle 2026 at clock 2027-01-09 with two controls and `findings`; bob has a name.
    static func record(_ findings: [AuditRecord.Finding], due: [AuditRecord.Due] = []) throws -> AuditRecord {
        let control = { (id: String, owner: String, result: String) in
            #"{"id": "\#(id)", "title": "Title of \#(id)", "owner": "\#(owner)", "status": "active", "result": "\#(result)", "periods": [], "occurrences": [],"#
                + #" "sample": {"population": 0, "size": 0, "items": [], "conclusions": {}}}"#
        }
        let json = """
            {"statement": "s", "tool": "evident", "cycle": {"id": "2026", "type": 2, "start": "2026-01-01", "end": "2026-12-31"},
             "audited_commit": "0123456789abcdef0123456789abcdef01234567", "clock": "2027-01-09", "categories": ["security"], "criteria": [],
             "controls": [\(control("AC-01", "alice", "ineffective")), \(control("DL-01", "bob", "effective"))], "policies": [], "findings": [], "follow_up": [],
             "format_version": 4, "due_within": 30, "due": [],
             "interviews": [{"owner": "bob", "name": "Bob Jones", "note": "audits/2026/interviews/bob.md"}]}
            """
        var record = try JSONDecoder().decode(AuditRecord.self, from: Data(json.utf8))
        record.findings = findings
        record.due = due
        return record
    }

    static func finding(_ code: String, _ subject: String, owner: String?, severity: FindingSeverity = .high, status: FindingStatus = .open,
                        message: String? = nil) -> AuditRecord.Finding {
        AuditRecord.Finding(id: "F-\(code)-\(subject)", code: code, severity: severity, subject: subject, owner: owner, due: "2027-01-18",
                            status: status, message: message ?? "\(code) on \(subject)", evidence: [])
    }

    static let mixed = [
        finding("EVID-LATE", "DL-01", owner: "bob", severity: .medium),
        finding("EVID-MISSING-PERIOD", "DL-01", owner: "bob"),
        finding("EVID-MISSING-PERIOD", "AC-01", owner: "alice", status: .overdue),
        finding("EVID-LATE", "AC-01", owner: "alice", severity: .medium),
        finding("SCOPE-UNCOVERED-CRITERION", "CC6.1", owner: nil, severity: .low),
    ]

    /// The lines after the summary's heading of the grouped findings.
    static func grouped(_ text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return Array(lines.drop { !$0.hasPrefix("Findings by") }.dropFirst().dropLast())
    }

    @Test func theSummaryComesFirst() throws {
        let text = RecordSummaryRenderer().text(try Self.record(Self.mixed))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "Internal audit of cycle 2026 (2026-01-01 to 2026-12-31) at 0123456789, clock 2027-01-09")
        #expect(lines[1] == "2 controls: 1 effective, 0 with exceptions, 1 ineffective, 0 not occurring, 0 not tested")
        #expect(lines[2] == "5 findings: 2 high, 2 medium, 1 low, 0 info; 1 overdue (past their due date), 4 open, the first due 2027-01-18")
        #expect(lines[3] == "Nothing falls due in the 30 days to 2027-02-08.")
    }

    @Test func byOwnerThenControlWithOverdueFirstAndTheUnownedLast() throws {
        let text = RecordSummaryRenderer().text(try Self.record(Self.mixed))
        #expect(Self.grouped(text) == [
            "alice: 2 findings, 1 overdue",
            "  AC-01  high    EVID-MISSING-PERIOD  overdue since 2027-01-18: EVID-MISSING-PERIOD on AC-01",
            "         medium  EVID-LATE            EVID-LATE on AC-01",
            "bob (Bob Jones): 2 findings",
            "  DL-01  high    EVID-MISSING-PERIOD  EVID-MISSING-PERIOD on DL-01",
            "         medium  EVID-LATE            EVID-LATE on DL-01",
            "No owner: 1 finding",
            "  CC6.1  low     SCOPE-UNCOVERED-CRITERION  SCOPE-UNCOVERED-CRITERION on CC6.1",
        ], "\(text)")
    }

    @Test func byControlNamesTheControlOnceInItsHeading() throws {
        let text = RecordSummaryRenderer(grouping: .control).text(try Self.record(Self.mixed))
        #expect(Self.grouped(text) == [
            "AC-01 Title of AC-01: 2 findings, 1 overdue",
            "  high    EVID-MISSING-PERIOD  overdue since 2027-01-18: EVID-MISSING-PERIOD on AC-01",
            "  medium  EVID-LATE            EVID-LATE on AC-01",
            "DL-01 Title of DL-01: 2 findings",
            "  high    EVID-MISSING-PERIOD  EVID-MISSING-PERIOD on DL-01",
            "  medium  EVID-LATE            EVID-LATE on DL-01",
            "CC6.1: 1 finding",
            "  low     SCOPE-UNCOVERED-CRITERION  SCOPE-UNCOVERED-CRITERION on CC6.1",
        ], "\(text)")
    }

    @Test func byCodeTheMostSevereCodeFirst() throws {
        let text = RecordSummaryRenderer(grouping: .code).text(try Self.record(Self.mixed))
        #expect(Self.grouped(text) == [
            "EVID-MISSING-PERIOD: 2 findings, 1 overdue",
            "  AC-01  high    overdue since 2027-01-18: EVID-MISSING-PERIOD on AC-01",
            "  DL-01  high    EVID-MISSING-PERIOD on DL-01",
            "EVID-LATE: 2 findings",
            "  AC-01  medium  EVID-LATE on AC-01",
            "  DL-01  medium  EVID-LATE on DL-01",
            "SCOPE-UNCOVERED-CRITERION: 1 finding",
            "  CC6.1  low     SCOPE-UNCOVERED-CRITERION on CC6.1",
        ], "\(text)")
    }

    @Test func aLongGroupIsCappedAndSaysWhereTheRestIs() throws {
        let many = (1...30).map { Self.finding("EVID-LATE", String(format: "C-%02d", $0), owner: "alice", severity: .medium) }
        let written = RecordSummaryRenderer(elsewhere: .record(folder: "audits/2026")).text(try Self.record(many))
        let lines = Self.grouped(written)
        #expect(lines.count == 1 + 6 + 1, "\(written)")
        #expect(lines.last == "  … and 24 more — see audits/2026/record.md, or run with --all")
        let dryRun = RecordSummaryRenderer(elsewhere: .notWritten(folder: "audits/2026")).text(try Self.record(many))
        #expect(Self.grouped(dryRun).last == "  … and 24 more — run with --all, or without --dry-run to write audits/2026/record.md")
        let all = RecordSummaryRenderer(limits: .unlimited).text(try Self.record(many))
        #expect(Self.grouped(all).count == 1 + 30 && !all.contains("… and"))
    }

    /// Four owners' notes fill the line budget; the high finding of an owner whose name sorts
    /// last, or of no one, is still listed: the groups with the most severe findings come first.
    @Test(arguments: [FindingGrouping.owner, .control])
    func theLineBudgetNeverCutsAHighFindingForLowOnes(grouping: FindingGrouping) throws {
        let notes = ["alice", "bob", "carol", "dave"].flatMap { owner in
            (1...6).map { Self.finding("EVID-PARTIAL-POPULATION", "\(owner.uppercased())-\($0)", owner: owner, severity: .low) }
        }
        for high in [Self.finding("EVID-MISSING-PERIOD", "ZZ-01", owner: "zed"), Self.finding("CYCLE-SCOPE", "2026", owner: nil)] {
            let text = RecordSummaryRenderer(grouping: grouping).text(try Self.record(notes + [high]))
            let lines = Self.grouped(text)
            #expect(lines.count <= RecordSummaryRenderer.screenLimits.lines!, "\(text)")
            #expect(lines.contains { $0.contains("\(high.code) on \(high.subject)") }, "\(grouping): \(text)")
        }
    }

    @Test func manyGroupsStopAtTheLineBudgetAndCountTheGroupsLeftOut() throws {
        let many = (1...40).map { Self.finding("EVID-LATE", "AC-01", owner: String(format: "owner-%02d", $0)) }
        let text = RecordSummaryRenderer(elsewhere: .record(folder: "audits/2026")).text(try Self.record(many))
        let lines = Self.grouped(text)
        #expect(lines.count <= RecordSummaryRenderer.screenLimits.lines!, "\(text)")
        #expect(lines.last == "… and 29 more findings of 29 more owners — see audits/2026/record.md, or run with --all", "\(text)")
        #expect(lines.filter { $0.hasPrefix("owner-") }.count == 11)
    }

    @Test func theDueSectionListsOverdueBeforeUpcomingAndCountsTheRest() throws {
        func due(_ status: DueItem.Status, _ subject: String, _ deadline: String) -> AuditRecord.Due {
            AuditRecord.Due(kind: .policyReview, status: status, owner: "alice", subject: subject, period: nil, deadline: deadline,
                            countsUntil: nil, path: "policies/\(subject).md")
        }
        let record = try Self.record([], due: [due(.overdue, "POL-A", "2027-01-02"), due(.upcoming, "POL-B", "2027-01-20"),
                                               due(.upcoming, "POL-C", "2027-01-25"), due(.upcoming, "POL-D", "2027-02-01")])
        let lines = RecordSummaryRenderer().text(record).split(separator: "\n").map(String.init)
        #expect(Array(lines[2...]) == [
            "No findings",
            "Due in the 30 days to 2027-02-08: 1 overdue but still counted if landed now, 3 upcoming",
            "  overdue   2027-01-02  alice: POL-A: a proven approval (its review falls due)",
            "  upcoming  2027-01-20  alice: POL-B: a proven approval (its review falls due)",
            "  upcoming  2027-01-25  alice: POL-C: a proven approval (its review falls due)",
            "  … and 1 more deadline — `evident due --now 2027-01-09` lists them all",
        ])
    }

    @Test func aLongMessageKeepsItsOpeningAndDropsTheSubjectItNames() throws {
        let long = "AC-01: evidence of AC-01 for 2026-04-01…2026-04-30 (1 period) landed after 5 grace days: "
            + String(repeating: "evidence/AC-01/2026-04-15-record.md landed on 2026-05-20; ", count: 4)
        let text = RecordSummaryRenderer(grouping: .control).text(try Self.record([Self.finding("EVID-LATE", "AC-01", owner: "alice", message: long)]))
        #expect(Self.grouped(text).last == "  high    EVID-LATE  evidence of AC-01 for 2026-04-01…2026-04-30 (1 period) landed after 5 grace days …", "\(text)")
        let all = RecordSummaryRenderer(grouping: .control, limits: .unlimited).text(try Self.record([Self.finding("EVID-LATE", "AC-01", owner: "alice", message: long)]))
        #expect(Self.grouped(all).last == "  high    EVID-LATE  " + long, "--all prints the message whole")
    }

    @Test func aPlanNeverTakesMoreLinesThanItsBudget() {
        let limits = ListingLimits(perGroup: 3, lines: 12)
        #expect(limits.plan([2, 1]) == [2, 1], "what fits is listed whole")
        #expect(limits.plan([5, 1]) == [3, 1], "a group is capped at perGroup")
        for counts in [[10, 10, 10], [1, 1, 1, 1, 1, 1, 1], [4, 4, 4, 4], [12], [1, 20, 1]] {
            let plan = limits.plan(counts)
            var lines = plan.contains(0) ? 1 : 0
            for (count, listed) in zip(counts, plan) where listed > 0 {
                lines += 1 + listed + (listed < count ? 1 : 0)
            }
            #expect(lines <= 12, "\(counts): \(plan)")
            #expect(plan.first ?? 0 > 0, "the first group is always listed")
            if let cut = plan.firstIndex(of: 0) { #expect(plan[cut...].allSatisfy { $0 == 0 }, "\(counts): \(plan)") }
        }
    }

    /// Hostile values in every field the grouped layout prints: the owner and their name, the
    /// subject and a control's title, the code, the message and the dates.
    @Test(arguments: HostileText.samples, FindingGrouping.allCases)
    func theGroupedLayoutIsSafe(value: String, grouping: FindingGrouping) throws {
        func hostile(_ value: String) throws -> AuditRecord {
            var record = try Self.record([
                AuditRecord.Finding(id: value, code: value, severity: .high, subject: value, owner: value, due: value, status: .overdue,
                                    message: value + ": " + value, evidence: [value]),
                AuditRecord.Finding(id: value, code: value, severity: .low, subject: value, owner: nil, due: value, status: .open, message: value, evidence: []),
            ], due: [AuditRecord.Due(kind: .evidence, status: .overdue, owner: value, subject: value, period: value, deadline: "2027-01-02",
                                     countsUntil: value, path: value)])
            record.controls[0].id = value
            record.controls[0].title = value
            record.interviews = [AuditRecord.Interview(owner: value, name: value, note: value, landed: nil, commit: nil)]
            return record
        }
        let renderer = RecordSummaryRenderer(grouping: grouping, elsewhere: .record(folder: value))
        let text = renderer.text(try hostile(value))
        #expect(OutputSafety.problems(in: text) == [], "\(text)")
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count
                == renderer.text(try hostile("x")).split(separator: "\n", omittingEmptySubsequences: false).count, "as many lines as with a benign value")
    }
}
