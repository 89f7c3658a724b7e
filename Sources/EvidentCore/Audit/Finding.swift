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

/// A shortfall the internal audit found.
public struct Finding: Hashable, Sendable {
    public var code: String
    public var severity: FindingSeverity
    /// The control or policy it concerns (`program` for scope-wide findings).
    public var subject: String
    public var owner: String?
    public var due: Day
    public var status: FindingStatus
    public var message: String
    /// What raised it: evidence paths and commit ids.
    public var evidence: [String]
    /// The period it concerns, for period findings.
    public var period: DayRange?

    public init(code: String, severity: FindingSeverity, subject: String, owner: String?, due: Day, status: FindingStatus,
                message: String, evidence: [String], period: DayRange? = nil) {
        self.code = code
        self.severity = severity
        self.subject = subject
        self.owner = owner
        self.due = due
        self.status = status
        self.message = message
        self.evidence = evidence
        self.period = period
    }
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
