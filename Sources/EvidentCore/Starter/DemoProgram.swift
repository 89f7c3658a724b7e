/// `evident demo`: the starter program with a year of back-dated history — evidence landing
/// period by period, policies approved by someone other than their author — and, unless it is
/// asked to be clean, a few planted problems for the audit to find.
public enum DemoProgram {
    public struct Commit: Sendable {
        public var day: Day
        public var author: (name: String, email: String)
        public var message: String
        public var files: [String: String?]
    }

    /// What the planted problems are, for the user (and the tests) to compare with the findings.
    public static let planted: [(code: String, subject: String)] = [
        ("EVID-MISSING-PERIOD", "AC-05"), ("EVID-LATE", "OP-03"), ("EVID-MODIFIED-AFTER-LANDING", "CM-01"),
        ("EVID-DELETED", "GV-08"), ("EVID-CLAIM-MISMATCH", "AC-06"), ("POL-SELF-APPROVED", "POL-ACCESS"),
        // The forged approval of POL-VENDOR's change is one finding: the change it claims to
        // approve is unapproved because of it (`FindingConsequences`).
        ("POL-APPROVAL-UNBOUND", "POL-VENDOR"),
    ]

    /// Commits that try to re-roll the sample after the audit: they change nothing, so the
    /// sample, which depends on the population alone, cannot change.
    public static let steeringCommits = 3

    public static let cycle = "2026"

    private static let people: [String: (name: String, email: String)] = [
        "security-lead": ("Alice Smith", "alice@demo.example"), "engineering-lead": ("Bob Jones", "bob@demo.example"),
        "people-lead": ("Carol White", "carol@demo.example"), "it-lead": ("Erin Black", "erin@demo.example"),
        "compliance-lead": ("Frank Green", "frank@demo.example"), "executive": ("Dave Chen", "dave@demo.example"),
        "privacy-lead": ("Grace Lee", "grace@demo.example"),
    ]

    public static func commits(withProblems: Bool) -> [Commit] {
        // The calendar year 2026, with fieldwork on 25 January 2027, as the demo has always had it.
        let firstCycle = StarterCycle.calendarYear(2026, fieldwork: day("2027-01-25"))
        var files = StarterProgram.files(categories: [], organization: "Demo Cloud Inc.", cycle: firstCycle)
        for path in files.keys where path.hasPrefix(".github/workflows/") { files[path] = nil }
        // Real names for the placeholder people.
        var configuration = files[ProgramLayout.fileName]!
        for (key, person) in people {
            let title = StarterCatalog.roles.first { $0.key == key }!.title
            configuration = configuration.replacingOccurrences(
                of: "\(key): {name: \(StarterProgram.yamlString(title + " (replace me)")), email: \(key)@example.com",
                with: "\(key): {name: \(person.name), email: \(person.email)")
        }
        files[ProgramLayout.fileName] = configuration.replacingOccurrences(of: "\"CPA firm (replace me)\"", with: "Example CPA LLP")
            .replacingOccurrences(of: "\"Internal auditor (replace me)\"", with: "Frank Green")
        let alice = people["security-lead"]!
        let dave = people["executive"]!
        var commits: [Commit] = [Commit(day: day("2025-12-01"), author: alice, message: "Start the SOC 2 program", files: files.mapValues { $0 })]

        let policies = files.keys.filter { $0.hasPrefix("policies/") }.sorted()
        func approved(_ path: String, _ text: String, by approver: String, version: String, on date: Day) -> String {
            text.replacingOccurrences(of: "approvals: []", with: "approvals:\n  - {by: \(approver), version: \"\(version)\", date: \(date)}")
        }
        var policyText: [String: String] = [:]
        for path in policies { policyText[path] = approved(path, files[path]!, by: "executive", version: "1.0", on: day("2025-12-08")) }
        commits.append(Commit(day: day("2025-12-08"), author: dave, message: "Approve the policies\n\nApproved-by: Dave Chen <dave@demo.example>",
                              files: policyText.mapValues { $0 }))
        var reapproved: [String: String?] = [:]
        for path in policies {
            policyText[path] = policyText[path]!.replacingOccurrences(of: "date: 2025-12-08}", with: "date: 2025-12-08}\n  - {by: executive, version: \"1.0\", date: 2026-02-02}")
            reapproved[path] = policyText[path]
        }
        commits.append(Commit(day: day("2026-02-02"), author: dave, message: "Annual policy review", files: reapproved))
        commits.append(Commit(day: day("2026-03-02"), author: alice, message: "Update the risk assessment",
                              files: ["risk/risk-assessment.md": files["risk/risk-assessment.md"]! + "| R-02 | Vendor outage | 2 | 4 | mitigate | VM-02 | security-lead |\n"]))

        // Evidence, period by period, landing the day after the date it claims.
        var byDay: [Day: [String: String?]] = [:]
        func occurrence(_ control: String, _ claimed: Day, landing: Day? = nil) {
            byDay[landing ?? claimed.adding(days: 1), default: [:]]["evidence/\(control)/\(claimed)-record.md"] = "\(control) performed on \(claimed).\n"
        }
        for control in StarterCatalog.controls where control.category == .security {
            for claimed in claimedDays(control.frequency) {
                if withProblems && control.id == "AC-05" && claimed == day("2026-09-28") { continue }
                if withProblems && control.id == "OP-03" && claimed == day("2026-07-25") { occurrence(control.id, claimed, landing: day("2026-08-30")); continue }
                // Dated a week after the commit that landed it.
                if withProblems && control.id == "AC-06" && claimed == day("2026-06-28") { occurrence(control.id, claimed, landing: day("2026-06-21")); continue }
                occurrence(control.id, claimed)
            }
        }
        for (landing, evidence) in byDay.sorted(by: { $0.key < $1.key }) {
            commits.append(Commit(day: landing, author: people["engineering-lead"]!, message: "Add evidence", files: evidence))
        }
        if withProblems {
            commits.append(Commit(day: day("2026-06-10"), author: people["engineering-lead"]!, message: "Fix a typo in old evidence",
                                  files: ["evidence/CM-01/2026-05-25-record.md": "CM-01 performed on 2026-05-25 (edited).\n"]))
            commits.append(Commit(day: day("2026-10-01"), author: alice, message: "Remove a duplicate",
                                  files: ["evidence/GV-08/2026-06-28-record.md": nil]))
            let access = "policies/POL-ACCESS.md"
            commits.append(Commit(day: day("2026-07-01"), author: alice, message: "Tighten access reviews",
                                  files: [access: policyText[access]!.replacingOccurrences(of: "\nversion: \"1.0\"\n", with: "\nversion: \"1.1\"\n")
                                    .replacingOccurrences(of: "date: 2026-02-02}", with: "date: 2026-02-02}\n  - {by: security-lead, version: \"1.1\", date: 2026-07-01}")
                                    + "- Reviews of production access are signed by two people.\n"]))
            let vendor = "policies/POL-VENDOR.md"
            // Alice writes the executive's approval of her own change into it: a forged approval.
            commits.append(Commit(day: day("2026-08-01"), author: alice, message: "Add vendor exit planning",
                                  files: [vendor: policyText[vendor]!.replacingOccurrences(of: "\nversion: \"1.0\"\n", with: "\nversion: \"1.1\"\n")
                                    .replacingOccurrences(of: "date: 2026-02-02}", with: "date: 2026-02-02}\n  - {by: executive, version: \"1.1\", date: 2026-08-01}")
                                    + "- Critical vendors have an exit plan.\n"]))
        }
        var interviews: [String: String?] = [:]
        for owner in Set(StarterCatalog.controls.filter { $0.category == .security }.map(\.owner)) {
            interviews["audits/\(cycle)/interviews/\(owner).md"] = "# Interview with the \(owner)\n\nWalked through each control they own and its evidence.\n"
        }
        commits.append(Commit(day: day("2026-11-20"), author: people["compliance-lead"]!, message: "Interview the control owners", files: interviews))
        return commits.sorted { $0.day < $1.day }
    }

    /// The days on which a control of this frequency is performed in 2026.
    static func claimedDays(_ frequency: Frequency) -> [Day] {
        switch frequency {
        case .annual, .continuous: [day("2026-06-15")]
        case .semiannual: [day("2026-06-28"), day("2026-12-20")]
        case .quarterly: [day("2026-03-29"), day("2026-06-28"), day("2026-09-28"), day("2026-12-20")]
        case .monthly: (1...12).map { Day(year: 2026, month: $0, day: $0 == 12 ? 20 : 25)! }
        case .weekly: stride(from: 0, to: 51, by: 1).map { day("2026-01-02").adding(days: 7 * $0) }
        case .daily: []
        case .event: [day("2026-02-10"), day("2026-06-02"), day("2026-10-12")]
        }
    }

    private static func day(_ text: String) -> Day { Day(text)! }
}
