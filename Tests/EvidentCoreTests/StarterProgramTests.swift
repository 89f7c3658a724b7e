import EvidentCore
import Testing

/// What `evident init` writes lints clean for every choice of categories, but for the
/// placeholder people it asks the team to replace.
@Suite struct StarterProgramTests {
    static let optional: [TrustCategory] = [.availability, .confidentiality, .processingIntegrity, .privacy]
    static let combinations: [[TrustCategory]] = (0..<16).map { mask in optional.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element) }

    @Test(arguments: combinations)
    func starterProgramLintsClean(categories: [TrustCategory]) throws {
        let files = StarterProgram.files(categories: Set(categories), organization: "Example Corp", year: 2026)
        let program = try Program.load(from: InMemoryFiles(files))
        let diagnostics = Linter().run(LintContext(program: program, today: Day(year: 2026, month: 6, day: 1)!))
        // One warning per placeholder person, and nothing else.
        #expect(diagnostics.map(\.ruleID) == Array(repeating: PlaceholderPeopleRule.description.id, count: StarterProgram.roles.count),
                "\(categories): \(diagnostics.prefix(5).map { "\($0.location): \($0.message) [\($0.ruleID)]" })")
        let replaced = try Program.load(from: InMemoryFiles(Self.withRealPeople(files)))
        let clean = Linter().run(LintContext(program: replaced, today: Day(year: 2026, month: 6, day: 1)!))
        #expect(clean.isEmpty, "\(categories): \(clean.prefix(5).map { "\($0.location): \($0.message) [\($0.ruleID)]" })")

        #expect(program.controls.count >= 40)
        #expect(program.policies.count >= 15)
        let covered = Set(program.controls.flatMap { $0.criteria.map(\.value) })
        let scope = TrustServicesCriteria.inScope(Set(categories))
        #expect(scope.allSatisfy { covered.contains($0.id) })
        for control in program.controls {
            #expect(control.body.contains("## Test procedure\n\n1. "), "\(control.id.value) has a concrete test procedure")
            #expect(control.frequency != nil && control.risk != nil && control.owner != nil)
        }
        #expect(program.policies.allSatisfy { !$0.controls.isEmpty && $0.reviewDays != nil })
        #expect(program.riskDocuments.map(\.kind) == ["risk-assessment"])
        #expect(files["evidence/README.md"]?.contains("append-only") == true)
        #expect(files[".github/workflows/evident.yml"]?.contains("fetch-depth: 0") == true)
        #expect(files[".pre-commit-config.yaml"]?.contains("evident lint --staged") == true)
    }

    /// The starter files with each placeholder person replaced by a made-up real one.
    static func withRealPeople(_ files: [String: String]) -> [String: String] {
        var files = files
        var configuration = files[ProgramLayout.fileName]!
        for role in StarterProgram.roles {
            configuration = configuration
                .replacingOccurrences(of: "\(role.title) \(StarterProgram.placeholderMarker)", with: "\(role.title) of Corp")
                .replacingOccurrences(of: StarterProgram.placeholderEmail(role: role.key), with: "\(role.key)@corp.example")
        }
        files[ProgramLayout.fileName] = configuration
        return files
    }

    /// A program started today gets a window that begins on the first of next month and runs a
    /// year, with fieldwork a month after it: no period is over before the program starts.
    @Test func theFirstCycleStartsOnTheFirstOfNextMonth() throws {
        let december = StarterCycle(start: StarterCycle.defaultStart(after: Day("2026-12-01")!))
        #expect(december == StarterCycle(start: Day("2027-01-01")!, months: 12, fieldwork: Day("2028-01-31")!))
        #expect((december.id, december.start, december.end, december.fieldwork) == ("2027", Day("2027-01-01")!, Day("2027-12-31")!, Day("2028-01-31")!))
        let lastOfJanuary = StarterCycle(start: StarterCycle.defaultStart(after: Day("2026-01-31")!))
        #expect((lastOfJanuary.start, lastOfJanuary.end, lastOfJanuary.fieldwork) == (Day("2026-02-01")!, Day("2027-01-31")!, Day("2027-02-28")!))
        let short = StarterCycle(start: Day("2026-03-15")!, months: 6, fieldwork: Day("2026-10-01")!)
        #expect((short.id, short.end, short.fieldwork) == ("2026", Day("2026-09-14")!, Day("2026-10-01")!))
        let year = StarterCycle.calendarYear(2026)
        #expect((year.start, year.end, year.fieldwork) == (Day("2026-01-01")!, Day("2026-12-31")!, Day("2027-01-31")!))

        let files = StarterProgram.files(categories: [], organization: "X", cycle: december)
        let cycles = try Program.load(from: InMemoryFiles(files)).configuration.cycles
        #expect(cycles.map { "\($0.id) \($0.start) \($0.end) \($0.fieldwork.map(\.description) ?? "-")" } == ["2027 2027-01-01 2027-12-31 2028-01-31"])
        #expect(files["risk/risk-assessment.md"]?.contains("# Risk assessment 2027") == true)
    }

    @Test func monthsAreAddedOnTheCalendar() {
        #expect(Day("2026-01-31")!.adding(months: 1) == Day("2026-02-28")!)
        #expect(Day("2028-01-31")!.adding(months: 1) == Day("2028-02-29")!)
        #expect(Day("2026-11-30")!.adding(months: 14) == Day("2028-01-30")!)
        #expect(Day("2026-03-31")!.adding(months: -1) == Day("2026-02-28")!)
        #expect(Day("2026-01-15")!.adding(months: -13) == Day("2024-12-15")!)
        #expect(Day("2026-06-01")!.adding(months: 0) == Day("2026-06-01")!)
    }

    /// The scheduled `evident due` workflow is written, and stays off until the team turns it on.
    @Test func theDueWorkflowIsOffByDefault() throws {
        let files = StarterProgram.files(categories: [], organization: "X", year: 2026)
        let workflow = try #require(files[".github/workflows/evident-due.yml"])
        #expect(workflow.contains("command: due"))
        #expect(workflow.contains("\non:\n  workflow_dispatch:\n  # schedule:\n  #   - cron: "), "only a manual trigger is live")
        let live = workflow.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }
        #expect(!live.contains { $0.contains("schedule:") || $0.contains("cron:") })
        #expect(workflow.contains("\npermissions: {}\n") && workflow.contains("      contents: read\n"), "nothing by default, read-only for the job")
        #expect(workflow.contains("persist-credentials: false") && workflow.contains("fetch-depth: 0"))
        let pins = workflow.split(separator: "\n").filter { $0.contains("uses: actions/") }
        #expect(!pins.isEmpty && pins.allSatisfy { $0.range(of: #"@[0-9a-f]{40} # v\d"#, options: .regularExpression) != nil }, "\(pins)")
    }

    @Test func securityOnlyProgramHasNoOptionalCriteria() throws {
        let program = try Program.load(from: InMemoryFiles(StarterProgram.files(categories: [], organization: "X", year: 2026)))
        let criteria = program.controls.flatMap { $0.criteria.map(\.value) }
        #expect(criteria.allSatisfy { $0.hasPrefix("CC") })
    }
}
