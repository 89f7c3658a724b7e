/// Someone named in `people`, keyed by a short handle used across the program.
public struct Person: Hashable, Sendable {
    public var key: String
    public var name: String?
    public var email: String?
    /// The other addresses the person commits with: each binds their approvals as `email` does.
    public var emails: [String]
    public var github: String?
    public var role: String?
    public var location: SourceLocation

    /// Every address the person commits with, lower-cased.
    public var addresses: Set<String> {
        Set(([email].compactMap { $0 } + emails).map { $0.lowercased() })
    }

    public init(key: String, name: String?, email: String?, emails: [String] = [], github: String?, role: String?, location: SourceLocation) {
        self.key = key
        self.name = name
        self.email = email
        self.emails = emails
        self.github = github
        self.role = role
        self.location = location
    }
}

/// An audit cycle: the window the internal audit tests.
public struct AuditCycle: Hashable, Sendable {
    public enum Kind: Int, Sendable { case type1 = 1, type2 = 2 }

    /// The longest window evident.yaml may set. The audit walks the window day by day (periods,
    /// populations), so a window of millennia would take hours and gigabytes; no real audit
    /// period comes close to five years.
    public static let maximumYears = 5

    /// The day `maximumYears` after `start` (28 February when `start` is 29 February): a window
    /// must end before it.
    public static func firstDayPastLongestWindow(from start: Day) -> Day {
        let year = start.year + maximumYears
        return Day(year: year, month: start.month, day: start.day) ?? Day(year: year, month: start.month, day: 28)!
    }

    public var id: String
    public var kind: Kind
    public var start: Day
    public var end: Day
    public var fieldwork: Day?
    public var location: SourceLocation
}

/// `evident.yaml`: scope, people, cycles and settings of a compliance program.
public struct ProgramConfiguration: Sendable {
    public var organization: String?
    public var system: String?
    public var framework: String
    /// In-scope categories; security is always present.
    public var categories: Set<TrustCategory>
    public var categoriesLocation: SourceLocation
    public var layout: ProgramLayout
    public var people: [String: Person]
    public var internalAuditor: String?
    public var internalAuditorFirm: String?
    public var externalAuditorFirm: String?
    public var cycles: [AuditCycle]
    public var requireSigned: Bool
    public var allowedSigners: String?
    /// Policy topics the scope requires, beyond the category defaults.
    public var extraRequiredTopics: [String]
    /// Where the file is (for program-wide diagnostics).
    public var location: SourceLocation

    /// Defaults for a repository without `evident.yaml`.
    public static func defaults(file: String = ProgramLayout.fileName) -> ProgramConfiguration {
        let location = SourceLocation(file: file, line: 1, column: 1)
        return ProgramConfiguration(
            organization: nil, system: nil, framework: TrustServicesCriteria.framework, categories: [.security],
            categoriesLocation: location, layout: ProgramLayout(), people: [:], internalAuditor: nil,
            internalAuditorFirm: nil, externalAuditorFirm: nil, cycles: [], requireSigned: false, allowedSigners: nil,
            extraRequiredTopics: [], location: location)
    }

    /// Policy topics that must each have an active policy.
    public var requiredTopics: [String] {
        var topics: [String] = []
        for category in TrustCategory.allCases where categories.contains(category) {
            topics += PolicyTopics.required[category] ?? []
        }
        return topics + extraRequiredTopics.filter { !topics.contains($0) }
    }

    static let allowedKeys = [
        "organization", "system", "framework", "categories", "mainline", "root", "paths", "people", "auditors",
        "cycles", "trust", "required_topics",
    ]

    /// Reads `evident.yaml`, reporting every problem as a located diagnostic.
    static func parse(_ text: String, file: String, diagnostics: inout [Diagnostic]) -> ProgramConfiguration {
        var configuration = ProgramConfiguration.defaults(file: file)
        guard let node = FrontMatterDocument.compose(text, file: file, lineOffset: 0, diagnostics: &diagnostics),
              let reader = MappingReader(node, file: file, lineOffset: 0, subject: "evident.yaml", diagnostics: &diagnostics)
        else { return configuration }
        reader.checkKeys(allowed: allowedKeys, &diagnostics)
        configuration.organization = reader.string("organization", &diagnostics)?.value
        configuration.system = reader.string("system", &diagnostics)?.value
        if let framework = reader.string("framework", &diagnostics), framework.value != TrustServicesCriteria.framework {
            diagnostics.append(Diagnostic(ruleID: MappingReader.typeRule, severity: .error,
                                          message: "'framework' must be '\(TrustServicesCriteria.framework)', the only catalog Evident has",
                                          location: framework.location))
        }
        if let categories = reader.strings("categories", &diagnostics) {
            configuration.categoriesLocation = reader.keyLocation("categories") ?? reader.location
            for category in categories {
                if let value = TrustCategory(rawValue: category.value) {
                    configuration.categories.insert(value)
                } else {
                    var message = "unknown category '\(category.value)' (expected \(TrustCategory.allCases.map(\.rawValue).joined(separator: ", ")))"
                    if let suggestion = Suggestion.closest(to: category.value, among: TrustCategory.allCases.map(\.rawValue)) {
                        message += "; did you mean '\(suggestion)'?"
                    }
                    diagnostics.append(Diagnostic(ruleID: MappingReader.typeRule, severity: .error, message: message, location: category.location))
                }
            }
        }
        do {
            configuration.layout = try ProgramLayout.parse(text, displayPath: file)
        } catch {
            // `mainline`, `root` and `paths` are read by the layout alone; YAML syntax errors
            // were reported above by the same composer, so only report what is new.
            let location = error.location ?? SourceLocation(file: file, line: 1, column: 1)
            if !diagnostics.contains(where: { $0.location == location }) {
                diagnostics.append(Diagnostic(ruleID: error.ruleID ?? MappingReader.typeRule, severity: .error, message: error.message, location: location))
            }
        }
        if let people = reader.mappingReader("people", subject: "people", &diagnostics) {
            for (key, value) in people.mapping {
                guard let handle = key.string else { continue }
                // A key names interview notes (audits/<cycle>/interviews/<key>.md) and appears in
                // records; a bad one is reported, and the person kept so references still resolve.
                MappingReader.checkIdentifier(Located(handle, at: reader.location(of: key)), naming: "the people key", &diagnostics)
                guard let person = MappingReader(value, file: file, lineOffset: 0, subject: "person '\(handle)'", diagnostics: &diagnostics) else { continue }
                person.checkKeys(allowed: ["name", "email", "emails", "github", "role"], &diagnostics)
                // Handles and addresses become CODEOWNERS owners: one that is not well formed is left out.
                let email = person.string("email", &diagnostics).flatMap { MappingReader.checkEmail($0, key: "email", &diagnostics) ? $0.value : nil }
                let emails = (person.strings("emails", &diagnostics) ?? []).filter { MappingReader.checkEmail($0, key: "emails", &diagnostics) }
                let github = person.string("github", &diagnostics).flatMap { MappingReader.checkHandle($0, &diagnostics) ? $0.value : nil }
                configuration.people[handle] = Person(
                    key: handle, name: person.string("name", required: true, &diagnostics)?.value,
                    email: email, emails: emails.map(\.value), github: github,
                    role: person.string("role", &diagnostics)?.value, location: reader.location(of: key))
            }
        }
        if let auditors = reader.mappingReader("auditors", subject: "auditors", &diagnostics) {
            auditors.checkKeys(allowed: ["external", "internal"], &diagnostics)
            if let external = auditors.mappingReader("external", subject: "auditors.external", &diagnostics) {
                external.checkKeys(allowed: ["firm", "name"], &diagnostics)
                configuration.externalAuditorFirm = external.string("firm", &diagnostics)?.value
            }
            if let internalAuditors = auditors.mappingReader("internal", subject: "auditors.internal", &diagnostics) {
                internalAuditors.checkKeys(allowed: ["name", "firm"], &diagnostics)
                configuration.internalAuditor = internalAuditors.string("name", &diagnostics)?.value
                configuration.internalAuditorFirm = internalAuditors.string("firm", &diagnostics)?.value
            }
        }
        for item in reader.sequence("cycles", &diagnostics) ?? [] {
            guard let cycle = MappingReader(item, file: file, lineOffset: 0, subject: "cycle", diagnostics: &diagnostics) else { continue }
            cycle.checkKeys(allowed: ["id", "type", "start", "end", "fieldwork"], &diagnostics)
            let id = cycle.string("id", required: true, &diagnostics)
            let kind = cycle.integer("type", in: 1...2, &diagnostics).flatMap { AuditCycle.Kind(rawValue: $0.value) } ?? .type2
            let start = cycle.day("start", required: true, &diagnostics)
            let end = cycle.day("end", required: true, &diagnostics)
            let fieldwork = cycle.day("fieldwork", &diagnostics)
            guard let id, let start, let end else { continue }
            // The id names the record's folder (audits/<id>/): a cycle whose id is not one is left out.
            guard MappingReader.checkIdentifier(id, naming: "the cycle id", &diagnostics) else { continue }
            if end.value < start.value {
                diagnostics.append(Diagnostic(ruleID: MappingReader.typeRule, severity: .error,
                                              message: "cycle '\(id.value)' ends before it starts", location: end.location))
                continue
            }
            guard end.value < AuditCycle.firstDayPastLongestWindow(from: start.value) else {
                diagnostics.append(Diagnostic(ruleID: MappingReader.cycleWindowRule, severity: .error,
                                              message: "cycle '\(id.value)' runs from \(start.value) to \(end.value), longer than \(AuditCycle.maximumYears) years; an audit window is at most \(AuditCycle.maximumYears) years (a SOC 2 type 2 window is usually 3 to 12 months)",
                                              location: end.location))
                continue
            }
            configuration.cycles.append(AuditCycle(id: id.value, kind: kind, start: start.value, end: end.value,
                                                   fieldwork: fieldwork?.value, location: cycle.location))
        }
        if let trust = reader.mappingReader("trust", subject: "trust", &diagnostics) {
            trust.checkKeys(allowed: ["require_signed", "allowed_signers"], &diagnostics)
            configuration.requireSigned = trust.boolean("require_signed", &diagnostics)?.value ?? false
            configuration.allowedSigners = trust.string("allowed_signers", &diagnostics).flatMap {
                MappingReader.checkPath($0, key: "allowed_signers", &diagnostics) ? RelativePath.normalized($0.value) : nil
            }
        }
        configuration.extraRequiredTopics = reader.strings("required_topics", &diagnostics)?.map(\.value) ?? []
        return configuration
    }
}

/// The policy topics each category requires.
public enum PolicyTopics {
    public static let required: [TrustCategory: [String]] = [
        .security: ["information-security", "access-control", "change-management", "incident-response",
                    "risk-management", "vendor-management", "acceptable-use", "data-classification"],
        .availability: ["business-continuity", "backup"],
        .confidentiality: ["data-retention"],
        .processingIntegrity: ["processing-integrity"],
        .privacy: ["privacy"],
    ]
}
