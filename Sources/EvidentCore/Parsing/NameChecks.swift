/// The checks of names and paths the parsers make where they read them: each problem is a
/// located diagnostic under the rule that documents it.
extension MappingReader {
    static let nameRule = "NAME-INVALID"
    static let pathRule = "PATH-INVALID"
    static let cycleWindowRule = "CYCLE-WINDOW"
    static let symlinkRule = "PATH-SYMLINK"

    /// Whether `value` is an `Identifier`; reports it under NAME-INVALID when not. `what` names
    /// it in the message ("the control id", "the people key").
    @discardableResult
    static func checkIdentifier(_ value: Located<String>, naming what: String, _ diagnostics: inout [Diagnostic]) -> Bool {
        guard let problem = Identifier.problem(with: value.value) else { return true }
        diagnostics.append(Diagnostic(ruleID: nameRule, severity: .error,
                                      message: "\(what) \(problem); an id is \(Identifier.grammar)", location: value.location))
        return false
    }

    /// Whether `value` is a `GitHubHandle`; reports it under NAME-INVALID when not.
    static func checkHandle(_ value: Located<String>, _ diagnostics: inout [Diagnostic]) -> Bool {
        guard let problem = GitHubHandle.problem(with: value.value) else { return true }
        diagnostics.append(Diagnostic(ruleID: nameRule, severity: .error,
                                      message: "'github' \(problem); it must be \(GitHubHandle.grammar)", location: value.location))
        return false
    }

    /// Whether `value` is a `RelativePath`; reports it under PATH-INVALID when not.
    static func checkPath(_ value: Located<String>, key: String, _ diagnostics: inout [Diagnostic]) -> Bool {
        guard let problem = RelativePath.problem(with: value.value) else { return true }
        diagnostics.append(Diagnostic(ruleID: pathRule, severity: .error,
                                      message: "'\(key)' \(problem); it must be \(RelativePath.grammar)", location: value.location))
        return false
    }

    /// Whether an email address can be written as a CODEOWNERS owner and matched against a
    /// commit: no spaces or control characters (which would end the owner, or the line).
    static func checkEmail(_ value: Located<String>, key: String, _ diagnostics: inout [Diagnostic]) -> Bool {
        guard let bad = value.value.unicodeScalars.first(where: { $0 == " " || CharacterName.isControl($0) || $0.properties.isWhitespace })
        else { return true }
        diagnostics.append(Diagnostic(ruleID: MappingReader.typeRule, severity: .error,
                                      message: "'\(key)' contains \(CharacterName.of(bad)); an email address has no spaces or control characters",
                                      location: value.location))
        return false
    }
}
