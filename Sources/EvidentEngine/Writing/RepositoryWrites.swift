import EvidentReporting
import Foundation

extension ComplianceRepository {
    /// A write session on the working tree (see `WriteSession`); its failures are `status`.
    func writeSession(toDo what: String, status: ExitStatus = .repository, timeout: Duration = WriteLock.defaultTimeout,
                      faults: WriteFaults? = nil) throws(EngineError) -> WriteSession {
        let top = try workingTree(toDo: what)
        do {
            return try WriteSession(top: top, gitDirectory: git.gitDirectory, timeout: timeout, faults: faults)
        } catch {
            throw EngineError(status, error.description)
        }
    }

    /// `writeRecord(of:)`, with the test seam and the lock's timeout.
    func writeRecord(of run: AuditRun, faults: WriteFaults?, timeout: Duration = WriteLock.defaultTimeout) throws(EngineError) -> String {
        let json: [UInt8]
        do {
            json = try RecordFormat.json.renderer.render(run.record)
        } catch {
            throw EngineError(.repository, "cannot render \(run.folder)/\(RecordFiles.json): \(error)")
        }
        let session = try writeSession(toDo: "to write the record into; use --dry-run", timeout: timeout, faults: faults)
        defer { session.finish() }
        var files = [RecordFiles.json: json]
        for (name, bytes) in run.renderedFiles { files[name] = bytes }
        do {
            try RecordReplacement(session: session, folder: run.folder).replace(with: files)
        } catch {
            throw EngineError(.repository, error.description)
        }
        return run.folder
    }
}
