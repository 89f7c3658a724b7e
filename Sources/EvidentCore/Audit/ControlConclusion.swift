/// How the audit concludes on a control, by written rules, and which rule decided it:
///
/// - `not-tested`: no period has closed yet, an event control has had no event yet and its
///   window is still open, or the control had no population in the window;
/// - `not-occurring`: an event control whose population over its whole window is zero (the
///   window has ended by the clock);
/// - `ineffective`: a periodic control with a period missing (a backfilled period counts as
///   missing); evidence deleted or modified after it landed; the same deviation recurring from
///   the previous cycle; or deviations in more than 5 % of a population of 10 or more;
/// - `exceptions`: isolated deviations — late occurrences, claim mismatches, tester exceptions,
///   or another finding of medium severity or above — with none of the markers above;
/// - `effective`: no deviation.
///
/// The rules are applied in that order; the first that applies decides, and the record cites it.
public enum ControlConclusion {
    /// Findings that are deviations of single items of the population.
    static let itemDeviations: Set<String> = ["EVID-LATE", "EVID-CLAIM-MISMATCH", "TEST-EXCEPTION"]
    /// Findings that alone make a control ineffective.
    static let integrity: Set<String> = ["EVID-DELETED", "EVID-MODIFIED-AFTER-LANDING"]

    /// - Parameter clock: the audit's clock. An event control without events is concluded
    ///   `not-occurring` only once its window has ended by then; nil treats the window as ended.
    public static func conclude(frequency: Frequency?, population: Population?, populationSize: Int,
                                findings: [Finding], clock: Day? = nil) -> (result: ControlResult, rule: String) {
        guard let population else { return (.notTested, "the control had no population in the window: nothing was tested") }
        if population.frequency == .event {
            if population.occurrences.isEmpty, let clock, clock <= population.window.end {
                return (.notTested, "no event has occurred yet and the window runs to \(population.window.end): an empty population is concluded on once the window has ended")
            }
            if population.occurrences.isEmpty {
                return (.notOccurring, "no event occurred in the window: an event control with an empty population is not occurring")
            }
        } else if population.tested.isEmpty {
            return (.notTested, "no period has closed yet: nothing can be tested")
        }
        if let missing = population.periods.first(where: { $0.state == .missing }) {
            let count = population.periods.filter { $0.state == .missing }.count
            let which = count == 1 ? "\(missing.period) has" : "\(count) periods (the first \(missing.period)) have"
            return (.ineffective, "\(which) no occurrence on time: a missing period makes a periodic control ineffective")
        }
        if let broken = findings.first(where: { integrity.contains($0.code) }) {
            let what = broken.code == "EVID-DELETED" ? "was deleted" : "was modified after it landed"
            let which = broken.items.first.map { broken.items.count == 1 ? $0 : "\($0) and \(broken.items.count - 1) more" } ?? broken.evidence.first ?? "evidence"
            return (.ineffective, "\(which) \(what): evidence that changed after landing proves nothing")
        }
        if let recurring = findings.first(where: { $0.code == "FIND-RECURRING" }) {
            let codes = recurring.items.isEmpty ? String(recurring.message.prefix { $0 != " " }) : recurring.items.joined(separator: ", ")
            return (.ineffective, "a deviation recurred from the previous cycle (\(codes)): a recurring deviation makes a control ineffective")
        }
        // Each deviating item once, however many findings list it.
        let deviating = Set(findings.filter { itemDeviations.contains($0.code) }.flatMap { $0.items.isEmpty ? [$0.evidence.first ?? $0.message] : $0.items })
        if populationSize >= 10 && deviating.count * 100 > populationSize * 5 {
            return (.ineffective, "\(deviating.count) of \(populationSize) items deviate, more than 5 % of a population of 10 or more")
        }
        if !deviating.isEmpty {
            return (.exceptions, "\(deviating.count) isolated \(deviating.count == 1 ? "deviation" : "deviations") (late, claim mismatch or tester exception), none systematic")
        }
        if let other = findings.first(where: \.severity.isException) {
            return (.exceptions, "an exception was found (\(other.code)), none systematic")
        }
        return (.effective, "no deviation")
    }
}
