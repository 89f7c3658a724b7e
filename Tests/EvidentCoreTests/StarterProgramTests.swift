import EvidentCore
import Testing

/// What `evident init` writes lints clean for every choice of categories.
@Suite struct StarterProgramTests {
    static let optional: [TrustCategory] = [.availability, .confidentiality, .processingIntegrity, .privacy]
    static let combinations: [[TrustCategory]] = (0..<16).map { mask in optional.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element) }

    @Test(arguments: combinations)
    func starterProgramLintsClean(categories: [TrustCategory]) throws {
        let files = StarterProgram.files(categories: Set(categories), organization: "Example Corp", year: 2026)
        let program = try Program.load(from: InMemoryFiles(files))
        let diagnostics = Linter().run(LintContext(program: program, today: Day(year: 2026, month: 6, day: 1)!))
        #expect(diagnostics.isEmpty, "\(categories): \(diagnostics.prefix(5).map { "\($0.location): \($0.message) [\($0.ruleID)]" })")

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

    @Test func securityOnlyProgramHasNoOptionalCriteria() throws {
        let program = try Program.load(from: InMemoryFiles(StarterProgram.files(categories: [], organization: "X", year: 2026)))
        let criteria = program.controls.flatMap { $0.criteria.map(\.value) }
        #expect(criteria.allSatisfy { $0.hasPrefix("CC") })
    }
}
