extension DayRange {
    /// A range as records write it: `start…end`, or one day.
    public init?(recorded text: String) {
        let parts = text.components(separatedBy: "…")
        guard parts.count <= 2, let start = parts.first.flatMap({ Day($0) }), let end = parts.last.flatMap({ Day($0) }), start <= end else { return nil }
        self.init(start: start, end: end)
    }

    /// `periods` (sorted, not overlapping) with every run of consecutive ones, each starting the
    /// day after the one before it ends, joined into one range: forty missing days in two runs
    /// are two ranges.
    public static func runs(of periods: [DayRange]) -> [DayRange] {
        var runs: [DayRange] = []
        for period in periods {
            if let last = runs.last, last.end.adding(days: 1) == period.start {
                runs[runs.count - 1].end = period.end
            } else {
                runs.append(period)
            }
        }
        return runs
    }
}

/// The words findings use for what they list, so every check counts and lists alike.
enum FindingText {
    /// "1 period", "6 periods": the count with its noun, plural unless it is one.
    static func count(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
    }

    /// The periods as runs of consecutive periods, with how many periods there are:
    /// "2026-01-05…2026-01-09, 2026-02-01 (6 periods)".
    static func periods(_ periods: [DayRange]) -> String {
        DayRange.runs(of: periods).map(\.description).joined(separator: ", ") + " (\(count(periods.count, "period")))"
    }

    /// The entries one after the other, in the order given.
    static func list(_ entries: [String]) -> String {
        entries.joined(separator: "; ")
    }

    /// The values in first-seen order, each once.
    static func unique<Value: Hashable>(_ values: [Value]) -> [Value] {
        var seen: Set<Value> = []
        return values.filter { seen.insert($0).inserted }
    }
}
