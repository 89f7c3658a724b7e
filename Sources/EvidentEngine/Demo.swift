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
    ///
    /// It is built in a hidden staging folder beside `path` and renamed to `path` once complete,
    /// so a failure leaves no half-built demo; a kill leaves the staging folder, which the next
    /// `evident demo` into the same parent folder removes.
    public static func buildDemo(at path: String, clean: Bool) throws(EngineError) -> DemoOutcome {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw EngineError(.usage, "'\(path)' already exists; choose a new folder")
        }
        let target = URL(fileURLWithPath: path).standardizedFileURL.path
        let parent = (target as NSString).deletingLastPathComponent
        let staging: StagingFolder
        do {
            _ = try FileSystem.makeFolders(parent) { $0 }
            StagingFolder.sweep(parent, prefix: stagingPrefix)
            staging = try StagingFolder(in: parent, prefix: stagingPrefix)
        } catch {
            throw EngineError(.usage, FileSystemError("create the folder", path, error).description)
        }
        defer { staging.remove() }
        let built = try buildDemo(in: staging.path + "/demo", clean: clean)
        do {
            try FileSystem.rename(staging.path + "/demo", to: target)
        } catch {
            throw EngineError(.usage, FileSystemError("create the folder", path, error.code == ENOTEMPTY ? SystemCallError(EEXIST) : error).description)
        }
        let repository = try ComplianceRepository(discoveringFrom: target)
        return DemoOutcome(repository: repository, run: built.run,
                           report: URL(fileURLWithPath: target).appendingPathComponent(built.run.folder, isDirectory: true).appendingPathComponent(RecordFiles.html),
                           sampleSurvivedSteering: built.survived)
    }

    private static let stagingPrefix = ".evident-demo"

    /// Builds, audits and writes the demo in `path`.
    private static func buildDemo(in path: String, clean: Bool) throws(EngineError) -> (run: AuditRun, survived: Bool?) {
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
        try repository.writeRecord(of: run)
        return (run, survived)
    }
}
