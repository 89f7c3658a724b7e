/// An audit check: a type with a stable finding code, a description, and examples that run as tests.
public protocol AuditCheck: Sendable {
    static var description: CheckDescription { get }
    init()
    func findings(_ context: AuditContext) -> [Finding]
}

public struct CheckDescription: Sendable {
    public var code: String
    public var summary: String
    public var severity: FindingSeverity
    public var triggering: [AuditExample]
    public var nonTriggering: [AuditExample]
}
