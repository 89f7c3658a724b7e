import EvidentCore
import Testing

/// Every rule's examples are its tests: triggering ones must raise the rule exactly where they
/// mark, the others must not raise it.
@Suite struct LintRuleExampleTests {
    static let rules = Linter.rules.map { RuleCase(rule: $0) }

    struct RuleCase: CustomTestStringConvertible, Sendable {
        let rule: any LintRule.Type
        var testDescription: String { rule.description.id }
    }

    @Test(arguments: rules)
    func triggeringExamplesTrigger(_ ruleCase: RuleCase) throws {
        let description = ruleCase.rule.description
        #expect(!description.triggering.isEmpty, "every rule shows at least one triggering example")
        for (index, example) in description.triggering.enumerated() {
            let context = try ExampleProgram.context(for: example)
            let diagnostics = ruleCase.rule.init().check(context)
            #expect(!diagnostics.isEmpty, "\(description.id): triggering example \(index) raised nothing")
            #expect(!example.expected.isEmpty, "\(description.id): triggering example \(index) marks no position (\(RuleExample.marker) or expecting:)")
            let files = Set(ExampleProgram.files(for: example).keys).union(example.staged?.map(\.path) ?? [])
            for diagnostic in diagnostics {
                #expect(diagnostic.ruleID == description.id)
                #expect(diagnostic.severity == description.severity)
                #expect(files.contains(diagnostic.location.file), "\(description.id): \(diagnostic.location) names a file the example does not have")
                #expect(diagnostic.location.line >= 1 && diagnostic.location.column >= 1)
            }
            let found = Set(diagnostics.map(\.location))
            #expect(found == example.expected,
                    "\(description.id): triggering example \(index): unexpected at \(Self.sorted(found.subtracting(example.expected))), missing at \(Self.sorted(example.expected.subtracting(found)))")
        }
    }

    @Test(arguments: rules)
    func nonTriggeringExamplesPass(_ ruleCase: RuleCase) throws {
        let description = ruleCase.rule.description
        #expect(!description.nonTriggering.isEmpty)
        for (index, example) in description.nonTriggering.enumerated() {
            let diagnostics = ruleCase.rule.init().check(try ExampleProgram.context(for: example))
            #expect(diagnostics.isEmpty, "\(description.id): non-triggering example \(index) raised \(diagnostics.map(\.message))")
            #expect(example.expected.isEmpty, "\(description.id): non-triggering example \(index) expects diagnostics")
        }
    }

    /// The markers themselves: each one is removed and names the position it stood at.
    @Test func markersNameTheirPositionAndAreRemoved() {
        let example = RuleExample(["a.md": "↓one\ntwo: ↓x↓\n", "b.md": "plain\n"],
                                  expecting: [EvidentCore.SourceLocation(file: "c.md", line: 1, column: 1)])
        #expect(example.files == ["a.md": "one\ntwo: x\n", "b.md": "plain\n"])
        #expect(example.expected == [EvidentCore.SourceLocation(file: "a.md", line: 1, column: 1), EvidentCore.SourceLocation(file: "a.md", line: 2, column: 6),
                                     EvidentCore.SourceLocation(file: "a.md", line: 2, column: 7), EvidentCore.SourceLocation(file: "c.md", line: 1, column: 1)])
    }

    @Test func examplesBaseProgramLintsClean() throws {
        let diagnostics = Linter().run(try ExampleProgram.context(for: RuleExample()))
        #expect(diagnostics.isEmpty, "\(diagnostics.map { "\($0.location): \($0.message) [\($0.ruleID)]" })")
    }

    @Test func ruleIDsAreUniqueAndDescribed() {
        let ids = Linter.rules.map { $0.description.id }
        #expect(Set(ids).count == ids.count)
        for rule in Linter.rules {
            #expect(!rule.description.summary.isEmpty && !rule.description.summary.contains("\n"))
            #expect(rule.description.id.allSatisfy { $0.isUppercase || $0 == "-" })
        }
    }

    static func sorted(_ locations: Set<EvidentCore.SourceLocation>) -> [String] {
        locations.map(\.description).sorted()
    }
}
