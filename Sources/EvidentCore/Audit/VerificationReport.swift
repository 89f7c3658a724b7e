/// What `evident verify` found about the committed audit records.
public struct VerificationReport: Sendable, Equatable {
    /// One line per problem, each naming the record it is about.
    public var problems: [String]
    /// What could not be checked, and why (a record written by another Evident version).
    public var notes: [String] = []
    /// Records that could be read and were checked.
    public var checked: Int
    /// Every `record.json` committed at the tip.
    public var records: Int
    /// The mainline revision read, and its tip commit (abbreviated).
    public var revision: String
    public var tip: String

    public init(problems: [String], checked: Int, records: Int, revision: String, tip: String) {
        self.problems = problems
        self.checked = checked
        self.records = records
        self.revision = revision
        self.tip = tip
    }

    public var isClean: Bool { problems.isEmpty }
}
