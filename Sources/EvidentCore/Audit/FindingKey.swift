/// What makes two findings "the same problem" across runs and cycles: the code and the subject,
/// without the message, which names dates and commits that change from run to run.
public struct FindingKey: Hashable, Sendable {
    public var code: String
    public var subject: String

    public init(code: String, subject: String) {
        self.code = code
        self.subject = subject
    }
}

extension Finding {
    public var key: FindingKey { FindingKey(code: code, subject: subject) }
}

extension AuditRecord.Finding {
    public var key: FindingKey { FindingKey(code: code, subject: subject) }
}
