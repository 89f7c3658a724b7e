import ArgumentParser
import EvidentCore
import EvidentGit
import EvidentReporting
import Foundation

/// `evident verify`: the committed audit records still stand.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that every committed audit record is intact: its commit is still on the mainline, and re-auditing that commit gives the same bytes (so the chain of sha-256 links holds).")

    @OptionGroup var repository: RepositoryOptions

    func run() throws {
        let repository = try repository.open()
        let layout = try programLayout(of: repository)
        let revision = try mainlineRevision(explicit: nil, layout: layout, repository: repository)
        let tip: ObjectID
        let records: [GitFile]
        do {
            try repository.requireCompleteHistory()
            tip = try repository.resolveCommit(revision).commit
            records = try repository.files(under: layout.audits, at: tip).filter { $0.path.description.hasSuffix("/record.json") }
        } catch {
            throw CommandFailure(error)
        }
        var problems: [String] = []
        var checked = 0
        for file in records {
            let path = file.path.description
            let data: Data
            do { data = try repository.blob(file.id) } catch { throw CommandFailure(error) }
            let record: AuditRecord
            do {
                record = try AuditRecord.read(data, file: path)
            } catch {
                problems.append(error.description)
                continue
            }
            let audited = ObjectID(hex: record.auditedCommit)!
            checked += 1
            guard repository.isAncestor(audited, of: tip) else {
                problems.append("\(path): its audited commit \(audited.abbreviated()) is no longer on the mainline \(revision): history was rewritten")
                continue
            }
            do {
                let again = try AuditRun.perform(repository: repository, asOf: record.auditedCommit, cycle: record.cycle.id, now: record.clock)
                if Data(RecordJSON.bytes(again.record)) != data {
                    problems.append("\(path): differs from a fresh audit of \(audited.abbreviated()): it was modified after it was written, a record it chains to changed, or it was written by another Evident version (\(record.tool))")
                }
            } catch {
                problems.append("\(path): cannot re-audit \(audited.abbreviated()): \(error.message)")
            }
        }
        var out = problems.map { "problem: \($0)\n" }.joined()
        out += problems.isEmpty ? "\(checked) \(checked == 1 ? "record" : "records") verified on \(revision) at \(tip.abbreviated())\n"
            : "\(problems.count) \(problems.count == 1 ? "problem" : "problems") in \(records.count) \(records.count == 1 ? "record" : "records")\n"
        FileHandle.standardOutput.write(Data(out.utf8))
        if !problems.isEmpty { throw ExitCode(ExitStatus.findings.rawValue) }
    }
}
