import EvidentCore
import EvidentGit
import EvidentReporting
import Foundation

extension ComplianceRepository {
    /// Checks every committed audit record: its audited commit must still be on the mainline's
    /// first-parent chain, its chain link (`previous`) must match the previous cycle's record,
    /// record.md and report.html must match the digests record.json keeps of them, and a fresh
    /// audit of the audited commit must give the same bytes. A record written by another
    /// Evident version cannot be re-derived byte for byte; the report says so and every other
    /// check still runs.
    public func verify() throws(EngineError) -> VerificationReport {
        let layout = try layout()
        let revision = try mainlineRevision(explicit: nil, layout: layout)
        let (tip, records) = try mapped {
            try git.requireCompleteHistory()
            let tip = try git.resolveCommit(revision).commit
            return (tip, try git.files(under: layout.audits, at: tip).filter { $0.path.description.hasSuffix("/\(RecordFiles.json)") })
        }
        var report = VerificationReport(problems: [], checked: 0, records: records.count, revision: revision, tip: tip.abbreviated())
        for file in records {
            let path = file.path.description
            guard !file.isSymbolicLink else {
                report.problems.append("\(path): a symbolic link, not a record; Evident never follows links, so a record must be committed as a file")
                continue
            }
            let data = try mapped { try git.blob(file.id) }
            let record: AuditRecord
            do {
                record = try AuditRecord.read(data, file: path)
            } catch {
                report.problems.append(error.description)
                continue
            }
            let audited = ObjectID(hex: record.auditedCommit)!
            report.checked += 1
            guard try mapped({ try git.isOnFirstParentChain(audited, of: tip) }) else {
                report.problems.append("\(path): its audited commit \(audited.abbreviated()) is no longer on the mainline \(revision)'s first-parent chain: history was rewritten")
                continue
            }
            let folder = String(path.dropLast(RecordFiles.json.count + 1))
            report.problems += try renderingProblems(of: record, in: folder, at: tip)
            report.problems += try chainProblems(of: record, path: path, audited: audited, tip: tip)
            // Only this version, writing this format, can give the same bytes again.
            let format = record.formatVersion ?? 1
            guard record.tool == EvidentVersion.tool && format == AuditRecord.currentFormat else {
                let rendered = record.renderings == nil
                    ? "; record.md and report.html were not checked: a record of format \(format) keeps no digest of them"
                    : ", and record.md and report.html against their digests"
                let writer = record.tool == EvidentVersion.tool ? "in record format \(format), not \(AuditRecord.currentFormat)" : "by \(record.tool), not \(EvidentVersion.tool)"
                report.notes.append("\(path): written \(writer), so its findings, populations and samples were not re-derived; checked its audited commit's place on the first-parent mainline, its chain to the previous record\(rendered)")
                continue
            }
            do {
                let again = try audit(AuditRequest(cycle: record.cycle.id, asOf: record.auditedCommit, clock: Day(record.clock)))
                if Data(try RecordFormat.json.renderer.render(again.record)) != data {
                    report.problems.append("\(path): differs from a fresh audit of \(audited.abbreviated()): it was modified after it was written, or a record it chains to changed")
                }
            } catch {
                report.problems.append("\(path): cannot re-audit \(audited.abbreviated()): \(EngineError(error).message)")
            }
        }
        return report
    }

    /// record.md and report.html as committed against the digests the record keeps of them.
    private func renderingProblems(of record: AuditRecord, in folder: String, at tip: ObjectID) throws(EngineError) -> [String] {
        guard let renderings = record.renderings else { return [] }
        var problems: [String] = []
        for (name, digest) in [(RecordFiles.markdown, renderings.markdown), (RecordFiles.html, renderings.html)] {
            let path = "\(folder)/\(name)"
            if try mapped({ try git.file(at: GitPath(path), in: tip) })?.isSymbolicLink == true {
                problems.append("\(path): a symbolic link, not the file the audit wrote; Evident never follows links")
                continue
            }
            guard let bytes = try mapped({ try git.contents(of: path, at: tip) }) else {
                problems.append("\(path): missing, though \(folder)/\(RecordFiles.json) was written with it")
                continue
            }
            if SHA256.hex(bytes) != digest {
                problems.append("\(path): differs from the file the audit wrote (its sha-256 is not the one \(folder)/\(RecordFiles.json) keeps): it was edited afterwards")
            }
        }
        return problems
    }

    /// `previous` against the previous cycle's record: as committed at the audited commit (what
    /// the audit chained to) and as committed now (it must not have changed since).
    private func chainProblems(of record: AuditRecord, path: String, audited: ObjectID, tip: ObjectID) throws(EngineError) -> [String] {
        try mapped {
            let program = try program(at: audited)
            let cycles = program.configuration.cycles
            guard let cycle = cycles.first(where: { $0.id == record.cycle.id }) else { return [] }
            let layout = program.configuration.layout
            let then = try previousRecordHash(cycle: cycle, cycles: cycles, layout: layout, commit: audited)
            guard then == record.previous else {
                return ["\(path): its link to the previous cycle's record (previous: \(record.previous ?? "none")) is not the sha-256 of that record as committed at \(audited.abbreviated()) (\(then ?? "none")): the link was edited"]
            }
            guard let then, let previous = cycles.filter({ $0.end < cycle.start }).max(by: { $0.end < $1.end }) else { return [] }
            let previousPath = "\(layout.audits)/\(previous.id)/\(RecordFiles.json)"
            let now = try git.contents(of: previousPath, at: tip).map(SHA256.hex)
            guard now == then else {
                return ["\(path): chains to \(previousPath) with sha-256 \(then.prefix(12))…, but that record \(now.map { "now has \($0.prefix(12))…" } ?? "is gone"): it changed after this record chained to it"]
            }
            return []
        }
    }
}
