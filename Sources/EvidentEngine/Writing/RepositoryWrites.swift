import EvidentReporting
import Foundation

extension ComplianceRepository {
    /// A write session on the working tree (see `WriteSession`); its failures are `status`.
    func writeSession(toDo what: String, status: ExitStatus = .repository, timeout: Duration = WriteLock.defaultTimeout,
                      faults: WriteFaults? = nil) throws(EngineError) -> WriteSession {
        try writeSession(top: try workingTree(toDo: what), status: status, timeout: timeout, faults: faults)
    }

    /// A write session for files that need no working tree (the hook, an export): paths are
    /// shown relative to the working tree's top, or the git dir's in a bare repository.
    func writeSession(status: ExitStatus) throws(EngineError) -> WriteSession {
        try writeSession(top: git.workingDirectory ?? git.gitDirectory, status: status, timeout: WriteLock.defaultTimeout, faults: nil)
    }

    private func writeSession(top: URL, status: ExitStatus, timeout: Duration, faults: WriteFaults?) throws(EngineError) -> WriteSession {
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
        var files = [RecordFiles.json: json]
        for (name, bytes) in run.renderedFiles { files[name] = bytes }
        // The record's folder and files are never reached through a link, nor replace one: a
        // link on the way or in the place of a file is refused as bad input, before the lock.
        let tree = WorkingTree(top: try workingTree(toDo: "to write the record into; use --dry-run"))
        // (A file in the way of the folder is the replacement's to name, in words.)
        try mapped {
            for name in files.keys.sorted() {
                if case .symbolicLink(let link) = try tree.lookUp("\(run.folder)/\(name)") { throw WorkingTreeError(link, .symbolicLink) }
            }
        }
        let session = try writeSession(toDo: "to write the record into; use --dry-run", timeout: timeout, faults: faults)
        defer { session.finish() }
        do {
            try RecordReplacement(session: session, folder: run.folder).replace(with: files)
        } catch {
            throw EngineError(.repository, error.description)
        }
        return run.folder
    }
}

extension ComplianceRepository {
    /// Writes `bytes` to the file at `path` (relative to the current folder, or absolute), a
    /// file the user named, such as `evident export oscal -o`: replaced in one step, staged
    /// in the git dir. Its folder must exist.
    public func writeFile(_ bytes: [UInt8], to path: String) throws(EngineError) {
        let session = try writeSession(status: .usage)
        defer { session.finish() }
        do {
            try session.replaceFile(URL(fileURLWithPath: path).standardizedFileURL.path, with: bytes)
        } catch {
            throw EngineError(.usage, error.description)
        }
    }
}
