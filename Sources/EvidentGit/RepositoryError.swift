/// A problem with the repository itself: Evident cannot read history it can trust.
public enum RepositoryError: Error, Sendable, Equatable, CustomStringConvertible {
    case notARepository(path: String)
    case shallow(path: String)
    case unknownRef(String)
    case unbornBranch(String)
    case missingObject(ObjectID, role: String)
    case corruptObject(ObjectID, detail: String)
    /// An author or committer date that cannot be proof of when anything happened. `date` is
    /// the date as written when it is safe to show (digits, signs and spaces only).
    case unusableDate(ObjectID, role: String, date: String?, reason: String)
    /// The repository belongs to another user and git's `safe.directory` setting does not
    /// list it; `path` is the folder to list.
    case dubiousOwnership(path: String)
    /// A path setting whose leading `~` names a home folder that is not known.
    case unexpandablePath(setting: String, value: String)
    case libgit2(operation: String, message: String)
    /// Evident could not make its scratch folder in the git dir (`<git dir>/evident/tmp`),
    /// where it puts what ssh-keygen and gpg read to check a signature.
    case scratchUnavailable(path: String, reason: String)

    public var description: String {
        switch self {
        case .notARepository(let path):
            "'\(path)' is not inside a git repository (or any of its parent folders)"
        case .shallow(let path):
            "'\(path)' is a shallow clone, so its history is incomplete and cannot prove when files changed; "
                + "run 'git fetch --unshallow' (in GitHub Actions, check out with 'fetch-depth: 0')"
        case .unknownRef(let ref):
            "unknown ref '\(ref)': no branch, tag or commit has that name"
        case .unbornBranch(let ref):
            "'\(ref)' has no commits yet, so there is no history to read"
        case .missingObject(let id, let role):
            "git object \(id) (\(role)) is missing from the repository; the history is incomplete"
        case .corruptObject(let id, let detail):
            "git object \(id) is corrupt: \(detail)"
        case .unusableDate(let id, let role, let date, let reason):
            "commit \(id) has an unusable \(role) date\(date.map { " " + $0 } ?? ""): \(reason); "
                + "a history holding it cannot prove when anything happened (rewrite the history without it, or read a revision before it)"
        case .dubiousOwnership(let path):
            "git refuses to open '\(path)': it belongs to another user (git calls this dubious ownership); if you trust it, run "
                + "git config --global --add safe.directory \(shellQuoted(path))"
        case .unexpandablePath(let setting, let value):
            "git setting \(setting) is '\(value)', but the home folder its '~' names is not known (is HOME set, does the user exist?)"
        case .libgit2(let operation, let message):
            "\(operation) failed: \(message)"
        case .scratchUnavailable(let path, let reason):
            "cannot check commit signatures: cannot make a scratch folder in '\(path)' (\(reason)); signatures are checked from files there, never outside the repository"
        }
    }
}

/// `text` as one single-quoted shell word.
private func shellQuoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

/// A `--root` that cannot name anything in the repository.
public enum HistoryRootError: Error, Sendable, Equatable, CustomStringConvertible {
    case outsideRepository(String)

    public var description: String {
        switch self {
        case .outsideRepository(let root):
            "root '\(root)' is outside the repository; roots are paths relative to the repository's top folder"
        }
    }
}
