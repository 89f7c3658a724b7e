// The forms of the names Evident turns into paths, CODEOWNERS lines and messages.
//
// Each check returns what is wrong, in words that describe the value without repeating it
// (it may hold a line break or an escape sequence), or nil when the value is acceptable. The
// parsers call them where they read the value and report the problem at its line and column.

/// An id of a control, policy or audit cycle, or a key of `people`.
///
/// A letter or digit, then letters, digits, `.`, `_` or `-`, at most 64 characters in all, in
/// ASCII: `AC-01`, `POL-ACCESS`, `2026`, `2026-h1`, `security-lead`. Ids become file and folder
/// names (`audits/<cycle>/`, `evidence/<control>/`, `audits/<cycle>/interviews/<person>.md`), so
/// nothing that could name another folder (`/`, `..` at the start), hide in a listing (a leading
/// `.`) or break a line is allowed.
public enum Identifier {
    public static let maximumLength = 64
    /// The grammar in words, for messages and the README.
    public static let grammar = "a letter or digit followed by letters, digits, '.', '_' or '-', at most \(maximumLength) characters"

    public static func problem(with value: String) -> String? {
        let scalars = value.unicodeScalars
        guard let first = scalars.first else { return "is empty" }
        if let bad = scalars.first(where: { !isAllowed($0) }) { return "contains \(CharacterName.of(bad))" }
        guard isLetterOrDigit(first) else { return "must start with a letter or digit, not \(CharacterName.of(first))" }
        guard scalars.count <= maximumLength else { return "is longer than \(maximumLength) characters" }
        return nil
    }

    static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        isLetterOrDigit(scalar) || scalar == "." || scalar == "_" || scalar == "-"
    }
}

/// A GitHub user or team as CODEOWNERS names an owner: `alice`, `@alice`, `@example/security`.
///
/// GitHub's rules: a user or organization name is 1 to 39 ASCII letters, digits and single
/// hyphens, neither starting nor ending with a hyphen; a team is `org/team-slug`, the slug made
/// of letters, digits, `-` and `_`. Anything else could add a second owner, or a whole rule, to
/// the CODEOWNERS line Evident writes.
public enum GitHubHandle {
    public static let maximumNameLength = 39
    public static let maximumTeamLength = 100
    public static let grammar = "a GitHub user (letters, digits and single hyphens, at most \(maximumNameLength) characters) or a team written org/team"

    public static func problem(with value: String) -> String? {
        let handle = value.hasPrefix("@") ? String(value.dropFirst()) : value
        let parts = handle.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return "has more than one '/'" }
        if let problem = nameProblem(parts[0]) { return problem }
        if parts.count == 2, let problem = teamProblem(parts[1]) { return problem }
        return nil
    }

    /// The handle as CODEOWNERS writes an owner (with its `@`), or nil when it is not a handle.
    public static func owner(_ value: String) -> String? {
        guard problem(with: value) == nil else { return nil }
        return value.hasPrefix("@") ? value : "@" + value
    }

    private static func nameProblem(_ name: Substring) -> String? {
        let scalars = name.unicodeScalars
        guard !scalars.isEmpty else { return "has an empty user or organization name" }
        if let bad = scalars.first(where: { !Identifier.isLetterOrDigit($0) && $0 != "-" }) { return "contains \(CharacterName.of(bad))" }
        guard scalars.count <= maximumNameLength else { return "is longer than \(maximumNameLength) characters" }
        guard scalars.first != "-", scalars.last != "-" else { return "starts or ends with a hyphen" }
        guard !name.contains("--") else { return "has two hyphens in a row" }
        return nil
    }

    private static func teamProblem(_ team: Substring) -> String? {
        let scalars = team.unicodeScalars
        guard let first = scalars.first else { return "has an empty team name" }
        if let bad = scalars.first(where: { !Identifier.isLetterOrDigit($0) && $0 != "-" && $0 != "_" }) { return "contains \(CharacterName.of(bad))" }
        guard Identifier.isLetterOrDigit(first) else { return "has a team name that does not start with a letter or digit" }
        guard scalars.count <= maximumTeamLength else { return "has a team name longer than \(maximumTeamLength) characters" }
        return nil
    }
}

/// A folder or file path that evident.yaml or front matter writes, relative to the repository
/// top (or to the program root): `compliance`, `evidence/AC-05`, `.evident/allowed_signers`.
///
/// It stays inside the repository: not absolute, no `..` component, no `.git` component (that
/// folder is git's own), no control character. `.` components, repeated and trailing slashes
/// are allowed and dropped by `normalized(_:)`.
public enum RelativePath {
    public static let grammar = "a path relative to the repository, without '..', '.git', a leading '/' or control characters"

    public static func problem(with value: String) -> String? {
        guard !value.isEmpty else { return "is empty" }
        if let bad = value.unicodeScalars.first(where: CharacterName.isControl) { return "contains \(CharacterName.of(bad))" }
        guard !value.hasPrefix("/") else { return "is an absolute path" }
        for component in value.split(separator: "/") {
            if component == ".." { return "climbs out of its folder with '..'" }
            if component.lowercased() == ".git" { return "names the .git folder, which belongs to git" }
        }
        return nil
    }

    /// The path without `.` components and repeated or trailing slashes; `.` for the top.
    public static func normalized(_ value: String) -> String {
        let components = value.split(separator: "/").filter { $0 != "." }
        return components.isEmpty ? "." : components.joined(separator: "/")
    }
}

/// Names characters in messages without writing them out when they are not printable.
enum CharacterName {
    static func of(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        switch scalar {
        case " ": return "a space"
        case "\n", "\r", "\u{2028}", "\u{2029}", "\u{85}": return "a line break (\(code))"
        case "\t": return "a tab"
        default:
            guard scalar.isASCII, !isControl(scalar) else { return "the character \(code)" }
            return "'\(scalar)'"
        }
    }

    /// C0 and C1 control characters and DEL.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
