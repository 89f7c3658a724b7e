import CLibGit2
import Foundation

extension Repository {
    /// Where git looks for hooks: `core.hooksPath` when set, else `<git dir>/hooks`.
    ///
    /// The setting is read the way git reads a path setting: a leading `~/` (or a bare `~`) is
    /// the home folder from `HOME`, `~name/` is that user's home folder, and a relative path is
    /// relative to where hooks run, the working tree's top (the git dir in a bare repository).
    public func hooksDirectory() throws(RepositoryError) -> URL {
        guard let setting = configurationString("core.hooksPath") else {
            return URL(fileURLWithPath: String(cString: git_repository_commondir(pointer)), isDirectory: true)
                .appendingPathComponent("hooks", isDirectory: true)
        }
        guard let path = HomeExpansion.expanded(setting, home: ProcessInfo.processInfo.environment["HOME"], homeOfUser: HomeExpansion.homeFolder(ofUser:)) else {
            throw .unexpandablePath(setting: "core.hooksPath", value: setting)
        }
        if path.hasPrefix("/") { return URL(fileURLWithPath: path, isDirectory: true) }
        return (workingDirectory ?? gitDirectory).appendingPathComponent(path, isDirectory: true)
    }

    /// A string setting of the repository's configuration (with the user's and the system's), or nil when unset.
    func configurationString(_ name: String) -> String? {
        var snapshot: OpaquePointer?
        guard git_repository_config_snapshot(&snapshot, pointer) == 0, let snapshot else { return nil }
        defer { git_config_free(snapshot) }
        var value: UnsafePointer<CChar>?
        guard git_config_get_string(&value, snapshot, name) == 0, let value else { return nil }
        return String(cString: value)
    }
}

/// `~` at the start of a path setting, expanded as git expands it.
enum HomeExpansion {
    /// `path` with a leading `~` or `~name` replaced by the home folder; nil when that folder
    /// is unknown (no `HOME`, no such user). Any other path is returned as it is.
    static func expanded(_ path: String, home: String?, homeOfUser: (String) -> String?) -> String? {
        guard path.hasPrefix("~") else { return path }
        let afterTilde = path.dropFirst()
        let user = afterTilde.prefix { $0 != "/" }
        let rest = afterTilde.dropFirst(user.count)
        guard let folder = user.isEmpty ? home : homeOfUser(String(user)), !folder.isEmpty else { return nil }
        if rest.isEmpty { return folder }
        return (folder.hasSuffix("/") ? String(folder.dropLast()) : folder) + rest
    }

    /// The home folder of the user called `name`, from the user database.
    static func homeFolder(ofUser name: String) -> String? {
        guard let entry = getpwnam(name), let directory = entry.pointee.pw_dir else { return nil }
        return String(cString: directory)
    }
}
