/// Runs every audit check of `Auditor.checks` (BuiltInChecks.swift) and orders the findings by audit impact.
public struct Auditor: Sendable {
    /// The primary checks' findings: computed once by `run`, or now when a check runs alone.
    static func primaryFindings(_ context: AuditContext) -> [Finding] {
        context.primaryFindings ?? primaryChecks.flatMap { $0.init().findings(context) }
    }

    public init() {}

    public func run(_ context: AuditContext) -> [Finding] {
        var context = context
        let primary = Self.primaryChecks.flatMap { $0.init().findings(context) }
        context.primaryFindings = primary
        return (primary + Self.followUpChecks.flatMap { $0.init().findings(context) }).sorted {
            ($1.severity, $0.code, $0.subject, $0.period?.start.description ?? "", $0.message)
                < ($0.severity, $1.code, $1.subject, $1.period?.start.description ?? "", $1.message)
        }
    }
}
