/// How serious a lint diagnostic is.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable, Codable {
    case info, warning, error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One problem found in the program, pointing at the file, line and column it is about.
public struct Diagnostic: Hashable, Sendable {
    public var ruleID: String
    public var severity: Severity
    public var message: String
    public var location: SourceLocation

    public init(ruleID: String, severity: Severity, message: String, location: SourceLocation) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.location = location
    }

    /// Path, then position, then rule: the order every reporter prints in.
    public static func ordered(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        (lhs.location.file, lhs.location.line, lhs.location.column, lhs.ruleID, lhs.message)
            < (rhs.location.file, rhs.location.line, rhs.location.column, rhs.ruleID, rhs.message)
    }
}
