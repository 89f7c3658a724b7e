import EvidentGit
import Foundation

extension ComplianceRepository {
    /// The first line after the shebang of every hook Evident writes: how it knows its own.
    public static let hookMarker = "# Installed by 'evident hook install'."

    /// Installs a git pre-commit hook that runs `<executable> lint --staged`. A hook Evident did
    /// not write is replaced only with `force`. Returns the hook's path.
    public func installPreCommitHook(running executable: String, force: Bool) throws(EngineError) -> URL {
        let hooks = try mapped { try git.hooksDirectory() }
        let hook = hooks.appendingPathComponent("pre-commit")
        if let existing = FileManager.default.contents(atPath: hook.path), !String(decoding: existing, as: UTF8.self).contains(Self.hookMarker), !force {
            throw EngineError(.usage, "\(hook.path) already exists and was not written by Evident; rerun with --force to replace it")
        }
        let script = """
            #!/bin/sh
            \(Self.hookMarker)
            # Lints what is about to be committed; the commit stops when the program has errors.
            exec \(Self.shellQuoted(executable)) lint --staged

            """
        // The hook is staged in the git dir and renamed into place: never half-written, and
        // with core.hooksPath inside the working tree, no temporary file there.
        let session = try writeSession(status: .repository)
        defer { session.finish() }
        do {
            try session.makeFolders(at: hooks.path)
            try session.replaceFile(hook.standardizedFileURL.path, with: Array(script.utf8), permissions: 0o755)
        } catch {
            throw EngineError(.repository, error.description)
        }
        return hook
    }

    private static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
