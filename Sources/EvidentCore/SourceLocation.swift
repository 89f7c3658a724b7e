/// A position in a file, for messages of the form `path:line:column`.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column.
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// Input that cannot be used, with where it is.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var location: SourceLocation?
    public var message: String
    /// The lint rule that reports the problem when the program is linted (nil: SCHEMA-TYPE).
    public var ruleID: String?

    public init(_ message: String, at location: SourceLocation? = nil, ruleID: String? = nil) {
        self.message = message
        self.location = location
        self.ruleID = ruleID
    }

    public var description: String {
        location.map { "\($0): \(message)" } ?? message
    }
}
