/// One cycle as the renewal diff sees it: the program at the cycle's audited commit and the
/// cycle's record (the committed one, or a fresh audit of that commit).
public struct CycleSnapshot: Sendable {
    public var program: Program
    public var record: AuditRecord
    /// Whether `record` is the one committed under audits/, rather than a fresh audit.
    public var recorded: Bool

    public init(program: Program, record: AuditRecord, recorded: Bool) {
        self.program = program
        self.record = record
        self.recorded = recorded
    }
}

/// What changed from one cycle to the next (`evident diff A B`): the renewal review.
public struct RenewalDiff: Codable, Equatable, Sendable {
    public struct Side: Codable, Equatable, Sendable {
        public var cycle: String
        public var start: String
        public var end: String
        public var commit: String
        public var recorded: Bool
        /// The audit's clock on this side: what was due by then is judged, the rest pending.
        public var clock: String
    }

    public struct Entry: Codable, Equatable, Sendable {
        public var id: String
        public var title: String?
        public var owner: String?
    }

    /// A control or policy in both cycles whose file differs.
    public struct Change: Codable, Equatable, Sendable {
        public var id: String
        public var title: String?
        public var fields: [FieldChange]
        /// The body's line diff (`+ `, `- `, `  `, `@@`).
        public var text: [String]
        /// For policies: the approvals the history proves for the later version.
        public var approvals: [String]?
        /// For policies whose version changed: whether the later version has a proven approval.
        public var approved: Bool?
    }

    public struct OwnerChange: Codable, Equatable, Sendable {
        /// `control` or `policy`.
        public var kind: String
        public var id: String
        public var before: String?
        public var after: String?
    }

    public struct Population: Codable, Equatable, Sendable {
        public var frequency: Frequency?
        /// Periods whose evidence was due, on time, late and missing; events for event controls.
        public var due: Int
        public var onTime: Int
        public var late: Int
        public var missing: Int
        /// Periods not yet due at this side's clock (their grace days had not passed).
        public var pending: Int
        public var occurrences: Int
        public var result: ControlResult
        /// `3/4 on time`, `5 events`, `test of one`; `, 1 pending` when periods are still pending.
        public var summary: String

        enum CodingKeys: String, CodingKey {
            case frequency, due, late, missing, pending, occurrences, result, summary
            case onTime = "on_time"
        }
    }

    public struct PopulationRow: Codable, Equatable, Sendable {
        public var control: String
        public var before: Population?
        public var after: Population?
        public var changed: Bool
    }

    public struct FindingGroup: Codable, Equatable, Sendable {
        public var code: String
        public var subject: String
        public var owner: String?
        public var severity: FindingSeverity
        /// How many periods or items each cycle's finding of this code and subject lists (1 for
        /// a finding about its subject as a whole, 0 when the cycle has none).
        public var before: Int
        public var after: Int
        public var message: String
        /// For recurring findings: the root-cause note.
        public var note: String?
        /// For a group raised on one side only: the periods it concerns that the other side had
        /// not judged yet at its clock (`2027-07-01…2027-09-30`). Nil when there are none.
        public var pending: [String]?
    }

    /// The periods of one control that one side had not judged yet at its clock.
    public struct PendingPeriods: Codable, Equatable, Sendable {
        public var cycle: String
        public var control: String
        public var periods: [String]

        public init(cycle: String, control: String, periods: [String]) {
            self.cycle = cycle
            self.control = control
            self.periods = periods
        }
    }

    public struct Controls: Codable, Equatable, Sendable {
        public var added: [Entry]
        public var removed: [Entry]
        /// Active in the earlier cycle, retired in the later one.
        public var retired: [Entry]
        public var changed: [Change]
    }

    public struct Policies: Codable, Equatable, Sendable {
        public var added: [Entry]
        public var removed: [Entry]
        public var changed: [Change]
    }

    public struct Criteria: Codable, Equatable, Sendable {
        /// In-scope criteria covered by an active control only in the later cycle.
        public var gained: [String]
        public var lost: [String]
        /// In-scope criteria no active control covers in the later cycle.
        public var uncovered: [String]
    }

    public struct Findings: Codable, Equatable, Sendable {
        public var new: [FindingGroup]
        public var resolved: [FindingGroup]
        /// Raised in both cycles: a process or ownership problem to fix at the root.
        public var recurring: [FindingGroup]
        /// Raised on one side only, about periods the other side had not judged yet: neither new
        /// nor resolved until both clocks have passed them.
        public var pending: [FindingGroup]
    }

    public var from: Side
    public var to: Side
    public var controls: Controls
    public var criteria: Criteria
    public var owners: [OwnerChange]
    public var policies: Policies
    public var populations: [PopulationRow]
    public var findings: Findings
    /// Per side and control, the periods still pending at that side's clock.
    public var pending: [PendingPeriods]

    public static func make(from earlier: CycleSnapshot, to later: CycleSnapshot) -> RenewalDiff {
        let (a, b) = (earlier.program, later.program)
        // Controls and policies are matched by id.
        let controlsA = Dictionary(a.controls.map { ($0.id.value, $0) }) { first, _ in first }
        let controlsB = Dictionary(b.controls.map { ($0.id.value, $0) }) { first, _ in first }
        let entry: (Control) -> Entry = { Entry(id: $0.id.value, title: $0.title, owner: $0.owner?.value) }
        let controls = Controls(
            added: b.controls.filter { controlsA[$0.id.value] == nil }.sorted { $0.id.value < $1.id.value }.map(entry),
            removed: a.controls.filter { controlsB[$0.id.value] == nil }.sorted { $0.id.value < $1.id.value }.map(entry),
            retired: b.controls.filter { !$0.isActive && controlsA[$0.id.value]?.isActive == true }.sorted { $0.id.value < $1.id.value }.map(entry),
            changed: b.controls.sorted { $0.id.value < $1.id.value }.compactMap { new in
                guard let old = controlsA[new.id.value] else { return nil }
                let fields = ComparableFields.changes(old, new)
                let text = LineDiff.lines(from: old.body, to: new.body)
                guard !fields.isEmpty || !text.isEmpty else { return nil }
                return Change(id: new.id.value, title: new.title, fields: fields, text: text, approvals: nil, approved: nil)
            })

        let policiesA = Dictionary(a.policies.map { ($0.id.value, $0) }) { first, _ in first }
        let policiesB = Dictionary(b.policies.map { ($0.id.value, $0) }) { first, _ in first }
        let recordedPolicies = Dictionary(later.record.policies.map { ($0.id, $0) }) { first, _ in first }
        let policyEntry: (Policy) -> Entry = { Entry(id: $0.id.value, title: $0.title, owner: $0.owner?.value) }
        let policies = Policies(
            added: b.policies.filter { policiesA[$0.id.value] == nil }.sorted { $0.id.value < $1.id.value }.map(policyEntry),
            removed: a.policies.filter { policiesB[$0.id.value] == nil }.sorted { $0.id.value < $1.id.value }.map(policyEntry),
            changed: b.policies.sorted { $0.id.value < $1.id.value }.compactMap { new in
                guard let old = policiesA[new.id.value] else { return nil }
                let fields = ComparableFields.changes(old, new)
                let text = LineDiff.lines(from: old.body, to: new.body)
                guard !fields.isEmpty || !text.isEmpty else { return nil }
                let proven = recordedPolicies[new.id.value]?.approvals ?? []
                let versionChanged = old.version?.value != new.version?.value
                return Change(id: new.id.value, title: new.title, fields: fields, text: text,
                              approvals: proven.map { "\($0.by) approved \($0.version.map { "version \($0)" } ?? "it") on \($0.landed) (\($0.commit.prefix(10)))" },
                              approved: versionChanged ? proven.contains { $0.version == new.version?.value } : nil)
            })

        var owners: [OwnerChange] = []
        for new in b.controls.sorted(by: { $0.id.value < $1.id.value }) {
            if let old = controlsA[new.id.value], old.owner?.value != new.owner?.value {
                owners.append(OwnerChange(kind: "control", id: new.id.value, before: old.owner?.value, after: new.owner?.value))
            }
        }
        for new in b.policies.sorted(by: { $0.id.value < $1.id.value }) {
            if let old = policiesA[new.id.value], old.owner?.value != new.owner?.value {
                owners.append(OwnerChange(kind: "policy", id: new.id.value, before: old.owner?.value, after: new.owner?.value))
            }
        }

        let coveredA = a.coveredCriteria
        let coveredB = b.coveredCriteria
        let inScope = TrustServicesCriteria.inScope(b.configuration.categories).map(\.id)
        let criteria = Criteria(gained: inScope.filter { coveredB.contains($0) && !coveredA.contains($0) },
                                lost: inScope.filter { !coveredB.contains($0) && coveredA.contains($0) },
                                uncovered: inScope.filter { !coveredB.contains($0) })

        let populationsA = Dictionary(earlier.record.controls.map { ($0.id, population($0)) }) { first, _ in first }
        let populationsB = Dictionary(later.record.controls.map { ($0.id, population($0)) }) { first, _ in first }
        let populations = Set(populationsA.keys).union(populationsB.keys).sorted().map { id in
            PopulationRow(control: id, before: populationsA[id], after: populationsB[id],
                          changed: populationsA[id]?.summary != populationsB[id]?.summary || populationsA[id]?.result != populationsB[id]?.result)
        }

        var pending: [PendingPeriods] = []
        for record in [earlier.record, later.record] {
            for control in record.controls {
                let periods = control.periods.filter { $0.state == .pending }.map { "\($0.start)…\($0.end)" }
                if !periods.isEmpty { pending.append(PendingPeriods(cycle: record.cycle.id, control: control.id, periods: periods)) }
            }
        }

        return RenewalDiff(
            from: side(earlier), to: side(later), controls: controls, criteria: criteria, owners: owners, policies: policies,
            populations: populations, findings: findings(earlier.record, later.record), pending: pending)
    }

    private static func side(_ snapshot: CycleSnapshot) -> Side {
        Side(cycle: snapshot.record.cycle.id, start: snapshot.record.cycle.start, end: snapshot.record.cycle.end,
             commit: snapshot.record.auditedCommit, recorded: snapshot.recorded, clock: snapshot.record.clock)
    }

    static func population(_ control: AuditRecord.Control) -> Population {
        var (onTime, late, missing, pending) = (0, 0, 0, 0)
        for period in control.periods {
            switch period.state {
            case .onTime: onTime += 1
            case .late: late += 1
            case .missing: missing += 1
            case .pending: pending += 1
            case .notStarted: break
            }
        }
        let due = onTime + late + missing
        let summary: String
        switch control.frequency {
        case .event: summary = "\(control.occurrences.count) \(control.occurrences.count == 1 ? "event" : "events")"
        case .continuous: summary = onTime > 0 ? "test of one: evidence on time" : late > 0 ? "test of one: evidence late" : missing > 0 ? "test of one: no evidence" : "test of one: not yet due"
        case .annual, .semiannual, .quarterly, .monthly, .weekly, .daily, nil:
            summary = due == 0 ? "no period due yet" : "\(onTime)/\(due) on time" + (late > 0 ? ", \(late) late" : "") + (missing > 0 ? ", \(missing) missing" : "")
                + (due > 0 && pending > 0 ? ", \(pending) pending" : "")
        }
        return Population(frequency: control.frequency, due: due, onTime: onTime, late: late, missing: missing, pending: pending,
                          occurrences: control.occurrences.count, result: control.result, summary: summary)
    }

    /// Findings matched by code and subject: new, resolved, and recurring (in both cycles).
    /// The audit's follow-up findings (FIND-RECURRING, FIND-OVERDUE) are about other findings,
    /// which the diff already pairs, so they are left out. A group raised on one side only whose
    /// findings concern a period the other side had not judged yet (pending at its clock) is
    /// pending, not new or resolved: the other side may yet raise it.
    private static func findings(_ earlier: AuditRecord, _ later: AuditRecord) -> Findings {
        // A record of format 3 has one finding per key; an older one may have several (one per
        // period). Either way a group counts the periods or items its findings list.
        func grouped(_ record: AuditRecord) -> [FindingKey: [AuditRecord.Finding]] {
            Dictionary(grouping: record.findings.filter { !$0.code.hasPrefix("FIND-") }) { record.key(of: $0) }
        }
        func count(_ findings: [AuditRecord.Finding]?) -> Int {
            (findings ?? []).reduce(0) { $0 + max($1.listedCount, 1) }
        }
        let groupsA = grouped(earlier)
        let groupsB = grouped(later)
        func group(_ key: FindingKey) -> FindingGroup {
            let latest = (groupsB[key] ?? groupsA[key])!.first!
            return FindingGroup(code: key.code, subject: key.subject, owner: latest.owner, severity: latest.severity,
                                before: count(groupsA[key]), after: count(groupsB[key]), message: latest.message, note: nil)
        }
        let order: (FindingGroup, FindingGroup) -> Bool = {
            ($1.severity, $0.code, $0.subject) < ($0.severity, $1.code, $1.subject)
        }
        /// The periods of `other` still pending that the findings' periods correspond to.
        func pendingCounterparts(_ findings: [AuditRecord.Finding], in record: AuditRecord, other: AuditRecord) -> [String] {
            var periods: [String] = []
            for finding in findings {
                for period in finding.listedPeriods.compactMap({ DayRange(recorded: $0) }) {
                    guard let counterpart = Self.counterpart(of: period, subject: finding.subject, from: record, in: other),
                          counterpart.state == .pending else { continue }
                    let text = "\(counterpart.start)…\(counterpart.end)"
                    if !periods.contains(text) { periods.append(text) }
                }
            }
            return periods
        }
        let recurring = groupsB.keys.filter { groupsA[$0] != nil }.map { key -> FindingGroup in
            var finding = group(key)
            finding.note = "raised again in the next cycle: a process or ownership problem; fix it at the root"
                + (finding.owner.map { " (owner \($0))" } ?? "") + ", not occurrence by occurrence"
            return finding
        }
        var new: [FindingGroup] = []
        var resolved: [FindingGroup] = []
        var pending: [FindingGroup] = []
        for key in groupsB.keys where groupsA[key] == nil {
            var finding = group(key)
            let periods = pendingCounterparts(groupsB[key]!, in: later, other: earlier)
            if periods.isEmpty { new.append(finding) } else { finding.pending = periods; pending.append(finding) }
        }
        for key in groupsA.keys where groupsB[key] == nil {
            var finding = group(key)
            let periods = pendingCounterparts(groupsA[key]!, in: earlier, other: later)
            if periods.isEmpty { resolved.append(finding) } else { finding.pending = periods; pending.append(finding) }
        }
        return Findings(new: new.sorted(by: order), resolved: resolved.sorted(by: order), recurring: recurring.sorted(by: order),
                        pending: pending.sorted(by: order))
    }

    /// The period of `subject` in `other` that corresponds to `period` of `record`: the one that
    /// holds the period's middle day, moved by as many days as the windows' starts are apart.
    /// The middle, so that a leap day between the windows cannot move a period into its neighbour.
    static func counterpart(of period: DayRange, subject: String, from record: AuditRecord, in other: AuditRecord) -> AuditRecord.Period? {
        guard let start = Day(record.cycle.start), let otherStart = Day(other.cycle.start),
              let control = other.controls.first(where: { $0.id == subject }) else { return nil }
        let middle = period.start.adding(days: period.start.days(until: period.end) / 2).adding(days: start.days(until: otherStart))
        return control.periods.first { candidate in
            guard let from = Day(candidate.start), let to = Day(candidate.end) else { return false }
            return DayRange(start: from, end: to).contains(middle)
        }
    }
}
