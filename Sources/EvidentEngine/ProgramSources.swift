import EvidentCore
import EvidentGit
import Foundation

/// The program as it is in the working tree.
///
/// Listed through `WorkingTree`, name by name as the file system gives the bytes: a symbolic
/// link is reported and never followed (nor is one on the way to a folder), a folder holding a
/// `.git` is a submodule's checkout and is not descended into, and a name that is not UTF-8, or
/// that only normalisation tells from another, keeps its own bytes.
struct WorkingTreeSource: ProgramFileSource {
    let tree: WorkingTree

    init(top: URL) {
        tree = WorkingTree(top: top)
    }

    func files(under folder: String) throws -> [String] {
        try entries(under: folder).filter { $0.kind == .file }.map(\.path.description)
    }

    func entries(under folder: String) throws -> [ProgramFileEntry] {
        let base = try WorkingTree.bytes(of: folder)
        switch tree.lookUp(base) {
        case .absent, .other: return []
        case .file: return [ProgramFileEntry(path: ExactPath(bytes: base), kind: .file)]
        case .symbolicLink(let link): return [ProgramFileEntry(path: ExactPath(bytes: link), kind: .symlink)]
        case .folder:
            if !base.isEmpty && tree.kind(of: base + Array("/.git".utf8)) != nil {
                return [ProgramFileEntry(path: ExactPath(bytes: base), kind: .submodule)]
            }
            var entries: [ProgramFileEntry] = []
            collect(base, into: &entries)
            return entries.sorted { $0.path < $1.path }
        }
    }

    /// The file's bytes; a link at the path or on the way is an error that names it (the program
    /// reader never asks for one: it sets links apart from their listing).
    func contents(of path: String) throws -> Data? {
        try tree.contents(of: path)
    }

    func contents(of path: ExactPath) throws -> Data? {
        try tree.contents(of: path.bytes)
    }

    /// Every entry below `folder`, which `entries(under:)` found to be a folder: each child is
    /// looked at with `lstat`, and only a real folder is descended into.
    private func collect(_ folder: [UInt8], into entries: inout [ProgramFileEntry]) {
        for name in tree.names(in: folder) {
            if name == Array(".git".utf8) { continue }
            let path = folder.isEmpty ? name : folder + [UInt8(ascii: "/")] + name
            switch tree.kind(of: path) {
            case .file: entries.append(ProgramFileEntry(path: ExactPath(bytes: path), kind: .file))
            case .symbolicLink: entries.append(ProgramFileEntry(path: ExactPath(bytes: path), kind: .symlink))
            case .folder:
                if tree.kind(of: path + Array("/.git".utf8)) != nil {
                    entries.append(ProgramFileEntry(path: ExactPath(bytes: path), kind: .submodule))
                } else {
                    collect(path, into: &entries)
                }
            case .other, nil: continue
            }
        }
    }
}

/// The program as git holds it: staged in the index (what the next commit will contain) or
/// as it stood in a commit.
struct GitFilesSource: ProgramFileSource {
    let repository: Repository
    /// Every file under the program root, plus evident.yaml and CODEOWNERS, by exact path: two
    /// names only normalisation tells apart are two files.
    let files: [GitPath: GitFile]
    /// The same files in git's (bytewise) order.
    private let ordered: [GitFile]

    /// The git index.
    init(stagedIn repository: Repository, root: String) throws(RepositoryError) {
        self.init(repository, try repository.indexFiles(under: [root, ProgramLayout.fileName] + CodeOwners.candidates))
    }

    /// A commit.
    init(repository: Repository, commit: ObjectID, root: String) throws(RepositoryError) {
        var list = try repository.files(under: root, at: commit)
        for path in [ProgramLayout.fileName] + CodeOwners.candidates {
            list += try repository.files(under: path, at: commit)
        }
        self.init(repository, list)
    }

    private init(_ repository: Repository, _ list: [GitFile]) {
        self.repository = repository
        files = Dictionary(list.map { ($0.path, $0) }) { first, _ in first }
        ordered = files.values.sorted { $0.path < $1.path }
    }

    func files(under folder: String) -> [String] {
        entries(under: folder).map(\.path.description)
    }

    func entries(under folder: String) -> [ProgramFileEntry] {
        // A link or submodule at the folder or on the way to it (git stores nothing below one).
        var prefix: [UInt8] = []
        for component in folder.utf8.split(separator: UInt8(ascii: "/")) where folder != "." {
            prefix += (prefix.isEmpty ? [] : [UInt8(ascii: "/")]) + component
            if let file = files[GitPath(bytes: prefix)] { return file.isSubmodule || file.isSymbolicLink || prefix.count == folder.utf8.count ? [entry(file)] : [] }
        }
        return ordered.filter { folder == "." || ExactPath(bytes: $0.path.bytes).isInside(folder) }.map(entry)
    }

    private func entry(_ file: GitFile) -> ProgramFileEntry {
        ProgramFileEntry(path: ExactPath(bytes: file.path.bytes), kind: file.isSubmodule ? .submodule : file.isSymbolicLink ? .symlink : .file)
    }

    func contents(of path: String) throws -> Data? {
        try contents(of: ExactPath(path))
    }

    /// A blob's bytes; a symbolic link's blob (the path it points at) and a submodule are no file's contents.
    func contents(of path: ExactPath) throws -> Data? {
        guard let file = files[GitPath(bytes: path.bytes)], !file.isSubmodule, !file.isSymbolicLink else { return nil }
        return try repository.blob(file.id)
    }

    /// The paths that differ between two sets of files: added, modified (content or mode), deleted.
    static func changes(from before: [GitPath: GitFile], to after: [GitPath: GitFile]) -> [StagedChange] {
        var changes: [(GitPath, StagedChange.Kind)] = []
        for (path, file) in after {
            if let previous = before[path] {
                if previous.id != file.id || previous.mode != file.mode { changes.append((path, .modified)) }
            } else {
                changes.append((path, .added))
            }
        }
        for path in before.keys where after[path] == nil { changes.append((path, .deleted)) }
        return changes.sorted { $0.0 < $1.0 }.map { StagedChange(path: $0.0.description, kind: $0.1) }
    }
}
