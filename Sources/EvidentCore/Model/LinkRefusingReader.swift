import Foundation

/// Reads a program's files from a source without ever reading a symbolic link.
///
/// What a link points at is not in the history that proves the program, and in a working tree
/// it may lie outside the repository (`evident.yaml -> /proc/self/environ`). Each link met on
/// the way to a file the program reads, or in a folder it lists, is set aside and reported
/// once, by its path, under PATH-SYMLINK; its target is never read, listed or shown.
struct LinkRefusingReader<Source: ProgramFileSource> {
    let source: Source
    /// One PATH-SYMLINK error per link met, in the order they were met.
    private(set) var diagnostics: [Diagnostic] = []
    private var reported: Set<ExactPath> = []

    init(_ source: Source) {
        self.source = source
    }

    /// The bytes of the file at `path`; nil when there is none, or when it is a link or lies
    /// below one (reported).
    mutating func contents(of path: String) throws -> Data? {
        guard let entry = try entry(at: path) else { return nil }
        switch entry.kind {
        case .file: return try source.contents(of: path)
        case .symlink:
            report(entry)
            return nil
        case .submodule: return nil
        }
    }

    /// Whether anything is at `path`: a file, a link (also one on the way) or a submodule.
    func exists(_ path: String) throws -> Bool {
        try entry(at: path) != nil
    }

    /// The files at or below `folder`; links among them, or on the way to the folder, are reported.
    mutating func files(under folder: String) throws -> [String] {
        var files: [String] = []
        for entry in try source.entries(under: folder) {
            switch entry.kind {
            case .file: files.append(entry.path.description)
            case .symlink: report(entry)
            case .submodule: continue
            }
        }
        return files
    }

    /// The entries of the evidence folder as the evidence scan takes them. A link at the folder
    /// or below it is evidence that is not a file (the scan reports it, EVIDENCE-NOT-A-FILE);
    /// a link above the folder (the program root, say) is reported here.
    mutating func evidenceEntries(under folder: String) throws -> [ProgramFileEntry] {
        let entries = try source.entries(under: folder)
        let above = entries.filter { $0.kind == .symlink && $0.path != ExactPath(folder) && ExactPath(folder).isInside($0.path.description) }
        above.forEach { report($0) }
        return entries.filter { !above.contains($0) }
    }

    /// The entry at `path`, or the link or submodule on the way to it.
    private func entry(at path: String) throws -> ProgramFileEntry? {
        let exact = ExactPath(path)
        return try source.entries(under: path).first { $0.path == exact || ($0.kind != .file && exact.isInside($0.path.description)) }
    }

    private mutating func report(_ link: ProgramFileEntry) {
        guard reported.insert(link.path).inserted else { return }
        diagnostics.append(Diagnostic(
            ruleID: MappingReader.symlinkRule, severity: .error,
            message: "\(link.path) is a symbolic link: Evident never follows links, so what it points at is neither read nor written; commit the file or folder itself",
            location: SourceLocation(file: link.path.description, line: 1, column: 1)))
    }
}
