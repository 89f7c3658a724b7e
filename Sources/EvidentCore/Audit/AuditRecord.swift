import EvidentBasics
import Foundation

/// The internal-audit record of one cycle: deterministic, so the same repository
/// state gives the same bytes. It is management's self-assessment, not a SOC 2 report.
public struct AuditRecord: Codable, Sendable, Equatable {
    /// The version of the record's format: raised whenever what the record says, or how, changes.
    /// Records without the member are format 1. Format 3 raises one finding per code and
    /// subject, listing its `periods` and `items` with their `count`, where formats 1 and 2
    /// raised one per period (`period`) and one per commit for the trust findings. Format 4
    /// adds what falls due next (`due`, `dueWithin`) and the interviews.
    public static let currentFormat = 4

    public static let statement = "Internal audit (management self-assessment, mock audit) prepared with Evident. It is not a SOC 2 report, an attestation or a certification."

    public struct Cycle: Codable, Sendable, Equatable {
        public var id: String
        public var type: Int
        public var start: String
        public var end: String
        public var fieldwork: String?
    }

    public struct Criterion: Codable, Sendable, Equatable {
        public var id: String
        public var title: String
        public var controls: [String]
    }

    public struct Occurrence: Codable, Sendable, Equatable {
        public var path: String
        public var claimed: String
        public var landed: String?
        public var commit: String?
    }

    public struct Period: Codable, Sendable, Equatable {
        public var start: String
        public var end: String
        public var state: PeriodResult.State
        public var occurrences: [Occurrence]
        /// For a `missing` period whose only occurrences came too late to count (after the end of
        /// the following period plus grace days): the day the first of them landed. They are
        /// listed in `occurrences`; the period stays missing. Absent otherwise.
        public var backfilled: String?
    }

    /// A control's sample. The members a record of format 1 lacks (the population hash, seed and
    /// size rule) are optional so that such a record still reads.
    public struct Sample: Codable, Sendable, Equatable {
        public var population: Int
        /// The SHA-256 of the population's `<path>\t<landing commit>\n` lines, sorted by path.
        public var populationSHA256: String?
        /// The SHA-256 of `<cycle>|<control>|<population_sha256>`, from which the items are drawn.
        public var seed: String?
        public var size: Int
        /// How the size was chosen (frequency and risk, a larger size after a deviation).
        public var sizeRule: String?
        /// What the tester inspects, in population order (by claimed date, then path).
        public var items: [String]
        /// The tester's conclusion per sampled item, from audits/<cycle>/testing.yaml (`pass`,
        /// `exception` or `exception: <note>`); conclusions on other items are in `unsampledConclusions`.
        public var conclusions: [String: String]

        enum CodingKeys: String, CodingKey {
            case population, seed, size, items, conclusions
            case populationSHA256 = "population_sha256"
            case sizeRule = "size_rule"
        }
    }

    /// A tester's conclusion on an item outside its control's sample: the sample moved since the
    /// tester concluded (the population grew), or the record does not list the control.
    public struct UnsampledConclusion: Codable, Sendable, Equatable {
        public var control: String
        public var item: String
        /// Written as in `Sample.conclusions`.
        public var conclusion: String

        public init(control: String, item: String, conclusion: String) {
            self.control = control
            self.item = item
            self.conclusion = conclusion
        }
    }

    public struct Control: Codable, Sendable, Equatable {
        public var id: String
        public var title: String?
        public var owner: String?
        public var frequency: Frequency?
        public var risk: RiskLevel?
        public var status: ControlStatus
        public var result: ControlResult
        /// The written rule that decided `result` (absent in records of format 1).
        public var conclusion: String?
        public var window: String?
        public var startedOn: String?
        public var periods: [Period]
        public var occurrences: [Occurrence]
        public var sample: Sample
    }

    /// An approval the history binds to its approver.
    public struct Approval: Codable, Sendable, Equatable {
        public var by: String
        public var version: String?
        /// The mainline commit that landed it, and the day it landed.
        public var commit: String
        public var landed: String
        /// Whether the approver authored the binding commit or committed it with a trailer.
        public var binding: ProvenApproval.Binding?
        /// The commit the approver made: the mainline commit, or a side-branch commit it merged.
        public var bindingCommit: String?

        enum CodingKeys: String, CodingKey {
            case by, version, commit, landed, binding
            case bindingCommit = "binding_commit"
        }
    }

    public struct Policy: Codable, Sendable, Equatable {
        public var id: String
        public var version: String?
        public var owner: String?
        public var approvals: [Approval]
    }

    public struct Finding: Codable, Sendable, Equatable {
        public var id: String
        public var code: String
        public var severity: FindingSeverity
        public var subject: String
        public var owner: String?
        public var due: String
        public var status: FindingStatus
        public var message: String
        public var evidence: [String]
        /// The periods it concerns, oldest first, each `start…end` (or one day). Format 3 and
        /// later, where it is empty for a finding about no period.
        public var periods: [String]?
        /// What else it lists: evidence paths, sampled items, versions, commits or codes (see
        /// `EvidentCore.Finding.items`). Format 3 and later.
        public var items: [String]?
        /// How many periods or items it lists. Format 3 and later.
        public var count: Int?
        /// Formats 1 and 2, which raised one finding per period: that period.
        public var period: String?

        public init(id: String, code: String, severity: FindingSeverity, subject: String, owner: String?, due: String, status: FindingStatus,
                    message: String, evidence: [String], periods: [String]? = nil, items: [String]? = nil, count: Int? = nil, period: String? = nil) {
            self.id = id
            self.code = code
            self.severity = severity
            self.subject = subject
            self.owner = owner
            self.due = due
            self.status = status
            self.message = message
            self.evidence = evidence
            self.periods = periods
            self.items = items
            self.count = count
            self.period = period
        }

        /// The periods it lists, in whichever format it was written.
        public var listedPeriods: [String] {
            periods ?? period.map { [$0] } ?? []
        }

        /// The periods it lists with runs of consecutive ones joined (see `DayRange.runs`).
        public var periodRuns: [String] {
            DayRange.runs(of: listedPeriods.compactMap { DayRange(recorded: $0) }).map(\.description)
        }

        /// How many periods or items it lists; a finding of format 1 or 2 lists its one period, if any.
        public var listedCount: Int {
            count ?? (period == nil ? 0 : 1)
        }
    }

    /// What became of the findings of the last committed run of this cycle.
    public struct FollowUp: Codable, Sendable, Equatable {
        public var id: String
        public var code: String
        public var subject: String
        /// `remediated` when the history no longer raises it, else `open` or `overdue`.
        public var status: FindingStatus
    }

    /// The sha-256 of each file rendered from the record, as written beside it: `evident verify`
    /// checks them even when it cannot re-derive the record (one written by another version).
    public struct Renderings: Codable, Sendable, Equatable {
        public var markdown: String
        public var html: String

        public init(markdown: String, html: String) {
            self.markdown = markdown
            self.html = html
        }

        enum CodingKeys: String, CodingKey {
            case markdown = "record.md"
            case html = "report.html"
        }
    }

    public var formatVersion: Int? = AuditRecord.currentFormat
    public var statement = AuditRecord.statement
    public var tool: String
    public var organization: String?
    public var system: String?
    public var cycle: Cycle
    public var auditedCommit: String
    public var clock: String
    public var categories: [String]
    public var criteria: [Criterion]
    public var controls: [Control]
    public var policies: [Policy]
    public var findings: [Finding]
    public var followUp: [FollowUp] = []
    /// Who tested the samples (from audits/<cycle>/testing.yaml).
    public var tester: String?
    /// The sha-256 of the previous cycle's record.json, chaining the records.
    public var previous: String?
    /// The tester's conclusions on items outside the samples, by control then item; nil (and
    /// absent from the JSON) when there are none, so records without them keep their bytes.
    public var unsampledConclusions: [UnsampledConclusion]? = nil
    /// How many days past the clock `due` looks (format 4 and later).
    public var dueWithin: Int? = nil
    /// What falls due within `dueWithin` days of the clock, and what is overdue but still
    /// counts, in `DueItem.ordered` order (format 4 and later; empty when nothing is).
    public var due: [Due]? = nil
    /// Every control owner's interview for the cycle (format 4 and later).
    public var interviews: [Interview]? = nil
    /// Set when the record is written with its Markdown and HTML renderings.
    public var renderings: Renderings?

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version"
        case renderings
        case statement, tool, organization, system, cycle, criteria, controls, policies, findings, previous, clock, categories
        case auditedCommit = "audited_commit"
        case followUp = "follow_up"
        case tester
        case unsampledConclusions = "unsampled_conclusions"
        case dueWithin = "due_within"
        case due, interviews
    }

    /// Builds the record from an audit's context and findings.
    public static func make(context: AuditContext, findings: [EvidentCore.Finding], auditedCommit: String, tool: String, previous: String?) -> AuditRecord {
        let program = context.program
        let configuration = program.configuration
        let criteria = TrustServicesCriteria.inScope(configuration.categories).map { criterion in
            Criterion(id: criterion.id, title: criterion.title, controls: program.activeControlIDs(covering: criterion.id))
        }
        let findingsBySubject = Dictionary(grouping: findings, by: \.subject)
        let conclusions = context.testing?.conclusions ?? [:]
        var unsampled: [UnsampledConclusion] = []
        let controls = context.recordedControls.map { control -> Control in
            let population = context.populations[control.id.value]
            // The context draws a sample for every control it records, before the checks run.
            let sample = context.samples[control.id.value]!
            let (result, conclusion) = ControlConclusion.conclude(frequency: control.frequency?.value, population: population,
                                                                  populationSize: sample.population, findings: findingsBySubject[control.id.value] ?? [],
                                                                  clock: context.clock)
            let sampled = Set(sample.items)
            var recorded: [String: String] = [:]
            for (item, conclusion) in conclusions[control.id.value] ?? [:] {
                if sampled.contains(item) {
                    recorded[item] = conclusion.recorded
                } else {
                    unsampled.append(UnsampledConclusion(control: control.id.value, item: item, conclusion: conclusion.recorded))
                }
            }
            return Control(
                id: control.id.value, title: control.title, owner: control.owner?.value, frequency: control.frequency?.value,
                risk: control.risk?.value, status: control.status, result: result, conclusion: conclusion,
                window: population.map { "\($0.window.start)/\($0.window.end)" }, startedOn: population?.startedOn?.description,
                periods: (population?.periods ?? []).map { period in
                    Period(start: period.period.start.description, end: period.period.end.description, state: period.state,
                           occurrences: period.occurrences.map(Self.occurrence), backfilled: period.backfilled?.description)
                },
                occurrences: population.map { $0.frequency == .event ? $0.occurrences.map(Self.occurrence) : [] } ?? [],
                sample: Sample(population: sample.population, populationSHA256: sample.populationSHA256, seed: sample.seed, size: sample.size,
                               sizeRule: sample.sizeRule, items: sample.items, conclusions: recorded))
        }
        // Conclusions on controls the record does not list (unknown, or retired before the
        // window) are kept too: a conclusion is never dropped without a trace.
        let listed = Set(controls.map(\.id))
        for (control, items) in conclusions where !listed.contains(control) {
            unsampled += items.map { UnsampledConclusion(control: control, item: $0.key, conclusion: $0.value.recorded) }
        }
        // By control, then item, in UTF-8 order: the same on every platform.
        unsampled.sort { $0.control != $1.control ? $0.control.utf8.lexicographicallyPrecedes($1.control.utf8)
                                                  : $0.item.utf8.lexicographicallyPrecedes($1.item.utf8) }
        let policies = program.policies.sorted { $0.id.value < $1.id.value }.map { policy in
            let proof = context.policyStandings[policy.file]?.proof ?? PolicyProof(firstLanded: nil, approvals: [])
            return Policy(id: policy.id.value, version: policy.version?.value, owner: policy.owner?.value,
                          approvals: proof.approvals.map {
                              Approval(by: $0.by, version: $0.version, commit: $0.commit, landed: $0.day.description, binding: $0.binding, bindingCommit: $0.bindingCommit)
                          })
        }
        var record = AuditRecord(
            tool: tool, organization: configuration.organization, system: configuration.system,
            cycle: Cycle(id: context.cycle.id, type: context.cycle.kind.rawValue, start: context.cycle.start.description,
                         end: context.cycle.end.description, fieldwork: context.cycle.fieldwork?.description),
            auditedCommit: auditedCommit, clock: context.clock.description,
            categories: TrustCategory.allCases.filter { configuration.categories.contains($0) }.map(\.rawValue),
            criteria: criteria, controls: controls, policies: policies,
            // One finding per key (`Auditor.run`), so the key alone makes an id that is unique
            // in the record and stays the same from run to run.
            findings: findings.map { finding in
                Finding(id: finding.key.id, code: finding.code, severity: finding.severity, subject: finding.subject, owner: finding.owner,
                        due: finding.due.description, status: finding.status, message: finding.message, evidence: finding.evidence,
                        periods: finding.periods.map(\.description), items: finding.items, count: finding.count)
            },
            followUp: [], tester: context.testing?.tester?.value, previous: previous,
            unsampledConclusions: unsampled.isEmpty ? nil : unsampled)
        record.followUp = followUp(of: context.earlierRecords.filter { $0.record.cycle.id == context.cycle.id }, current: record)
        record.dueWithin = dueWithinDays
        record.due = due(in: context)
        record.interviews = interviews(in: context)
        return record
    }

    /// What became of each problem an earlier run of the cycle found, once per key: a record of
    /// an older format lists a problem once per period, under as many ids, and is followed up
    /// under the first of them.
    static func followUp(of earlier: [EarlierRecord], current: AuditRecord) -> [FollowUp] {
        let status = Dictionary(current.findings.map { (current.key(of: $0), $0.status) }) { first, _ in first }
        var seen: Set<FindingKey> = []
        return earlier.flatMap { earlier in
            earlier.record.findings.compactMap { finding in
                let key = earlier.record.key(of: finding)
                guard seen.insert(key).inserted else { return nil }
                return FollowUp(id: finding.id, code: key.code, subject: key.subject, status: status[key] ?? .remediated)
            }
        }
    }

    private static func occurrence(_ occurrence: ProvenOccurrence) -> Occurrence {
        Occurrence(path: occurrence.path, claimed: occurrence.claimed.description, landed: occurrence.landed?.description, commit: occurrence.landingCommit)
    }
}

extension AuditRecord {
    /// Reads a `record.json`; a problem names the file and, where it can, the line and column
    /// or the member that is wrong.
    public static func read(_ data: Data, file: String) throws(InputError) -> AuditRecord {
        let record: AuditRecord
        do {
            record = try JSONDecoder().decode(AuditRecord.self, from: data)
        } catch let error as DecodingError {
            throw problem(error, data: data, file: file)
        } catch {
            throw InputError("not an Evident record: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
        guard record.auditedCommit.count == 40, record.auditedCommit.allSatisfy(\.isHexDigit) else {
            throw InputError("not an Evident record: audited_commit '\(record.auditedCommit)' is not a commit id", at: SourceLocation(file: file, line: 1, column: 1))
        }
        // Days are added to the clock with it: a horizon past a year is no record Evident wrote.
        if let within = record.dueWithin, !(0...366).contains(within) {
            throw InputError("not an Evident record: due_within is \(within), not 0 to 366 days", at: SourceLocation(file: file, line: 1, column: 1))
        }
        return record
    }

    private static func problem(_ error: DecodingError, data: Data, file: String) -> InputError {
        func member(_ path: [any CodingKey]) -> String {
            path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop { $0 == "." }.description
        }
        let start = SourceLocation(file: file, line: 1, column: 1)
        switch error {
        case .keyNotFound(let key, let context):
            let inside = member(context.codingPath)
            return InputError("not an Evident record: '\(key.stringValue)' is missing" + (inside.isEmpty ? "" : " in \(inside)"), at: start)
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return InputError("not an Evident record: \(member(context.codingPath)) has the wrong type (\(context.debugDescription))", at: start)
        case .dataCorrupted:
            // Foundation's JSON parser says where ("around character N"); turn that into a line and column.
            var location = start
            do {
                _ = try JSONSerialization.jsonObject(with: data)
            } catch {
                let text = "\((error as NSError).userInfo[NSDebugDescriptionErrorKey] ?? "")"
                let offset = text.contains("end of file") ? data.count
                    : text.range(of: #"character \d+"#, options: .regularExpression).flatMap { Int(text[$0].dropFirst("character ".count)) }
                if let offset, offset <= data.count {
                    let before = data.prefix(offset)
                    location.line = before.filter { $0 == 0x0A }.count + 1
                    location.column = offset - (before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
                }
            }
            return InputError("not an Evident record: the file is not valid JSON", at: location)
        @unknown default:
            return InputError("not an Evident record: \(error)", at: start)
        }
    }
}
