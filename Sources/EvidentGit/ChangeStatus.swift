/// How a path changed in one mainline commit, as `git log --name-status` letters it.
public enum ChangeStatus: String, Sendable, Hashable, CaseIterable {
    case added = "A"
    case modified = "M"
    case deleted = "D"
    case typeChanged = "T"
}
