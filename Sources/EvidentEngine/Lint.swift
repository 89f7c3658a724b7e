import EvidentCore
import EvidentGit
import Foundation

/// What to lint: the working tree, or the git index (`staged`); `paths` limits the report to
/// those files (relative to the repository top, or absolute inside it).
public struct LintRequest: Sendable {
    public var staged: Bool
    /// The mainline whose history proves approvals (default: `mainline` in evident.yaml, else HEAD).
    public var ref: String?
    /// Whether to read the mainline history for the rules that need it.
    public var readsHistory: Bool
    /// The day deadlines are measured against.
    public var today: Day
    public var paths: [String]

    public init(staged: Bool = false, ref: String? = nil, readsHistory: Bool = true, today: Day, paths: [String] = []) {
        self.staged = staged
        self.ref = ref
        self.readsHistory = readsHistory
        self.today = today
        self.paths = paths
    }
}

extension ComplianceRepository {
    /// The program's diagnostics, in the order every reporter prints them.
    public func lint(_ request: LintRequest) throws(EngineError) -> [Diagnostic] {
        if request.staged && git.workingDirectory == nil {
            // A bare repository has no staging area of its own: --staged would compare nothing with HEAD.
            throw EngineError(.usage, "--staged lints what is about to be committed, and a bare repository has no working tree or staging area; run it in a clone")
        }
        if request.staged {
            try requireProgramStaged()
        } else {
            try requireProgram(inWorkingTree: try workingTree(toDo: "to lint; run it in a clone"))
        }
        // The working tree's evident.yaml is read once, by the program: its problems (a bad
        // path, a link) are diagnostics like any other file's.
        let stagedLayout = request.staged ? try layout(staged: true) : nil
        var stagedChanges: [StagedChange]?
        let (program, previousPolicies) = try mapped {
            let source: any ProgramFileSource
            if let layout = stagedLayout {
                let index = try GitFilesSource(stagedIn: git, root: layout.root)
                stagedChanges = try changes(from: git.headCommit(), to: index, root: layout.root)
                source = index
            } else {
                source = WorkingTreeSource(top: try workingTree(toDo: "to lint; run it in a clone"))
            }
            let program = try Program.load(from: source)
            return (program, try committedVersions(of: program.policies, changedIn: source))
        }
        var policyHistory: [String: [PolicyRevision]]?
        if request.readsHistory && git.headCommit() != nil {
            let revision = try mainlineRevision(explicit: request.ref, layout: program.configuration.layout)
            policyHistory = try mapped {
                let tip = try git.resolveCommit(revision).commit
                return try PolicyHistory.revisions(repository: git, revision: revision, configuration: program.configuration,
                                                   signatures: try SignatureCache.required(by: program.configuration, in: git, at: tip))
            }
        }
        let context = LintContext(program: program, policyHistory: policyHistory, stagedChanges: stagedChanges,
                                  previousPolicies: previousPolicies, today: request.today)
        return filtered(Linter().run(context), to: request.paths)
    }

    /// Paths may be given relative to the repository top or as absolute paths.
    private func filtered(_ diagnostics: [Diagnostic], to paths: [String]) -> [Diagnostic] {
        guard !paths.isEmpty else { return diagnostics }
        let top = git.workingDirectory?.standardizedFileURL.path ?? ""
        let wanted = Set(paths.map { path -> String in
            var relative = path.hasPrefix(top + "/") ? String(path.dropFirst(top.count + 1)) : path
            if relative.hasPrefix("./") { relative.removeFirst(2) }
            return relative
        })
        return diagnostics.filter { wanted.contains($0.location.file) }
    }

    /// The policies as HEAD has them, for each policy file whose text the source changes.
    private func committedVersions(of policies: [Policy], changedIn source: some ProgramFileSource) throws -> [String: Policy] {
        guard let head = git.headCommit() else { return [:] }
        var committed: [String: GitFile] = [:]
        for folder in Set(policies.map { ($0.file as NSString).deletingLastPathComponent }) {
            for file in try git.files(under: folder, at: head) { committed[file.path.description] = file }
        }
        var previous: [String: Policy] = [:]
        for policy in policies {
            guard let file = committed[policy.file], !file.isSubmodule else { continue }
            let text = try git.blob(file.id)
            guard text != (try source.contents(of: policy.file)) else { continue }
            previous[policy.file] = Policy.parse(String(decoding: text, as: UTF8.self), file: policy.file)
        }
        return previous
    }

    /// What the index changes against HEAD under the program root.
    private func changes(from head: ObjectID?, to index: GitFilesSource, root: String) throws(RepositoryError) -> [StagedChange] {
        var committed: [GitPath: GitFile] = [:]
        if let head {
            for file in try git.files(under: root, at: head) { committed[file.path] = file }
        }
        return GitFilesSource.changes(from: committed, to: index.files.filter { ExactPath(bytes: $0.key.bytes).isInside(root) || root == "." })
    }
}
