import EvidentCore

/// `evident due` for the terminal: per owner, what is overdue but still counts, then what is
/// upcoming, each by deadline, a daily control's run of periods on one line.
public struct DueTextRenderer: TextDocumentRenderer {
    public typealias Document = DueSchedule

    public init() {}

    public func text(_ schedule: DueSchedule) -> String {
        var out = DueLines.summary(schedule) + "\n"
        if let commit = schedule.commit { out += "Read from commit \(commit.prefix(10)).\n" }
        for group in schedule.byOwner {
            out += "\n\(DueLines.owner(group.owner, schedule, as: TerminalText.line)): \(DueLines.counts(group.items))\n"
            for (status, lines) in DueLines.blocks(group.items, values: TerminalText.line, paths: TerminalText.path) {
                out += "  \(DueLines.heading(status)):\n"
                let width = lines.map(\.deadline.count).max() ?? 0
                for line in lines {
                    let note = line.note.map { " (\($0))" } ?? ""
                    out += "    \(line.deadline.padding(toLength: width))  \(line.what) in \(line.path)\(note)\n"
                }
            }
        }
        return out
    }
}

/// `evident due --format markdown`, for a job summary or an issue comment: per owner, a table
/// of what is overdue and one of what is upcoming.
public struct DueMarkdownRenderer: TextDocumentRenderer {
    public typealias Document = DueSchedule

    public init() {}

    public func text(_ schedule: DueSchedule) -> String {
        var out = "## What is due\n\n" + DueLines.summary(schedule, emphasis: true) + "\n"
        if let commit = schedule.commit { out += "Read from commit `\(commit.prefix(10))`.\n" }
        for group in schedule.byOwner {
            out += "\n### \(DueLines.owner(group.owner, schedule, as: MarkdownText.inline))\n"
            for (status, lines) in DueLines.blocks(group.items, values: MarkdownText.inline, paths: { MarkdownText.code($0, in: .tableCell) }) {
                out += "\n**\(DueLines.heading(status))**\n\n"
                out += status == .overdue ? "| due | what | land in | note |\n|---|---|---|---|\n" : "| due | what | land in |\n|---|---|---|\n"
                for line in lines {
                    var cells = [line.deadline, line.what, line.path]
                    if status == .overdue { cells.append(line.note ?? "") }
                    out += "| " + cells.joined(separator: " | ") + " |\n"
                }
            }
        }
        return out
    }

}

/// What the text and Markdown layouts of `evident due` both say, in words. The program's values
/// (ids, titles, names, paths) go through the layout's encoders, `values` and `paths`, so they
/// read as text and never as markup or terminal control; Evident's own words need none.
enum DueLines {
    /// One listed line, encoded: an item, or a run of a control's consecutive periods.
    struct Line {
        var deadline: String
        var what: String
        var path: String
        var note: String?
    }

    static func summary(_ schedule: DueSchedule, emphasis: Bool = false) -> String {
        let span = "\(schedule.clock) through \(schedule.horizon) (\(schedule.within) \(schedule.within == 1 ? "day" : "days"))"
        guard !schedule.items.isEmpty else { return "Nothing is due from \(span)." }
        let owners = Set(schedule.items.map(\.owner)).count
        let overdue = "\(schedule.overdue.count) overdue"
        return "Due from \(span): \(emphasis && !schedule.overdue.isEmpty ? "**\(overdue)**" : overdue), \(schedule.upcoming.count) upcoming, for \(owners) \(owners == 1 ? "owner" : "owners")."
    }

    /// "alice (Alice Smith)", or "No owner" for what no one owns.
    static func owner(_ key: String?, _ schedule: DueSchedule, as encode: (String) -> String) -> String {
        guard let key else { return "No owner" }
        return encode(key) + (schedule.names[key].map { " (\(encode($0)))" } ?? "")
    }

    static func counts(_ items: [DueItem]) -> String {
        let overdue = items.filter { $0.status == .overdue }.count
        return "\(overdue) overdue, \(items.count - overdue) upcoming"
    }

    static func heading(_ status: DueItem.Status) -> String {
        switch status {
        case .overdue: "Overdue, still counted if it lands now"
        case .upcoming: "Upcoming"
        }
    }

    /// The lines of each status that has any, overdue first.
    static func blocks(_ items: [DueItem], values: (String) -> String, paths: (String) -> String) -> [(DueItem.Status, [Line])] {
        DueItem.Status.allCases.compactMap { status in
            let runs = DueRun.runs(of: items.filter { $0.status == status })
            return runs.isEmpty ? nil : (status, runs.map { line($0, values: values, paths: paths) })
        }
    }

    static func line(_ run: DueRun, values encode: (String) -> String, paths: (String) -> String) -> Line {
        let item = run.first
        let deadline = run.items.count == 1 ? "\(item.deadline)" : "\(run.deadlines)"
        let subject = encode(item.subject) + (item.title.map { " " + encode($0) } ?? "")
        let what: String
        switch item.kind {
        case .evidence:
            let frequency = item.frequency.map { "\($0.rawValue) " } ?? ""
            if run.items.count == 1 {
                what = "\(subject): evidence for \(item.period.map(\.description) ?? "its period")"
            } else {
                what = "\(subject): evidence for each of \(run.items.count) \(frequency)periods, \(run.periods.map(\.description) ?? "")"
            }
        case .policyReview:
            what = "\(subject): a proven approval (its review falls due)"
        case .interview:
            what = "interview note of \(encode(item.subject)) for cycle \(encode(item.cycle ?? ""))"
        }
        var note: String?
        if item.status == .overdue {
            switch item.kind {
            case .evidence: note = item.countsUntil.map { "late; counts until \($0)\(run.items.count > 1 ? " for the first" : "")" }
            case .policyReview: note = "the policy is out of review until an approval lands"
            case .interview: note = item.countsUntil.map { "before fieldwork on \($0)" }
            }
        }
        return Line(deadline: deadline, what: what, path: paths(item.path), note: note)
    }
}
