/// How often a control operates.
public enum Frequency: String, CaseIterable, Sendable, Hashable, Codable {
    case annual, semiannual, quarterly, monthly, weekly, daily, continuous, event
}

/// How much risk a control addresses; scales the sample size.
public enum RiskLevel: String, CaseIterable, Sendable, Hashable, Codable {
    case low, moderate, high
}

public enum ControlStatus: String, CaseIterable, Sendable, Hashable, Codable {
    case active, retired
}

/// A control: `controls/<ID>.md`.
public struct Control: Sendable {
    public var file: String
    public var id: Located<String>
    public var title: String?
    public var criteria: [Located<String>]
    public var owner: Located<String>?
    public var operator_: Located<String>?
    public var frequency: Located<Frequency>?
    public var risk: Located<RiskLevel>?
    public var policies: [Located<String>]
    /// The evidence folder, relative to the repository top.
    public var evidence: Located<String>
    public var graceDays: Int
    public var status: ControlStatus
    public var statusLocation: SourceLocation?
    public var retiredOn: Day?
    public var body: String

    public var isActive: Bool { status == .active }

    static let allowedKeys = ["id", "title", "criteria", "owner", "operator", "frequency", "risk", "policies", "evidence",
                              "grace_days", "status", "retired_on"]
    public static let defaultGraceDays = 14
}

/// An approval entry of a policy, as written in its front matter.
public struct PolicyApproval: Hashable, Sendable {
    public var by: Located<String>
    public var version: String?
    public var date: Day?
    public var location: SourceLocation
}

/// A policy: `policies/<ID>.md`.
public struct Policy: Sendable {
    public var file: String
    public var id: Located<String>
    public var title: String?
    public var owner: Located<String>?
    public var version: Located<String>?
    public var topic: Located<String>?
    public var reviewDays: Located<Int>?
    public var controls: [Located<String>]
    public var approvals: [PolicyApproval]
    public var status: ControlStatus
    public var body: String

    public var isActive: Bool { status == .active }

    static let allowedKeys = ["id", "title", "owner", "version", "topic", "review_days", "controls", "approvals", "status"]
    public static let defaultReviewDays = 365
}

/// A risk assessment document under `risk/`.
public struct RiskDocument: Hashable, Sendable {
    public var file: String
    public var kind: String?
}
