/// A lint rule: a type that describes itself, with examples that run as its tests.
public protocol LintRule: Sendable {
    static var description: RuleDescription { get }
    init()
    func check(_ context: LintContext) -> [Diagnostic]
}

/// What a rule is for, and programs that do and do not trigger it.
public struct RuleDescription: Sendable {
    /// Stable id, printed with every diagnostic (`[ID-FILENAME]`).
    public var id: String
    public var name: String
    /// One line: what the rule checks.
    public var summary: String
    public var severity: Severity
    public var triggering: [RuleExample]
    public var nonTriggering: [RuleExample]
}

/// A small program: the example base program (which lints clean) with some files replaced,
/// added or removed, and optionally history facts and staged changes.
///
/// A triggering example says where each diagnostic must point. In the text of a file it writes,
/// `↓` (``marker``) stands right where a diagnostic's line and column point; the markers are
/// removed before the program is read. Diagnostics in files the example does not write (an
/// untouched base file, a deleted path) are listed in `expecting`. The test checks that the
/// rule's diagnostics point at exactly these positions, so an example cannot pass by raising the
/// rule somewhere else.
public struct RuleExample: Sendable {
    /// Marks a diagnostic's position in an example file; the column is counted in characters of
    /// the line with its markers removed.
    public static let marker: Character = "↓"

    /// The files as the program reads them (markers removed).
    public var files: [String: String]
    /// Files of `files` that are symbolic links or submodules instead.
    public var kinds: [String: ProgramFileEntry.Kind]
    public var removed: [String]
    /// Each policy file's mainline revisions, oldest first (for the rules that read history).
    public var policyHistory: [String: [PolicyRevision]]?
    public var staged: [StagedChange]?
    /// Files as they were before the change being linted (for the rules that compare).
    public var before: [String: String]
    public var today: Day
    /// Where the rule's diagnostics must point: the marked positions and those in `expecting`.
    public var expected: Set<SourceLocation>

    public init(_ files: [String: String] = [:], kinds: [String: ProgramFileEntry.Kind] = [:], removing removed: [String] = [],
                policyHistory: [String: [PolicyRevision]]? = nil, staged: [StagedChange]? = nil, before: [String: String] = [:],
                today: Day = Day(year: 2026, month: 6, day: 1)!, expecting locations: [SourceLocation] = []) {
        var stripped: [String: String] = [:]
        var expected = Set(locations)
        for (path, text) in files {
            let (kept, marks) = Self.removingMarkers(from: text, file: path)
            stripped[path] = kept
            expected.formUnion(marks)
        }
        self.files = stripped
        self.kinds = kinds
        self.removed = removed
        self.policyHistory = policyHistory
        self.staged = staged
        self.before = before
        self.today = today
        self.expected = expected
    }

    /// The text without its markers, and the position each marker stood for.
    static func removingMarkers(from text: String, file: String) -> (text: String, marks: [SourceLocation]) {
        guard text.contains(marker) else { return (text, []) }
        var kept = ""
        var marks: [SourceLocation] = []
        var (line, column) = (1, 1)
        for character in text {
            if character == marker {
                marks.append(SourceLocation(file: file, line: line, column: column))
                continue
            }
            kept.append(character)
            if character.isNewline {
                (line, column) = (line + 1, 1)
            } else {
                column += 1
            }
        }
        return (kept, marks)
    }
}

/// Everything a rule may look at.
public struct LintContext: Sendable {
    public let program: Program
    /// Each policy file's mainline revisions, oldest first; nil when history was not read.
    public let policyHistory: [String: [PolicyRevision]]?
    /// What the change being linted does (`--staged`, `evident pr`); nil otherwise.
    public var stagedChanges: [StagedChange]?
    /// Policies as they were before the change, by file: those whose file the change modifies.
    public var previousPolicies: [String: Policy]
    /// The day deadlines are measured against.
    public let today: Day
    /// How each policy stands on `today`, by file, with its changes and approval claims judged
    /// in the window of the cycle that holds today (else the one that ends last), as the audit
    /// of that cycle judges them at that clock; nil when history was not read.
    public let policyStandings: [String: PolicyStanding]?

    public init(program: Program, policyHistory: [String: [PolicyRevision]]? = nil, stagedChanges: [StagedChange]? = nil,
                previousPolicies: [String: Policy] = [:], today: Day) {
        self.program = program
        self.policyHistory = policyHistory
        self.stagedChanges = stagedChanges
        self.previousPolicies = previousPolicies
        self.today = today
        let configuration = program.configuration
        let window = AuditCycle.current(in: configuration.cycles, on: today)?.window
        policyStandings = policyHistory.map { history in
            Dictionary(program.policies.map { policy in
                (policy.file, PolicyStanding.judge(policy, revisions: history[policy.file] ?? [], people: configuration.people,
                                                   requireSigned: configuration.requireSigned, window: window, on: today))
            }) { first, _ in first }
        }
    }
}

/// A path changed by the change being linted, against the commit it builds on.
public struct StagedChange: Hashable, Sendable {
    public enum Kind: String, Sendable { case added = "A", modified = "M", deleted = "D" }
    public var path: String
    public var kind: Kind

    public init(path: String, kind: Kind) {
        self.path = path
        self.kind = kind
    }
}

/// What the mainline history proves about one policy file.
public struct PolicyProof: Hashable, Sendable {
    /// The day the file first landed on the mainline.
    public var firstLanded: Day?
    /// Bound approvals, in landing order.
    public var approvals: [ProvenApproval]
    /// Approvals claimed in commits that do not bind them to the approver.
    public var unbound: [UnboundApproval]

    public init(firstLanded: Day?, approvals: [ProvenApproval], unbound: [UnboundApproval] = []) {
        self.firstLanded = firstLanded
        self.approvals = approvals
        self.unbound = unbound
    }
}

/// A policy approval the history binds to its approver.
public struct ProvenApproval: Hashable, Sendable {
    /// How the commit binds the approver.
    public enum Binding: String, Hashable, Sendable, Codable {
        /// The approver authored the commit that added the entry.
        case author
        /// The approver committed the mainline commit whose `Approved-by:` trailer names them.
        case committer
    }

    /// The approver: a `people` key.
    public var by: String
    public var version: String?
    /// The mainline commit that landed it, and the day it landed.
    public var commit: String
    public var day: Day
    /// The commit whose author or committer is the approver: the mainline commit, or the side
    /// commit a merge brought in.
    public var bindingCommit: String
    public var binding: Binding

    public init(by: String, version: String?, commit: String, day: Day, bindingCommit: String? = nil, binding: Binding = .author) {
        self.by = by
        self.version = version
        self.commit = commit
        self.day = day
        self.bindingCommit = bindingCommit ?? commit
        self.binding = binding
    }
}

/// An approval claimed in a commit the claimed approver did not make: it approves nothing.
public struct UnboundApproval: Hashable, Sendable {
    /// The claimed approver (a `people` key, or the trailer's text).
    public var by: String
    public var version: String?
    /// The mainline commit that landed the claim.
    public var commit: String
    public var day: Day
    /// What claims the approval: the entry or the trailer, as written.
    public var claim: String
    /// Why the history does not bind it.
    public var reason: String

    public init(by: String, version: String?, commit: String, day: Day, claim: String, reason: String) {
        self.by = by
        self.version = version
        self.commit = commit
        self.day = day
        self.claim = claim
        self.reason = reason
    }
}

extension LintRule {
    public func diagnostic(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(ruleID: Self.description.id, severity: Self.description.severity, message: message, location: location)
    }

    /// Diagnostics the parser recorded under this rule's id.
    func parserDiagnostics(_ context: LintContext) -> [Diagnostic] {
        context.program.diagnostics.filter { $0.ruleID == Self.description.id }
    }
}

/// Runs every rule of `Linter.rules` (BuiltInRules.swift) over a program.
public struct Linter: Sendable {
    public init() {}

    public func run(_ context: LintContext) -> [Diagnostic] {
        Self.rules.flatMap { $0.init().check(context) }.sorted(by: Diagnostic.ordered)
    }
}
