import EvidentCore
import EvidentEngine
import Foundation
import GitFixtures

/// A compliance history to build commit by commit: the example program run well through 2026
/// (and, when asked, the first half of 2027), which a scenario changes by dropping, replacing or
/// adding steps before it commits them. Run well means its audits raise nothing, so whatever a
/// scenario's audit finds, the scenario planted.
///
/// AC-01 (quarterly, 14 grace days, owner alice) gets its review each quarter a day after the
/// date it claims; the policies are approved by dave when the program lands on 2026-01-01 and
/// again on 2027-01-12; the risk assessment and alice's interview notes land in each year.
struct ProgramHistory {
    struct Step {
        var day: String
        var message: String
        var files: [String: String?]
        /// Committed by Dave with his `Approved-by:` trailer, which binds his approval entries.
        var approved = false
    }

    private(set) var steps: [Step]

    static let cycles = """
          - {id: "2026", type: 2, start: 2026-01-01, end: 2026-12-31, fieldwork: 2027-01-25}
          - {id: "2027", type: 2, start: 2027-01-01, end: 2027-12-31, fieldwork: 2028-01-25}

        """

    init(through2027: Bool = false) {
        var program = ExampleProgram.base.mapValues { Optional($0) }
        let configuration = ExampleProgram.base["evident.yaml"]!
        program["evident.yaml"] = String(configuration[..<configuration.range(of: "cycles:\n")!.upperBound]) + Self.cycles
        // The base program's Q1 review lands in its quarter, with the others.
        program["evidence/AC-01/2026-01-15-review.md"] = nil
        program["risk/risk-assessment.md"] = "---\nkind: risk-assessment\n---\nRegister.\n"
        steps = [
            Step(day: "2026-01-01", message: "Program", files: program, approved: true),
            Step(day: "2026-01-16", message: "Q1 review", files: ["evidence/AC-01/2026-01-15-review.md": "Q1 2026\n"]),
            Step(day: "2026-04-11", message: "Q2 review", files: ["evidence/AC-01/2026-04-10-review.md": "Q2 2026\n",
                                                                  "audits/2026/interviews/alice.md": "Interview with Alice, 2026.\n"]),
            Step(day: "2026-07-09", message: "Q3 review", files: ["evidence/AC-01/2026-07-08-review.md": "Q3 2026\n"]),
            Step(day: "2026-10-06", message: "Q4 review", files: ["evidence/AC-01/2026-10-05-review.md": "Q4 2026\n"]),
            Step(day: "2026-12-20", message: "Year end", files: ["README.md": "2026\n"]),
        ]
        guard through2027 else { return }
        var reapproved: [String: String?] = ["risk/risk-assessment.md": "---\nkind: risk-assessment\n---\nRegister, reviewed for 2027.\n"]
        for topic in ExampleProgram.topics {
            reapproved["policies/\(ExampleProgram.policyID(topic)).md"] = ExampleProgram.policy(topic).replacingOccurrences(
                of: "date: 2026-01-10}", with: "date: 2026-01-10}\n  - {by: dave, version: \"1.0\", date: 2027-01-12}")
        }
        steps += [
            Step(day: "2027-01-08", message: "New year", files: ["README.md": "2027\n"]),
            Step(day: "2027-01-12", message: "Annual review of the policies and the risks", files: reapproved, approved: true),
            Step(day: "2027-01-16", message: "Q1 review", files: ["evidence/AC-01/2027-01-15-review.md": "Q1 2027\n"]),
            Step(day: "2027-04-11", message: "Q2 review", files: ["evidence/AC-01/2027-04-10-review.md": "Q2 2027\n",
                                                                  "audits/2027/interviews/alice.md": "Interview with Alice, 2027.\n"]),
            Step(day: "2027-07-20", message: "Mid-year", files: ["README.md": "mid 2027\n"]),
        ]
    }

    /// Leaves `path` out of every step.
    mutating func drop(_ path: String) {
        for index in steps.indices { steps[index].files[path] = nil }
    }

    /// One more commit; on a day that already has commits, it comes after them.
    mutating func add(_ day: String, _ files: [String: String?], message: String = "Change") {
        steps.append(Step(day: day, message: message, files: files))
    }

    /// The steps in the order they land: by day, then in the order they were added.
    var ordered: [Step] {
        steps.enumerated().sorted { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }.map(\.element)
    }
}

/// A repository being built from a `ProgramHistory`, which a scenario can stop at a day to audit
/// it, commit a record or change the working tree with something `FixtureRepository` cannot
/// write (a symbolic link, a name that is not UTF-8).
struct HistoryBuilder {
    var fixture: FixtureRepository
    private var pending: [ProgramHistory.Step]

    init(_ history: ProgramHistory, in folder: TemporaryDirectory) throws {
        fixture = try FixtureRepository(in: folder.url)
        pending = history.ordered
    }

    var url: URL { fixture.url }
    var repository: ComplianceRepository { get throws { try ComplianceRepository(discoveringFrom: fixture.url.path) } }

    /// Commits every step up to and including `day` (all of them when nil).
    mutating func commit(through day: String? = nil) throws {
        while let step = pending.first, day.map({ step.day <= $0 }) ?? true {
            if step.approved {
                try fixture.commitApproved(step.files, on: step.day, message: step.message)
            } else {
                try fixture.commit(step.files, on: step.day, message: step.message)
            }
            pending.removeFirst()
        }
    }

    /// Commits whatever the working tree holds now (with `git add -A`), on `day`.
    mutating func commitWorkingTree(on day: String, message: String = "Change") throws {
        try fixture.commit([:], on: day, message: message)
    }

    /// Audits the cycle at the tip and commits its record on `day`.
    mutating func commitRecord(of cycle: String, on day: String) throws {
        let repository = try repository
        try repository.writeRecord(of: try repository.audit(AuditRequest(cycle: cycle)))
        try commitWorkingTree(on: day, message: "Record of the \(cycle) internal audit")
    }

    /// Runs `python3 -c script` in the working tree: for names `String` cannot hold.
    func python(_ script: String) throws {
        let result = try Process.capture(executable: "/usr/bin/env", arguments: ["python3", "-c", script], in: fixture.url)
        guard result.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(decoding: result.standardError, as: UTF8.self)]) }
    }

    /// Runs git in the working tree.
    func git(_ arguments: [String]) throws {
        try Git.run(arguments, in: fixture.url)
    }
}

extension Finding {
    /// Where a finding is: its code, subject and periods, as a scenario states them.
    var position: String { ([code, subject] + periods.map(\.description)).joined(separator: " ") }
}

/// A run's findings by position, sorted, as a scenario compares them.
func positions(_ findings: [Finding]) -> [String] {
    findings.map(\.position).sorted()
}
