import EvidentCore
import EvidentGit
import Foundation

/// Reading the program: its layout, and the program itself in the working tree or at a commit.
extension ComplianceRepository {
    /// The program's layout from `evident.yaml`: from the working tree, or from the git index
    /// when `staged` (defaults when absent, or in a bare repository). A working-tree evident.yaml
    /// that is a symbolic link is an error naming it; a staged one has no layout (the defaults),
    /// and the program's lint reports it (PATH-SYMLINK).
    func layout(staged: Bool = false) throws(EngineError) -> ProgramLayout {
        try mapped {
            if staged {
                guard let file = try git.indexFiles(under: ProgramLayout.fileName).first(where: { $0.path.description == ProgramLayout.fileName }),
                      !file.isSymbolicLink, !file.isSubmodule else { return ProgramLayout() }
                return try ProgramLayout.parse(String(decoding: try git.blob(file.id), as: UTF8.self))
            }
            guard let top = git.workingDirectory, let data = try WorkingTree(top: top).contents(of: ProgramLayout.fileName) else { return ProgramLayout() }
            return try ProgramLayout.parse(data)
        }
    }

    /// The layout of the evident.yaml committed in `commit` (defaults when it has none, or when
    /// it is a symbolic link: the program at that commit reports the link).
    func layout(at commit: ObjectID) throws -> ProgramLayout {
        try ProgramLayout.parse(try git.contents(of: ProgramLayout.fileName, at: commit).map { String(decoding: $0, as: UTF8.self) } ?? "")
    }

    /// The program as it stood in `commit`, with the layout of that commit's evident.yaml.
    func program(at commit: ObjectID) throws -> Program {
        try Program.load(from: GitFilesSource(repository: git, commit: commit, root: try layout(at: commit).root))
    }

    /// The program in the working tree.
    func workingTreeProgram(toDo what: String) throws(EngineError) -> Program {
        let top = try workingTree(toDo: what)
        return try mapped { try Program.load(from: WorkingTreeSource(top: top)) }
    }

    /// The revision to read: `explicit`, else the configured mainline (local, then `origin/`),
    /// else HEAD. A configured mainline that names no branch is a configuration error that
    /// lists the branches there are; one whose tip commit is missing or damaged is a repository
    /// error that names the object.
    func mainlineRevision(explicit: String?, layout: ProgramLayout) throws(EngineError) -> String {
        if let explicit { return explicit }
        guard let mainline = layout.mainline else { return "HEAD" }
        for candidate in [mainline, "refs/remotes/origin/\(mainline)"] {
            if git.namesReference(candidate) {
                _ = try mapped { try git.resolveCommit(candidate) }
                return candidate
            }
            if (try? git.resolveCommit(candidate)) != nil { return candidate }
        }
        guard git.headCommit() != nil else { return mainline }
        let head = git.headReferenceName.map { " (HEAD is on '\($0.replacingOccurrences(of: "refs/heads/", with: ""))')" } ?? ""
        throw EngineError(.usage, "evident.yaml sets 'mainline: \(mainline)', but the repository has no branch '\(mainline)' or 'origin/\(mainline)'"
            + "\(BranchList(git.localBranchNames()).clause); set mainline to the branch whose history is the record\(head), or pass --ref")
    }

    /// A usage error when the program has an error diagnostic: nothing is audited, exported or
    /// owned from a program that does not parse.
    ///
    /// A testing workpaper's problems do not count: the audit reports them as a finding
    /// (TEST-WORKPAPER-INVALID) and goes on, and nothing else reads the workpaper.
    func requireLintClean(_ program: Program, before what: String) throws(EngineError) {
        let workpapers = Set(program.testingWorkpapers.map(\.file))
        if let problem = program.diagnostics.first(where: { $0.severity == .error && !workpapers.contains($0.location.file) }) {
            throw EngineError(.usage, "\(problem.location): \(problem.message) [\(problem.ruleID)]; fix it (see `evident lint`) \(what)")
        }
    }
}

/// The local branches, for a message: at most ten, and only names that print as themselves
/// (git refuses control characters in branch names, but a hand-made ref file may hold them).
struct BranchList {
    static let limit = 10
    let names: [String]

    init(_ names: [String]) {
        self.names = names
    }

    /// `; its branches are a, b and 2 more`, or `; it has no local branches`.
    var clause: String {
        let printable = names.filter { name in
            name.unicodeScalars.allSatisfy { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) && !$0.properties.isBidiControl }
        }
        guard !names.isEmpty else { return "; it has no local branches" }
        let shown = printable.prefix(Self.limit)
        let more = names.count - shown.count
        guard !shown.isEmpty else { return "; it has \(more) local \(more == 1 ? "branch" : "branches")" }
        return "; its branches are \(shown.joined(separator: ", "))\(more > 0 ? " and \(more) more" : "")"
    }
}
