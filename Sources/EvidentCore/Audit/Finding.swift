/// How much a finding matters to the external examination.
public enum FindingSeverity: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
    case info, low, medium, high

    public static func < (lhs: FindingSeverity, rhs: FindingSeverity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Where a finding stands: still raised (and whether past its due date), or no longer raised.
public enum FindingStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case open, remediated, overdue
}

/// A shortfall the internal audit found: one problem of one kind (`code`) on one subject.
///
/// The audit raises at most one finding per code and subject (`FindingKey`): a control missing
/// forty daily periods has one `EVID-MISSING-PERIOD` finding that lists them. What a finding
/// lists is kept as data, `periods` or `items`, so that a report can count, group or shorten the
/// list; the message names the count and the list in words.
public struct Finding: Hashable, Sendable {
    public var code: String
    public var severity: FindingSeverity
    /// The control or policy it concerns, or the cycle id, criterion, topic or person for
    /// findings about those.
    public var subject: String
    public var owner: String?
    public var due: Day
    public var status: FindingStatus
    public var message: String
    /// What raised it: evidence paths and commit ids.
    public var evidence: [String]
    /// The periods it concerns, oldest first, for findings about periods (missing, late).
    public var periods: [DayRange]
    /// What else it lists, in the order the message names them: evidence paths, sampled items,
    /// policy versions, commits, or the codes of the findings it follows up. Empty for a
    /// finding about its subject as a whole.
    public var items: [String]

    public init(code: String, severity: FindingSeverity, subject: String, owner: String?, due: Day, status: FindingStatus,
                message: String, evidence: [String], periods: [DayRange] = [], items: [String] = []) {
        self.code = code
        self.severity = severity
        self.subject = subject
        self.owner = owner
        self.due = due
        self.status = status
        self.message = message
        self.evidence = evidence
        self.periods = periods
        self.items = items
    }

    /// How many periods or items it lists (0 for a finding about its subject as a whole).
    public var count: Int { periods.isEmpty ? items.count : periods.count }
}

extension FindingSeverity {
    /// Whether a finding of this severity is an exception that leaves its criterion unmet (and
    /// its control `exceptions`); low and info findings are notes on a met one.
    public var isException: Bool {
        switch self {
        case .high, .medium: true
        case .low, .info: false
        }
    }
}
