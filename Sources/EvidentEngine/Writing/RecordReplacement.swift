import Foundation

/// Replaces a record's three files in `audits/<cycle>/` as a set.
///
/// What it guarantees: the folder holds the old record.json, record.md and report.html, or the
/// new ones, never a mixture — after a failure, and after a kill once the next Evident command
/// that writes into the repository has run; every other file in the folder (the testing
/// workpaper, interviews) is left as it is. It goes in steps:
///
/// 1. The new files are written (and flushed) into a journal folder in the session's staging
///    folder, in the git dir. A failure or a kill here changes nothing in the working tree.
/// 2. The journal's `target` file, naming the destination, is renamed into the journal: the
///    commit point. From here the new set goes in place, by this process or by the next one.
/// 3. With SIGINT, SIGTERM and SIGHUP held back, the files already in place are linked (or
///    copied) into the journal as a backup, then the three new files are renamed into place,
///    record.json last. A failure in between puts the backup back: the old set again.
/// 4. A kill during step 3 (only SIGKILL can land there) leaves the journal in a staging
///    folder whose lock is free; the next command's sweep moves in the files it still holds.
///
/// The three renames are atomic one by one, not as a set: a program that reads the folder in
/// the microseconds between two of them, or between a SIGKILL and the next run, can see a mixed
/// set. It cannot pass for a record: record.json keeps the sha-256 of the two others, and
/// `evident verify` rejects a mismatch.
struct RecordReplacement {
    /// The order the files go in place: the two renderings first, then record.json, which
    /// holds their digests.
    static let names = [RecordFiles.markdown, RecordFiles.html, RecordFiles.json]
    /// The journal's folder in a staging folder.
    static let journalName = "record"
    /// The commit point: the journal's file that names the destination, relative to the top.
    static let targetName = "target"
    private static let backupName = "previous"

    let session: WriteSession
    /// The record's folder, relative to the working tree's top (`audits/<cycle>`).
    let folder: String

    /// Writes `files` (record.json, record.md and report.html by name) as the folder's record.
    func replace(with files: [String: [UInt8]]) throws(FileSystemError) {
        try session.makeFolders(folder)
        let destination = session.top + "/" + folder
        let journal = session.staging.path + "/" + Self.journalName
        let faults = session.faults
        do {
            try FileSystem.makeFolder(journal)
        } catch {
            throw FileSystemError("create the folder", session.shown(journal), error)
        }
        for name in Self.names {
            do {
                try FileSystem.createFile(journal + "/" + name, bytes: files[name] ?? [])
            } catch {
                throw FileSystemError("write", "\(folder)/\(name)", error)
            }
            try faults.pass("staging \(name)")
        }
        let mover = Mover(journal: journal, destination: destination, staging: session.staging.path,
                          crossDevice: !(try session.isSameFileSystem(destination, shownAs: folder)), shownFolder: folder)
        do {
            let target = journal + "/" + Self.targetName
            try FileSystem.createFile(target + ".new", bytes: Array(folder.utf8))
            try FileSystem.rename(target + ".new", to: target)
            FileSystem.syncFolder(journal)
        } catch {
            throw FileSystemError("write", session.shown(journal + "/" + Self.targetName), error)
        }
        try faults.pass("committing")
        try SignalDeferral.run { () throws(FileSystemError) in
            try mover.backUp()
            var moved: [String] = []
            do throws(FileSystemError) {
                for name in Self.names {
                    try mover.move(name)
                    moved.append(name)
                    try faults.pass("moving \(name)")
                }
            } catch {
                guard !faults.killed else { throw error }
                let unrestored = moved.reversed().filter { name in (try? mover.restore(name)) == nil }
                guard unrestored.isEmpty else {
                    throw FileSystemError(error.action, error.path, reason: error.reason
                                          + "; and the old \(unrestored.joined(separator: ", ")) could not be put back, so the next `evident audit` must replace the record")
                }
                throw error
            }
        }
        FileSystem.syncFolder(destination)
    }

    /// Finishes a replacement a killed process had committed to: moves into place the files its
    /// journal still holds. Returns whether the journal can be removed (true also when there is
    /// nothing to finish: it had not reached the commit point, or its folder is gone).
    static func finishInterrupted(journal: String, top: String) -> Bool {
        guard let target = FileSystem.contents(of: journal + "/" + targetName) else { return true }
        let folder = String(decoding: target, as: UTF8.self)
        let components = folder.split(separator: "/", omittingEmptySubsequences: false)
        // The journal is Evident's own, in the git dir; still, it names nothing outside the top.
        guard !folder.hasPrefix("/"), !components.isEmpty, !components.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else { return true }
        let destination = top + "/" + folder
        guard FileSystem.kind(of: destination) == .folder,
              let journalDevice = try? FileSystem.device(of: journal), let destinationDevice = try? FileSystem.device(of: destination)
        else { return true }
        let mover = Mover(journal: journal, destination: destination, staging: (journal as NSString).deletingLastPathComponent,
                          crossDevice: journalDevice != destinationDevice, shownFolder: folder)
        do {
            try SignalDeferral.run { () throws(FileSystemError) in
                for name in names where FileSystem.kind(of: journal + "/" + name) == .file { try mover.move(name) }
            }
        } catch {
            return false
        }
        FileSystem.syncFolder(destination)
        return true
    }
}

/// Moves a journal's files into the record's folder, keeps a backup of the files they replace
/// and puts it back.
private struct Mover {
    let journal: String
    let destination: String
    /// The staging folder that holds the journal, where temporary files made outside it are noted.
    let staging: String
    /// Whether the journal is on another file system than the destination, so a file is copied
    /// next to its destination and renamed from there.
    let crossDevice: Bool
    let shownFolder: String

    private var backups: String { journal + "/previous" }

    /// Links (or, when the file system cannot, copies) the files in place into the backup.
    func backUp() throws(FileSystemError) {
        do {
            try FileSystem.makeFolder(backups)
            for name in RecordReplacement.names where FileSystem.kind(of: destination + "/" + name) == .file {
                let current = destination + "/" + name
                if crossDevice || (try? FileSystem.link(current, to: backups + "/" + name)) == nil {
                    try FileSystem.copyFile(current, to: backups + "/" + name)
                }
            }
        } catch {
            throw FileSystemError("keep a copy of", "\(shownFolder)'s record", error)
        }
    }

    func move(_ name: String) throws(FileSystemError) {
        try place(name, from: journal + "/" + name)
    }

    /// Puts the backup of `name` back, or removes the new file when there was none.
    func restore(_ name: String) throws(FileSystemError) {
        let backup = backups + "/" + name
        if FileSystem.kind(of: backup) == .file {
            try place(name, from: backup)
        } else {
            do {
                try FileSystem.removeFile(destination + "/" + name)
            } catch {
                throw FileSystemError("remove", "\(shownFolder)/\(name)", error)
            }
        }
    }

    /// Renames `source` to the destination's `name`, through a noted temporary file next to it
    /// when the two are on different file systems; `source` is gone afterwards.
    private func place(_ name: String, from source: String) throws(FileSystemError) {
        let target = destination + "/" + name
        do throws(SystemCallError) {
            if crossDevice {
                let temporary = destination + "/" + WriteSession.outsideTemporaryName(for: name)
                try WriteSession.note(outside: temporary, in: staging)
                do throws(SystemCallError) {
                    try FileSystem.copyFile(source, to: temporary)
                    try FileSystem.rename(temporary, to: target)
                } catch {
                    try? FileSystem.removeFile(temporary)
                    throw error
                }
                try FileSystem.removeFile(source)
            } else {
                try FileSystem.rename(source, to: target)
            }
        } catch {
            throw FileSystemError("move into place", "\(shownFolder)/\(name)", error)
        }
    }
}
