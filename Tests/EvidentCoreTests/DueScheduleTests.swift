import EvidentCore
import Testing

/// `DueSchedule`: what each owner must land next, from the populations, policy proofs and
/// interview notes the audit reads at the same clock.
///
/// The example program's cycle is 2026 (fieldwork 2027-01-25). AC-01 is quarterly with 14 grace
/// days, owned by alice; its evidence for Q1 to Q3 landed on time and Q4 has none yet. Every
/// policy was approved on 2026-01-10 with review_days 365, and alice's interview note landed in
/// January.
@Suite struct DueScheduleTests {
    private func day(_ text: String) -> Day { Day(text)! }

    private func schedule(_ example: AuditExample, within: Int = 30) throws -> DueSchedule {
        let context = try example.context()
        return DueSchedule(program: context.program, clock: context.clock, within: within, contexts: [context], policyProofs: context.policyStandings.mapValues(\.proof))
    }

    /// One line per item: status, kind, owner, subject, period, deadline and, when there is one, the last day it counts.
    private func lines(_ schedule: DueSchedule) -> [String] {
        schedule.items.map { item in
            [item.status.rawValue, item.kind.rawValue, item.owner ?? "-", item.subject, item.period?.description ?? "-",
             "due \(item.deadline)", item.countsUntil.map { "counts until \($0)" } ?? "", item.path].filter { !$0.isEmpty }.joined(separator: " ")
        }
    }

    private static let policies = ExampleProgram.topics.map { ExampleProgram.policyID($0) }.sorted()

    @Test func pendingPeriodsAndReviewsAreUpcomingWithinTheHorizon() throws {
        let december = try schedule(AuditExample(clock: day("2026-12-20")))
        #expect(december.horizon == day("2027-01-19"))
        #expect(lines(december) == Self.policies.map { "upcoming policy-review alice \($0) - due 2027-01-10 policies/\($0).md" }
            + ["upcoming evidence alice AC-01 2026-10-01…2026-12-31 due 2027-01-14 evidence/AC-01/"])
        #expect(december.overdue.isEmpty && december.upcoming.count == Self.policies.count + 1)
        #expect(december.names == ["alice": "Alice Smith"])
        #expect(december.cycles.map(\.id) == ["2026"])

        // Twenty days ahead reach neither the reviews (10 January) nor Q4's deadline (14 January).
        #expect(try schedule(AuditExample(clock: day("2026-12-20")), within: 20).items.isEmpty)
        // The horizon's last day counts; the day after it does not.
        #expect(try schedule(AuditExample(clock: day("2026-12-20")), within: 21).items.map(\.kind) == Array(repeating: .policyReview, count: Self.policies.count))
        // On its deadline a period is still upcoming: it lands on time today.
        let lastDay = try schedule(AuditExample(clock: day("2027-01-14")), within: 0)
        #expect(lines(lastDay).filter { $0.contains("evidence") } == ["upcoming evidence alice AC-01 2026-10-01…2026-12-31 due 2027-01-14 evidence/AC-01/"])
    }

    @Test func aMissedPeriodIsOverdueWhileALateOccurrenceStillCounts() throws {
        let noQ2 = ["evidence/AC-01/2026-04-10-review.md": ""]
        // Q2's deadline was 14 July; until the end of Q3 plus grace days an occurrence lands late, not missing.
        let august = try schedule(AuditExample(noQ2, clock: day("2026-08-01")))
        #expect(lines(august) == ["overdue evidence alice AC-01 2026-04-01…2026-06-30 due 2026-07-14 counts until 2026-10-14 evidence/AC-01/"])
        #expect(try schedule(AuditExample(noQ2, clock: day("2026-10-14"))).overdue.count == 1)
        // After that it would be a backfill: the period stays missing whatever lands, so nothing is due.
        #expect(try schedule(AuditExample(noQ2, clock: day("2026-10-15"))).items.isEmpty)
        // Periods on time (Q1, Q3) and late ones are done: nothing more to land.
        let late = try schedule(AuditExample(landed: ["evidence/AC-01/2026-04-10-review.md": day("2026-07-20")], clock: day("2026-08-01")))
        #expect(late.items.isEmpty)
    }

    @Test func policyReviewsFallDueReviewDaysAfterTheirLastApproval() throws {
        // After the window, before fieldwork: the reviews lapsed on 10 January, Q4 is due on the 14th.
        let january = try schedule(AuditExample(clock: day("2027-01-12")))
        #expect(lines(january) == Self.policies.map { "overdue policy-review alice \($0) - due 2027-01-10 policies/\($0).md" }
            + ["upcoming evidence alice AC-01 2026-10-01…2026-12-31 due 2027-01-14 evidence/AC-01/"])

        // A policy never approved falls due review_days after it landed, as the audit and lint
        // judge it: a policy landed on 8 November is not due within the window.
        let unapproved = ExampleProgram.revision(topic: "access-control", version: "1.0", approvals: [], body: "Policy text.", on: day("2026-11-08"))
        let new = try schedule(AuditExample(policyRevisions: ["policies/POL-ACCESS-CONTROL.md": [unapproved]], clock: day("2027-10-30")), within: 15)
        // The example's other policies lapsed on 10 January; this one is due a year after it landed.
        #expect(lines(new) == Self.policies.filter { $0 != "POL-ACCESS-CONTROL" }.map { "overdue policy-review alice \($0) - due 2027-01-10 policies/\($0).md" }
            + ["upcoming policy-review alice POL-ACCESS-CONTROL - due 2027-11-08 policies/POL-ACCESS-CONTROL.md"], "\(lines(new))")
        let proof = PolicyProof(firstLanded: day("2026-11-08"), approvals: [])
        let policy = try #require(try AuditExample().context().program.policy("POL-ACCESS-CONTROL"))
        #expect(PolicyReview.due(of: policy, proof: proof) == day("2027-11-08"))
        #expect(PolicyReview.due(of: policy, proof: nil) == nil)
    }

    @Test func interviewNotesAreDueByTheWindowsEndAndCountUntilFieldwork() throws {
        let noInterview = ["audits/2026/interviews/alice.md": ""]
        #expect(try schedule(AuditExample(noInterview, clock: day("2026-11-15"))).items.allSatisfy { $0.kind != .interview }, "31 December is past the horizon")
        let december = try schedule(AuditExample(noInterview, clock: day("2026-12-10")))
        #expect(lines(december).filter { $0.contains("interview") } == ["upcoming interview alice alice - due 2026-12-31 audits/2026/interviews/alice.md"])
        let january = try schedule(AuditExample(noInterview, clock: day("2027-01-05")))
        #expect(lines(january).filter { $0.contains("interview") }
            == ["overdue interview alice alice - due 2026-12-31 counts until 2027-01-25 audits/2026/interviews/alice.md"])
        // Once fieldwork has begun the cycle is closed: nothing more is due for it (the policies'
        // reviews, which lapsed on 10 January, belong to no cycle and still are).
        #expect(try schedule(AuditExample(noInterview, clock: day("2027-01-26"))).items.allSatisfy { $0.kind == .policyReview })
    }

    /// Whatever evidence or interview note it lists is what the audit raises once the deadline passes.
    @Test func whatIsDueIsWhatTheAuditRaisesWhenItsDeadlinePasses() throws {
        let files = ["evidence/AC-01/2026-04-10-review.md": "", "audits/2026/interviews/alice.md": ""]
        let due = try schedule(AuditExample(files, clock: day("2026-12-20")), within: 30)
        let after = try AuditExample(files, clock: day("2027-01-20")).context()
        let missing = Set(MissingPeriodCheck().findings(after).flatMap { $0.periods.map { "\($0)" } })
        let interviews = Set(MissingInterviewCheck().findings(after).map(\.subject))
        let evidence = due.items.filter { $0.kind == .evidence }
        #expect(evidence.map { "\($0.period!)" } == ["2026-10-01…2026-12-31"])
        #expect(evidence.allSatisfy { missing.contains("\($0.period!)") })
        #expect(due.items.filter { $0.kind == .interview }.map(\.subject) == ["alice"] && interviews == ["alice"])
        // Q2 was past counting by December: it is a finding, not something still due.
        #expect(missing.contains("2026-04-01…2026-06-30"))
    }

    @Test func aDailyControlsPeriodsAreListedAsOneRun() throws {
        let daily = { (id: String) in
            "---\nid: \(id)\ntitle: Backups\ncriteria: [CC6.1]\nowner: bob\nfrequency: daily\ngrace_days: 1\n---\n"
        }
        let example = AuditExample(["controls/AC-02.md": daily("AC-02"), "evidence/AC-02/.gitkeep": "",
                                    "controls/AC-03.md": daily("AC-03"), "evidence/AC-03/.gitkeep": ""], clock: day("2026-12-20"))
        let due = try schedule(example, within: 10)
        let bob = due.items.filter { $0.owner == "bob" }
        // 18 December's deadline was the 19th, and a backfill starts after the 20th: overdue.
        // The 19th (due the 20th) to the 29th (due the 30th) are upcoming.
        #expect(bob.filter { $0.status == .overdue }.map { "\($0.subject) \($0.period!)" } == ["AC-02 2026-12-18", "AC-03 2026-12-18"])
        #expect(bob.filter { $0.status == .upcoming }.count == 2 * 11)
        let runs = DueRun.runs(of: bob)
        #expect(runs.map { "\($0.first.status.rawValue) \($0.first.subject) \($0.periods!) due \($0.deadlines) ×\($0.items.count)" } == [
            "overdue AC-02 2026-12-18 due 2026-12-19 ×1", "overdue AC-03 2026-12-18 due 2026-12-19 ×1",
            "upcoming AC-02 2026-12-19…2026-12-29 due 2026-12-20…2026-12-30 ×11", "upcoming AC-03 2026-12-19…2026-12-29 due 2026-12-20…2026-12-30 ×11",
        ])
    }

    @Test func runsJoinAControlsConsecutivePeriodsOfOneStatus() {
        func evidence(_ start: String, _ end: String, _ status: DueItem.Status = .upcoming, control: String = "AV-02") -> DueItem {
            DueItem(kind: .evidence, status: status, owner: "bob", subject: control, cycle: "2026", period: DayRange(start: day(start), end: day(end)),
                    frequency: .weekly, deadline: day(end).adding(days: 7), path: "evidence/\(control)/")
        }
        let review = DueItem(kind: .policyReview, status: .upcoming, owner: "bob", subject: "POL-BACKUP", deadline: day("2026-03-10"), path: "policies/POL-BACKUP.md")
        let items = [evidence("2026-03-02", "2026-03-08"), review, evidence("2026-03-09", "2026-03-15"),
                     evidence("2026-03-23", "2026-03-29"), evidence("2026-03-30", "2026-04-05", .overdue), evidence("2026-03-02", "2026-03-08", control: "AV-03")]
        let runs = DueRun.runs(of: items)
        // The review between two weeks does not split them; a gap, another status or another control does.
        #expect(runs.map { "\($0.first.subject) \($0.periods.map(\.description) ?? "-") ×\($0.items.count)" } == [
            "AV-02 2026-03-02…2026-03-15 ×2", "POL-BACKUP - ×1", "AV-02 2026-03-23…2026-03-29 ×1", "AV-02 2026-03-30…2026-04-05 ×1", "AV-03 2026-03-02…2026-03-08 ×1",
        ])
        #expect(runs[0].deadlines == DayRange(start: day("2026-03-15"), end: day("2026-03-22")))
    }

    @Test func openCyclesHaveBegunByTheHorizonAndAreNotClosed() throws {
        let yaml = ExampleProgram.base["evident.yaml"]!.replacingOccurrences(
            of: "  - {id: \"2026\", type: 2, start: 2026-01-01, end: 2026-12-31, fieldwork: 2027-01-25}\n",
            with: "  - {id: \"2025\", type: 2, start: 2025-01-01, end: 2025-12-31, fieldwork: 2026-01-25}\n"
                + "  - {id: \"2026\", type: 2, start: 2026-01-01, end: 2026-12-31, fieldwork: 2027-01-25}\n"
                + "  - {id: \"2027\", type: 2, start: 2027-01-01, end: 2027-12-31}\n")
        let cycles = try Program.load(from: InMemoryFiles(ExampleProgram.base.merging(["evident.yaml": yaml]) { $1 })).configuration.cycles
        #expect(cycles.map(\.id) == ["2025", "2026", "2027"])
        func open(_ clock: String, _ within: Int) -> [String] {
            DueSchedule.openCycles(cycles, clock: day(clock), within: within).map(\.id)
        }
        #expect(open("2026-01-20", 0) == ["2025", "2026"])
        #expect(open("2026-01-26", 0) == ["2026"], "2025's fieldwork began on the 25th")
        #expect(open("2026-06-01", 30) == ["2026"])
        #expect(open("2026-12-20", 30) == ["2026", "2027"], "2027 begins within the horizon")
        // Without fieldwork a cycle closes 90 days after its window.
        #expect(open("2028-03-30", 30) == ["2027"])
        #expect(open("2028-03-31", 30).isEmpty)
    }
}
