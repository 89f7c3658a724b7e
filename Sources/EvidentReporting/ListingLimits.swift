/// How much of a long list a terminal layout prints: at most `perGroup` entries under any one
/// heading and at most `lines` lines for the whole grouped listing, headings included. What is
/// left out is counted on a line of its own ("… and 12 more — see …"), so nothing is dropped
/// without a trace. `unlimited` (`--all`) prints everything.
public struct ListingLimits: Sendable, Equatable {
    /// The most entries one group lists; nil for no limit.
    public var perGroup: Int?
    /// The most lines the grouped listing takes, its headings and "and more" lines included;
    /// nil for no limit.
    public var lines: Int?

    public init(perGroup: Int?, lines: Int?) {
        self.perGroup = perGroup.map { max(1, $0) }
        self.lines = lines.map { max(3, $0) }
    }

    /// Everything, however long.
    public static let unlimited = ListingLimits(perGroup: nil, lines: nil)

    /// How many entries of each group to list, for groups of `counts` entries listed in order,
    /// each under one heading line. A group cut short takes one line more, to count what it
    /// leaves out. When the groups do not all fit in `lines`, one line is kept for counting the
    /// groups left out at the end, and a group is listed only if its heading and at least one
    /// entry fit: the result is then 0 for it and every group after it.
    public func plan(_ counts: [Int]) -> [Int] {
        let capped = counts.map { min($0, perGroup ?? $0) }
        func taken(_ count: Int, listed: Int) -> Int { 1 + listed + (listed < count ? 1 : 0) }
        guard let budget = lines else { return capped }
        if zip(counts, capped).map(taken).reduce(0, +) <= budget { return capped }
        var plan = Array(repeating: 0, count: counts.count)
        var used = 0
        for index in counts.indices {
            let later = index < counts.count - 1
            // What is left for this group's entries after its heading, and the line that
            // counts the groups after it.
            let room = budget - used - 1 - (later ? 1 : 0)
            var listed = min(capped[index], room)
            if listed < counts[index] && listed == room { listed -= 1 }
            guard listed > 0 else { break }
            plan[index] = listed
            used += taken(counts[index], listed: listed)
        }
        return plan
    }
}

/// The line that counts what a capped listing leaves out: "… and 3 more — see
/// audits/2026/record.md". `elsewhere` is Evident's own words, already encoded.
enum MoreLine {
    static func text(_ count: Int, _ noun: String? = nil, elsewhere: String) -> String {
        "… and \(count) more\(noun.map { " " + $0 } ?? "") — \(elsewhere)"
    }
}
