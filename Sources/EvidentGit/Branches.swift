import CLibGit2

extension Repository {
    /// Whether `name` (`main`, `refs/remotes/origin/main`, ...) names a reference, found the way
    /// git finds a short name. The reference need not point at a readable commit: this tells a
    /// reference that does not exist from one whose commit is missing or damaged.
    public func namesReference(_ name: String) -> Bool {
        var reference: OpaquePointer?
        guard git_reference_dwim(&reference, pointer, name) == 0, let reference else { return false }
        git_reference_free(reference)
        return true
    }

    /// The short names of the local branches, sorted bytewise.
    public func localBranchNames() -> [String] {
        var iterator: OpaquePointer?
        guard git_branch_iterator_new(&iterator, pointer, GIT_BRANCH_LOCAL) == 0, let iterator else { return [] }
        defer { git_branch_iterator_free(iterator) }
        var names: [String] = []
        var reference: OpaquePointer?
        var type = GIT_BRANCH_LOCAL
        while git_branch_next(&reference, &type, iterator) == 0, let branch = reference {
            names.append(String(cString: git_reference_shorthand(branch)))
            git_reference_free(branch)
            reference = nil
        }
        return names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
