/// The placeholder people `evident init` writes must be replaced with the real ones.
public struct PlaceholderPeopleRule: LintRule {
    public static let description = RuleDescription(
        id: "PEOPLE-PLACEHOLDER", name: "Placeholder people",
        summary: "People left as `evident init` wrote them (a name marked '(replace me)', an address it made up at example.com) should be replaced with the real people.",
        severity: .warning,
        triggering: [
            RuleExample(["evident.yaml": withPerson("↓security-lead: {name: \"Security lead (replace me)\", email: security-lead@example.com, role: Security lead}")]),
            // The name was replaced, the address init made up was not.
            RuleExample(["evident.yaml": withPerson("↓security-lead: {name: Sam Lee, email: security-lead@example.com}")]),
            RuleExample(["evident.yaml": withPerson("↓security-lead: {name: \"Sam Lee (replace me)\", email: sam@corp.example}")]),
        ],
        nonTriggering: [
            RuleExample(),
            RuleExample(["evident.yaml": withPerson("security-lead: {name: Sam Lee, email: sam@corp.example, emails: [sam.lee@corp.example]}")]),
        ])

    /// The example evident.yaml with one more person, written as `entry` (`key: {…}`).
    static func withPerson(_ entry: String) -> String {
        ExampleProgram.base["evident.yaml"]!.replacingOccurrences(of: "people:\n", with: "people:\n  \(entry)\n")
    }

    public init() {}

    public func check(_ context: LintContext) -> [Diagnostic] {
        let placeholderEmails = StarterProgram.placeholderEmails
        return context.program.configuration.people.values.sorted { $0.key < $1.key }.compactMap { person in
            var leftovers: [String] = []
            if let name = person.name, name.contains(StarterProgram.placeholderMarker) { leftovers.append("the name '\(name)'") }
            for address in [person.email].compactMap({ $0 }) + person.emails where placeholderEmails.contains(address.lowercased()) {
                leftovers.append("the address \(address)")
            }
            guard !leftovers.isEmpty else { return nil }
            return diagnostic("person '\(person.key)' still has \(leftovers.joined(separator: " and ")) that `evident init` wrote; put in the real person: approvals are bound to people by the addresses they commit with",
                              at: person.location)
        }
    }
}
