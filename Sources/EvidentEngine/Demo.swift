import EvidentCore
import EvidentGit
import Foundation

/// A demo program built and audited in a new folder.
public struct DemoOutcome {
    public var repository: ComplianceRepository
    public var run: AuditRun
    /// Where report.html was written.
    public var report: URL
    /// With the planted problems: whether the empty commits landed after the first audit left
    /// every control's sample as it was.
    public var sampleSurvivedSteering: Bool?
}

extension ComplianceRepository {
    /// Builds the demo program with a year of back-dated mainline history in `path` (which must
    /// not exist), with the planted problems unless `clean`, then audits it and writes the record.
    public static func buildDemo(at path: String, clean: Bool) throws(EngineError) -> DemoOutcome {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw EngineError(.usage, "'\(path)' already exists; choose a new folder")
        }
        let repository = try mapped {
            let git = try Repository.create(at: path, branch: "main")
            for commit in DemoProgram.commits(withProblems: !clean) {
                let time = Int64(commit.day.daysSinceEpoch) * 86_400 + 12 * 3600
                try git.commit(commit.files.mapValues { $0.map { Data($0.utf8) } }, message: commit.message,
                               author: (commit.author.name, commit.author.email, time), committer: (commit.author.name, commit.author.email, time))
            }
            try git.checkOutHead()
            return ComplianceRepository(git)
        }
        var run = try repository.audit(AuditRequest(cycle: DemoProgram.cycle))
        var survived: Bool?
        if !clean {
            // Someone who dislikes the sample lands empty commits to re-roll it.
            let before = run.record.controls.map(\.sample)
            try mapped {
                let tip = try repository.git.commitInfo(try repository.git.resolveCommit("HEAD").commit)
                for offset in 1...DemoProgram.steeringCommits {
                    let time = tip.committer.time + Int64(offset) * 600
                    try repository.git.commit([:], message: "Re-run CI", author: (tip.author.name, tip.author.email, time),
                                              committer: (tip.author.name, tip.author.email, time))
                }
                try repository.git.checkOutHead()
            }
            run = try repository.audit(AuditRequest(cycle: DemoProgram.cycle))
            survived = run.record.controls.map(\.sample) == before
        }
        let folder = try repository.writeRecord(of: run)
        let report = URL(fileURLWithPath: path).appendingPathComponent(folder, isDirectory: true).appendingPathComponent("report.html")
        return DemoOutcome(repository: repository, run: run, report: report, sampleSurvivedSteering: survived)
    }
}
