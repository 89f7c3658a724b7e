import EvidentCore
import EvidentGit
import Foundation

/// The program as it is in the working tree.
///
/// Listed with `lstat`, name by name as the file system gives the bytes: a symbolic link is
/// reported and never followed, a folder holding a `.git` is a submodule's checkout and is not
/// descended into, and a name that is not UTF-8, or that only normalisation tells from another,
/// keeps its own bytes.
struct WorkingTreeSource: ProgramFileSource {
    let top: URL

    func files(under folder: String) throws -> [String] {
        try entries(under: folder).filter { $0.kind == .file }.map(\.path.description)
    }

    func entries(under folder: String) throws -> [ProgramFileEntry] {
        let base = folder == "." ? [] : Array(folder.utf8)
        var entries: [ProgramFileEntry] = []
        switch kind(of: base) {
        case nil: return []
        case .some(.regular): return [ProgramFileEntry(path: ExactPath(bytes: base), kind: .file)]
        case .some(.link): return [ProgramFileEntry(path: ExactPath(bytes: base), kind: .symlink)]
        case .some(.folder):
            if !base.isEmpty && kind(of: base + Array("/.git".utf8)) != nil {
                return [ProgramFileEntry(path: ExactPath(bytes: base), kind: .submodule)]
            }
            collect(base, into: &entries)
        }
        return entries.sorted { $0.path < $1.path }
    }

    func contents(of path: String) throws -> Data? {
        FileManager.default.contents(atPath: top.appendingPathComponent(path).path)
    }

    /// Only a regular file: what a link under the evidence folder points at is never read.
    func contents(of path: ExactPath) throws -> Data? {
        guard kind(of: path.bytes) == .regular else { return nil }
        return readBytes(path.bytes)
    }

    private enum Kind { case regular, folder, link }

    /// What is at `relative` (bytes from the top), without following a link.
    private func kind(of relative: [UInt8]) -> Kind? {
        withFileSystemPath(relative) { path in
            var info = stat()
            guard lstat(path, &info) == 0 else { return nil }
            switch info.st_mode & S_IFMT {
            case S_IFREG: return .regular
            case S_IFDIR: return .folder
            case S_IFLNK: return .link
            default: return nil
            }
        }
    }

    private func collect(_ folder: [UInt8], into entries: inout [ProgramFileEntry]) {
        for name in names(in: folder) {
            if name == Array(".git".utf8) { continue }
            let path = folder.isEmpty ? name : folder + [UInt8(ascii: "/")] + name
            switch kind(of: path) {
            case .some(.regular): entries.append(ProgramFileEntry(path: ExactPath(bytes: path), kind: .file))
            case .some(.link): entries.append(ProgramFileEntry(path: ExactPath(bytes: path), kind: .symlink))
            case .some(.folder):
                if kind(of: path + Array("/.git".utf8)) != nil {
                    entries.append(ProgramFileEntry(path: ExactPath(bytes: path), kind: .submodule))
                } else {
                    collect(path, into: &entries)
                }
            case nil: continue
            }
        }
    }

    /// The names in a folder, as the bytes `readdir` gives.
    private func names(in folder: [UInt8]) -> [[UInt8]] {
        withFileSystemPath(folder) { path -> [[UInt8]] in
            guard let directory = opendir(path) else { return [] }
            defer { closedir(directory) }
            var names: [[UInt8]] = []
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
                if name != [UInt8(ascii: ".")] && name != [UInt8(ascii: "."), UInt8(ascii: ".")] { names.append(name) }
            }
            return names
        }
    }

    private func readBytes(_ relative: [UInt8]) -> Data? {
        withFileSystemPath(relative) { path -> Data? in
            let descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else { return nil }
            defer { close(descriptor) }
            var data = Data()
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = read(descriptor, &buffer, buffer.count)
                if count < 0 { return nil }
                if count == 0 { return data }
                data.append(contentsOf: buffer[..<count])
            }
        }
    }

    /// `body` with the NUL-terminated absolute path of `relative` (bytes from the top).
    private func withFileSystemPath<T>(_ relative: [UInt8], _ body: (UnsafePointer<CChar>) -> T) -> T {
        let absolute = top.withUnsafeFileSystemRepresentation { Array(UnsafeBufferPointer(start: $0!, count: strlen($0!))) }.map { UInt8(bitPattern: $0) }
        let bytes = (relative.isEmpty ? absolute : absolute + [UInt8(ascii: "/")] + relative) + [0]
        return bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
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
        ordered.filter { folder == "." || ExactPath(bytes: $0.path.bytes).isInside(folder) }.map { file in
            ProgramFileEntry(path: ExactPath(bytes: file.path.bytes),
                             kind: file.isSubmodule ? .submodule : file.mode == 0o120000 ? .symlink : .file)
        }
    }

    func contents(of path: String) throws -> Data? {
        try contents(of: ExactPath(path))
    }

    func contents(of path: ExactPath) throws -> Data? {
        guard let file = files[GitPath(bytes: path.bytes)], !file.isSubmodule else { return nil }
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
