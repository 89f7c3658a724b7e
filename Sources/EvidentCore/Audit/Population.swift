/// An evidence occurrence as the audit sees it: what it claims, and when history proves it landed.
public struct ProvenOccurrence: Hashable, Sendable {
    /// The path as text, to show.
    public var path: String
    /// The path byte for byte: what tells two occurrences apart.
    public var exactPath: ExactPath
    public var claimed: Day
    /// The periods an export covers, from its sidecar; nil means just the claimed day.
    public var covers: DayRange?
    /// When the sidecar that says `covers` landed as it reads now (its last change).
    public var coversLanded: Day?
    /// The first mainline commit containing it, and the day (UTC) that commit landed; nil when
    /// it has not landed on the mainline yet.
    public var landingCommit: String?
    public var landed: Day?

    public init(path: String, exactPath: ExactPath? = nil, claimed: Day, covers: DayRange? = nil, coversLanded: Day? = nil,
                landingCommit: String?, landed: Day?) {
        self.path = path
        self.exactPath = exactPath ?? ExactPath(path)
        self.claimed = claimed
        self.covers = covers
        self.coversLanded = coversLanded
        self.landingCommit = landingCommit
        self.landed = landed
    }

    /// The days whose periods this occurrence fills.
    var span: DayRange { covers ?? DayRange(start: claimed, end: claimed) }

    /// The day this occurrence proves `period`, or nil when it proves nothing for it.
    ///
    /// It proves nothing when it does not reach the period, has not landed, or landed before the
    /// period began: `covers` never proves the future, so an export for the whole year landed in
    /// January fills January only. For a period only its covers reach (not the one of its claimed
    /// date), it counts from when those covers landed: a sidecar added or widened later cannot
    /// turn a period that failed into one on time.
    public func proves(_ period: DayRange) -> Day? {
        guard let landed, span.overlaps(period), landed >= period.start else { return nil }
        return period.contains(claimed) ? landed : max(landed, coversLanded ?? landed)
    }
}

/// One period of a control's population and how it was filled.
public struct PeriodResult: Hashable, Sendable {
    public enum State: String, CaseIterable, Sendable, Codable {
        /// An occurrence landed by the period's end plus grace days.
        case onTime = "on-time"
        /// Occurrences exist, but every one landed after the grace days.
        case late
        /// No occurrence, and the grace days have passed.
        case missing
        /// The period's grace days have not passed at the audit's clock: shown, never counted.
        case pending
        /// Before the control started operating (a partial population): not tested.
        case notStarted = "not-started"
    }

    public var period: DayRange
    public var state: State
    /// The occurrences that prove the period (on time, late, or backfilled).
    public var occurrences: [ProvenOccurrence]
    /// For a missing period: the day the first occurrence for it landed, after the end of the
    /// following period plus grace days. A backfill proves the control was documented, not that it
    /// operated in the period, so the period stays missing.
    public var backfilled: Day? = nil
}

/// A control's population over a cycle's window.
public struct Population: Hashable, Sendable {
    public var frequency: Frequency
    /// The window actually tested: ends at retirement for a retired control.
    public var window: DayRange
    public var periods: [PeriodResult]
    /// Occurrences of an event or continuous control in the window.
    public var occurrences: [ProvenOccurrence]
    /// When the control started operating inside the window, for a partial population.
    public var startedOn: Day?

    public var isPartial: Bool { startedOn != nil }
    public var tested: [PeriodResult] { periods.filter { $0.state != .pending && $0.state != .notStarted } }

    /// Places `occurrences` into the periods of `frequency` in `window`.
    /// - Parameters:
    ///   - clock: the audit's clock; periods whose end plus `graceDays` is later are pending.
    ///   - controlAdded: when the control's file landed, if inside the window.
    ///   - retiredOn: a retired control is tested up to its retirement.
    public static func build(
        frequency: Frequency, graceDays: Int, window cycleWindow: DayRange, clock: Day,
        occurrences all: [ProvenOccurrence], controlAdded: Day? = nil, retiredOn: Day? = nil
    ) -> Population {
        var window = cycleWindow
        if let retiredOn, let clipped = DayRange(start: window.start, end: min(window.end, retiredOn)).clipped(to: cycleWindow) {
            window = clipped
        }
        let inWindow = all.filter { $0.span.overlaps(window) }
            .sorted { $0.claimed != $1.claimed ? $0.claimed < $1.claimed : $0.exactPath < $1.exactPath }
        let periods = frequency.periods(in: window)

        // A control started late when it was added more than one period after the window
        // started, or its first occurrence came after the second period: only the periods after
        // it are tested. One added during the first period can still be performed for it (a
        // program committed on 5 January operates its January review), so it is tested whole.
        var startedOn: Day?
        if let controlAdded, let first = periods.first, controlAdded > first.end { startedOn = controlAdded }
        if let first = inWindow.first?.span.start, periods.count > 1, first > periods[1].end {
            startedOn = max(startedOn ?? first, first)
        }

        let results = periods.map { period -> PeriodResult in
            // Only what landed on the mainline is proven, and only from the day it proves the period.
            let proving = inWindow.compactMap { occurrence in occurrence.proves(period).map { (occurrence, $0) } }
            let filling = proving.map(\.0)
            let deadline = period.end.adding(days: graceDays)
            if let startedOn, period.end < startedOn, filling.isEmpty {
                return PeriodResult(period: period, state: .notStarted, occurrences: [])
            }
            if proving.contains(where: { $0.1 <= deadline }) {
                return PeriodResult(period: period, state: .onTime, occurrences: filling)
            }
            if deadline >= clock {
                return PeriodResult(period: period, state: .pending, occurrences: filling)
            }
            let backfillAfter = frequency.backfillDeadline(for: period, graceDays: graceDays)
            if filling.isEmpty || proving.contains(where: { $0.1 <= backfillAfter }) {
                return PeriodResult(period: period, state: filling.isEmpty ? .missing : .late, occurrences: filling)
            }
            return PeriodResult(period: period, state: .missing, occurrences: filling, backfilled: proving.map(\.1).min())
        }
        return Population(frequency: frequency, window: window, periods: results, occurrences: inWindow, startedOn: startedOn)
    }
}

extension PeriodResult.State {
    /// Whether evidence for a period in this state was due by the audit's clock: on time, late
    /// and missing periods count; pending and not-started ones do not.
    public var isDue: Bool {
        switch self {
        case .onTime, .late, .missing: true
        case .pending, .notStarted: false
        }
    }
}
