import EvidentCore
import EvidentGit
import EvidentReporting
import Foundation

extension ComplianceRepository {
    /// Checks every committed audit record: its audited commit must still be on the mainline,
    /// and a fresh audit of that commit must give the same bytes (so the sha-256 chain holds).
    public func verify() throws(EngineError) -> VerificationReport {
        let layout = try layout()
        let revision = try mainlineRevision(explicit: nil, layout: layout)
        let (tip, records) = try mapped {
            try git.requireCompleteHistory()
            let tip = try git.resolveCommit(revision).commit
            return (tip, try git.files(under: layout.audits, at: tip).filter { $0.path.description.hasSuffix("/record.json") })
        }
        var problems: [String] = []
        var checked = 0
        for file in records {
            let path = file.path.description
            let data = try mapped { try git.blob(file.id) }
            let record: AuditRecord
            do {
                record = try AuditRecord.read(data, file: path)
            } catch {
                problems.append(error.description)
                continue
            }
            let audited = ObjectID(hex: record.auditedCommit)!
            checked += 1
            guard try mapped({ try git.isOnFirstParentChain(audited, of: tip) }) else {
                problems.append("\(path): its audited commit \(audited.abbreviated()) is no longer on the mainline \(revision)'s first-parent chain: history was rewritten")
                continue
            }
            do {
                let again = try audit(AuditRequest(cycle: record.cycle.id, asOf: record.auditedCommit, clock: Day(record.clock)))
                if Data(try RecordFormat.json.renderer.render(again.record)) != data {
                    problems.append("\(path): differs from a fresh audit of \(audited.abbreviated()): it was modified after it was written, a record it chains to changed, or it was written by another Evident version (\(record.tool))")
                }
            } catch {
                problems.append("\(path): cannot re-audit \(audited.abbreviated()): \(EngineError(error).message)")
            }
        }
        return VerificationReport(problems: problems, checked: checked, records: records.count, revision: revision, tip: tip.abbreviated())
    }
}
