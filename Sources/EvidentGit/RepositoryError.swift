/// A problem with the repository itself: Evident cannot read history it can trust.
public enum RepositoryError: Error, Sendable, Equatable, CustomStringConvertible {
    case notARepository(path: String)
    case shallow(path: String)
    case unknownRef(String)
    case unbornBranch(String)
    case missingObject(ObjectID, role: String)
    case corruptObject(ObjectID, detail: String)
    case libgit2(operation: String, message: String)

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
        case .libgit2(let operation, let message):
            "\(operation) failed: \(message)"
        }
    }
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
