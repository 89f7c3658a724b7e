/// A control of the starter program that `evident init` writes.
struct StarterControl: Sendable {
    var id: String
    var title: String
    var category: TrustCategory
    var criteria: [String]
    var owner: String
    var frequency: Frequency
    var risk: RiskLevel
    var policies: [String]
    /// What the control does, in two to four sentences.
    var description: String
    /// Concrete steps a tester follows.
    var procedure: [String]
    /// What one evidence occurrence holds and how it is named.
    var evidenceHint: String
}

/// A policy of the starter program.
struct StarterPolicy: Sendable {
    var id: String
    var title: String
    var topic: String
    var category: TrustCategory
    var owner: String
    var reviewDays: Int
    var purpose: String
    var statements: [String]
}

/// The starter program's content, written for Evident. Controls cite only criteria of their
/// category (plus common criteria); the tests check coverage for every choice of categories.
enum StarterCatalog {
    /// Owner placeholders, written into evident.yaml's people for the team to replace.
    static let roles: [(key: String, title: String)] = [
        ("security-lead", "Security lead"),
        ("engineering-lead", "Engineering lead"),
        ("people-lead", "People and HR lead"),
        ("it-lead", "IT lead"),
        ("compliance-lead", "Compliance lead"),
        ("executive", "Chief executive"),
        ("privacy-lead", "Privacy lead"),
    ]

    static func control(
        _ id: String, _ title: String, _ category: TrustCategory = .security, criteria: [String], owner: String,
        _ frequency: Frequency, _ risk: RiskLevel, policies: [String], _ description: String, steps: [String], evidence: String
    ) -> StarterControl {
        StarterControl(id: id, title: title, category: category, criteria: criteria, owner: owner, frequency: frequency, risk: risk,
                       policies: policies, description: description, procedure: steps, evidenceHint: evidence)
    }

    static let controls: [StarterControl] = governance + people + risk + vendors + access + change + operations + incidents
        + data + assets + availability + confidentiality + processingIntegrity + privacy
}
