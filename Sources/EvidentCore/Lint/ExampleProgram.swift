import Foundation

/// The program every rule example starts from. It lints clean, which a test checks.
public enum ExampleProgram {
    public static let topics = PolicyTopics.required[.security]!

    public static func policyID(_ topic: String) -> String { "POL-" + topic.uppercased() }

    public static let base: [String: String] = {
        var files: [String: String] = [:]
        files["evident.yaml"] = """
            organization: Example Corp
            categories: [security]
            people:
              alice: {name: Alice Smith, email: alice@example.com, github: alice, role: CISO}
              bob: {name: Bob Jones, email: bob@example.com}
              dave: {name: Dave Approver, email: dave@example.com}
            cycles:
              - {id: "2026", type: 2, start: 2026-01-01, end: 2026-12-31, fieldwork: 2027-01-25}

            """
        let criteria = TrustServicesCriteria.inScope([.security]).map(\.id).joined(separator: ", ")
        files["controls/AC-01.md"] = """
            ---
            id: AC-01
            title: Example control
            criteria: [\(criteria)]
            owner: alice
            operator: bob
            frequency: quarterly
            risk: moderate
            policies: [\(topics.map(policyID).joined(separator: ", "))]
            ---
            What the control does.

            ## Test procedure
            Inspect each quarter's evidence.

            """
        for topic in topics {
            files["policies/\(policyID(topic)).md"] = policy(topic)
        }
        files["evidence/AC-01/2026-01-15-review.md"] = "Reviewed.\n"
        return files
    }()

    /// Where the base evident.yaml lists its categories: the scope's diagnostics point there.
    static let categoriesLocation = SourceLocation(file: "evident.yaml", line: 2, column: 1)

    /// A base policy file, owned by alice, with one approval by dave per entry of `approvals`.
    public static func policy(_ topic: String, version: String = "1.0", approvals: [String] = ["1.0"], body: String = "Policy text.") -> String {
        """
        ---
        id: \(policyID(topic))
        title: \(topic) policy
        owner: alice
        version: "\(version)"
        topic: \(topic)
        review_days: 365
        controls: [AC-01]
        approvals:
        \(approvals.map { "  - {by: dave, version: \"\($0)\", date: 2026-01-10}" }.joined(separator: "\n"))
        ---
        \(body)

        """
    }

    /// The example's files: the base with its changes applied.
    public static func files(for example: RuleExample) -> [String: String] {
        var files = base.merging(example.files) { $1 }
        for path in example.removed { files[path] = nil }
        return files
    }

    public static func context(for example: RuleExample) throws -> LintContext {
        let program = try Program.load(from: InMemoryFiles(files(for: example), kinds: example.kinds))
        var previous: [String: Policy] = [:]
        for (file, text) in example.before {
            var ignored: [Diagnostic] = []
            previous[file] = PolicyParser.parse(text, file: file, diagnostics: &ignored)
        }
        return LintContext(program: program, policyHistory: example.policyHistory, stagedChanges: example.staged,
                           previousPolicies: previous, today: example.today)
    }
}

/// Program files held in memory: rule examples and tests.
public struct InMemoryFiles: ProgramFileSource {
    public var files: [String: String]
    /// Paths that are symbolic links or submodules, not files; their text stands for what they point at.
    public var kinds: [String: ProgramFileEntry.Kind]

    public init(_ files: [String: String], kinds: [String: ProgramFileEntry.Kind] = [:]) {
        self.files = files
        self.kinds = kinds
    }

    public func files(under folder: String) -> [String] {
        guard folder != "." else { return files.keys.sorted() }
        return files.keys.filter { $0 == folder || $0.hasPrefix(folder + "/") }.sorted()
    }

    public func entries(under folder: String) -> [ProgramFileEntry] {
        // A link or submodule at the folder, or on the way to it, is the one entry.
        var prefix = ""
        for component in folder.split(separator: "/") where folder != "." {
            prefix += (prefix.isEmpty ? "" : "/") + component
            if let kind = kinds[prefix], kind != .file, files[prefix] != nil {
                return [ProgramFileEntry(path: ExactPath(prefix), kind: kind)]
            }
        }
        return files(under: folder).map { ProgramFileEntry(path: ExactPath($0), kind: kinds[$0] ?? .file) }
    }

    public func contents(of path: String) -> Data? {
        files[path].map { Data($0.utf8) }
    }
}
