import EvidentCore

extension ScaffoldRequest {
    /// The years a first cycle can be in: none before 1970, as no commit can prove anything
    /// earlier, and none after 9998, as the cycle's fieldwork falls in the year after and
    /// front-matter dates have four-digit years.
    public static let years: ClosedRange<Int> = 1970...9998

    /// The longest organization name `init` writes into evident.yaml and its documents.
    public static let organizationLengthLimit = 200

    /// Checks the arguments before anything is written; a usage error says what to change.
    func validate() throws(EngineError) {
        if let year = cycle.year, !Self.years.contains(year) {
            throw EngineError(.usage, "--year \(year) is not a year a first cycle can be in; give a four-digit year from \(Self.years.lowerBound) to \(Self.years.upperBound)")
        }
        guard !organization.allSatisfy(\.isWhitespace) else {
            throw EngineError(.usage, "--organization is empty; give the organization's name, e.g. --organization \"Example Corp\"")
        }
        if let scalar = organization.unicodeScalars.first(where: Self.isDisallowed) {
            throw EngineError(.usage, "--organization holds the control character U+\(String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)); give the name as plain text on one line")
        }
        guard organization.count <= Self.organizationLengthLimit else {
            throw EngineError(.usage, "--organization is \(organization.count) characters long; give a name of at most \(Self.organizationLengthLimit)")
        }
    }

    /// Control characters (C0, DEL, C1), line and paragraph separators, and the bidirectional
    /// controls that make text display in another order than it reads.
    private static func isDisallowed(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || scalar.properties.isBidiControl
            || scalar == "\u{2028}" || scalar == "\u{2029}"
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
