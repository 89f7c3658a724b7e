import EvidentCore
import EvidentGit
import Foundation

/// The program as it is in the working tree.
struct WorkingTreeSource: ProgramFileSource {
    let top: URL

    func files(under folder: String) throws -> [String] {
        let base = folder == "." ? top : top.appendingPathComponent(folder)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: base.path, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else { return [folder] }
        let prefix = folder == "." ? "" : folder + "/"
        var files: [String] = []
        let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey, .isDirectoryKey], options: [])
        let basePath = base.standardizedFileURL.path
        while let url = enumerator?.nextObject() as? URL {
            if url.lastPathComponent == ".git" {
                enumerator?.skipDescendants()
                continue
            }
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(basePath.count + 1))
            files.append(prefix + relative)
        }
        return files.sorted()
    }

    func contents(of path: String) throws -> Data? {
        FileManager.default.contents(atPath: top.appendingPathComponent(path).path)
    }
}

/// The program as git holds it: staged in the index (what the next commit will contain) or
/// as it stood in a commit.
struct GitFilesSource: ProgramFileSource {
    let repository: Repository
    /// Every file under the program root, plus evident.yaml and CODEOWNERS, by path.
    let files: [String: GitFile]

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
        files = Dictionary(list.map { ($0.path.description, $0) }) { first, _ in first }
    }

    func files(under folder: String) -> [String] {
        let prefix = folder == "." ? "" : folder + "/"
        return files.keys.filter { $0.hasPrefix(prefix) || $0 == folder }.sorted()
    }

    func contents(of path: String) throws -> Data? {
        guard let file = files[path], !file.isSubmodule else { return nil }
        return try repository.blob(file.id)
    }

    /// The paths that differ between two sets of files: added, modified (content or mode), deleted.
    static func changes(from before: [String: GitFile], to after: [String: GitFile]) -> [StagedChange] {
        var changes: [StagedChange] = []
        for (path, file) in after {
            if let previous = before[path] {
                if previous.id != file.id || previous.mode != file.mode { changes.append(StagedChange(path: path, kind: .modified)) }
            } else {
                changes.append(StagedChange(path: path, kind: .added))
            }
        }
        for path in before.keys where after[path] == nil { changes.append(StagedChange(path: path, kind: .deleted)) }
        return changes.sorted { $0.path < $1.path }
    }
}
