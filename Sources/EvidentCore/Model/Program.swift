import Foundation

/// Where a program's files are read from: the working tree, the git index, or a commit.
public protocol ProgramFileSource {
    /// Every file at or below `folder` (relative to the repository top; `.` for all), sorted.
    func files(under folder: String) throws -> [String]
    /// A file's bytes, or nil when there is no such file.
    func contents(of path: String) throws -> Data?
    /// Every entry at or below `folder` (a folder, or a single file) with its exact path and
    /// kind: a name is bytes there, and a symbolic link or a submodule is reported as one, never
    /// looked into. When `folder` itself, or a folder on the way to it, is a link or a
    /// submodule, that one entry is the answer.
    func entries(under folder: String) throws -> [ProgramFileEntry]
    /// The bytes of the file at exactly `path`, or nil when there is no such file.
    func contents(of path: ExactPath) throws -> Data?
}

extension ProgramFileSource {
    /// A source that knows only text paths and regular files (tests, examples).
    public func entries(under folder: String) throws -> [ProgramFileEntry] {
        try files(under: folder).map { ProgramFileEntry(path: ExactPath($0), kind: .file) }
    }

    public func contents(of path: ExactPath) throws -> Data? {
        try contents(of: path.description)
    }
}

/// One entry of a folder as a source lists it: its exact path and whether it is a file.
public struct ProgramFileEntry: Hashable, Sendable {
    /// A regular file, or one of the two things git stores in a tree that have no contents of
    /// their own: a symbolic link (mode 120000) or a submodule (mode 160000).
    public enum Kind: String, Sendable {
        case file
        case symlink = "symbolic link"
        case submodule
    }

    public var path: ExactPath
    public var kind: Kind

    public init(path: ExactPath, kind: Kind) {
        self.path = path
        self.kind = kind
    }
}

/// A whole compliance program as read from one source, with every problem met while reading.
public struct Program: Sendable {
    public var configuration: ProgramConfiguration
    public var controls: [Control]
    public var policies: [Policy]
    public var evidence: [EvidenceOccurrence]
    /// Evidence files that are not occurrences: directly in the evidence folder or its control folders
    /// without a folder per control (e.g. `evidence/README.md`).
    public var looseEvidenceFiles: [String]
    /// Folders directly under the evidence folder (each should belong to a control).
    public var evidenceFolders: [String]
    /// Symbolic links and submodules under the evidence folder: never occurrences (a lint error),
    /// since what they point at is not in the history that proves the evidence.
    public var evidenceNonFiles: [ProgramFileEntry] = []
    public var riskDocuments: [RiskDocument]
    /// Problems found while reading: YAML syntax, missing keys, wrong types, unknown keys.
    public var diagnostics: [Diagnostic]
    /// The repository's CODEOWNERS file, where GitHub would find it, if there is one.
    public var codeOwners: CodeOwnersFile? = nil
    /// The testing workpaper of each cycle of evident.yaml that has one, in the cycles' order.
    /// Its reading problems are in `diagnostics` too.
    public var testingWorkpapers: [TestingWorkpaper] = []

    /// Reads every file of the program from `source`. No symbolic link is read or looked into:
    /// evident.yaml, CODEOWNERS and the files of the controls, policies, risk and audits folders
    /// that are links (or lie below one) are PATH-SYMLINK errors, and links under the evidence
    /// folder are EVIDENCE-NOT-A-FILE ones.
    public static func load(from source: some ProgramFileSource) throws -> Program {
        var files = LinkRefusingReader(source)
        var diagnostics: [Diagnostic] = []
        var configuration = ProgramConfiguration.defaults()
        if let data = try files.contents(of: ProgramLayout.fileName) {
            configuration = ProgramConfiguration.parse(text(data, ProgramLayout.fileName, &diagnostics), file: ProgramLayout.fileName, diagnostics: &diagnostics)
        }
        let layout = configuration.layout
        var controls: [Control] = []
        for file in try files.files(under: layout.controls) where file.hasSuffix(".md") && isDirectChild(file, of: layout.controls) {
            guard let data = try source.contents(of: file) else { continue }
            if let control = ControlParser.parse(text(data, file, &diagnostics), file: file, layout: layout, diagnostics: &diagnostics) {
                controls.append(control)
            }
        }
        var policies: [Policy] = []
        for file in try files.files(under: layout.policies) where file.hasSuffix(".md") && isDirectChild(file, of: layout.policies) {
            guard let data = try source.contents(of: file) else { continue }
            if let policy = PolicyParser.parse(text(data, file, &diagnostics), file: file, diagnostics: &diagnostics) {
                policies.append(policy)
            }
        }
        var riskDocuments: [RiskDocument] = []
        for file in try files.files(under: layout.risk) where file.hasSuffix(".md") {
            guard let data = try source.contents(of: file) else { continue }
            var ignored: [Diagnostic] = []
            let document = FrontMatterDocument.parse(text(data, file, &diagnostics), file: file, diagnostics: &ignored)
            let kind = document?.yaml?.mapping?["kind"]?.string
            riskDocuments.append(RiskDocument(file: file, kind: kind))
        }
        var (evidence, loose, folders, nonFiles) = EvidenceScanner.scan(try files.evidenceEntries(under: layout.evidence), root: layout.evidence)
        for index in evidence.indices {
            // Sidecars come from the listing, where links were already set apart.
            guard let sidecar = evidence[index].sidecar, let data = try source.contents(of: sidecar) else { continue }
            let file = sidecar.description
            evidence[index].details = EvidenceDetails.parse(text(data, file, &diagnostics), file: file, diagnostics: &diagnostics)
        }
        var testingWorkpapers: [TestingWorkpaper] = []
        for cycle in configuration.cycles {
            let file = TestingWorkpaper.path(cycle: cycle.id, layout: layout)
            // Two cycles with one id share a file: it is read, and reported, once.
            guard !testingWorkpapers.contains(where: { $0.file == file }), let data = try files.contents(of: file) else { continue }
            let workpaper = TestingWorkpaper.read(data, file: file, cycle: cycle.id)
            diagnostics += workpaper.diagnostics
            testingWorkpapers.append(workpaper)
        }
        // Records are never read from here, but a link among them would be written through or
        // mistaken for the record; it is reported like any other.
        _ = try files.files(under: layout.audits)
        var codeOwners: CodeOwnersFile?
        for file in CodeOwners.candidates {
            // GitHub uses the first candidate it finds; a link there is reported and stands for none.
            guard try files.exists(file) else { continue }
            if let data = try files.contents(of: file) {
                codeOwners = CodeOwnersFile(file: file, text: String(decoding: data, as: UTF8.self))
            }
            break
        }
        diagnostics += files.diagnostics
        return Program(configuration: configuration, controls: controls, policies: policies, evidence: evidence,
                       looseEvidenceFiles: loose, evidenceFolders: folders, evidenceNonFiles: nonFiles, riskDocuments: riskDocuments,
                       diagnostics: diagnostics, codeOwners: codeOwners, testingWorkpapers: testingWorkpapers)
    }

    private static func isDirectChild(_ file: String, of folder: String) -> Bool {
        let prefix = folder == "." ? "" : folder + "/"
        return file.hasPrefix(prefix) && !file.dropFirst(prefix.count).contains("/")
    }

    private static func text(_ data: Data, _ file: String, _ diagnostics: inout [Diagnostic]) -> String {
        if let text = String(data: data, encoding: .utf8) { return text }
        diagnostics.append(Diagnostic(ruleID: MappingReader.syntaxRule, severity: .error, message: "file is not valid UTF-8 text",
                                      location: SourceLocation(file: file, line: 1, column: 1)))
        return String(decoding: data, as: UTF8.self)
    }

    public func control(_ id: String) -> Control? { controls.first { $0.id.value == id } }
    public func policy(_ id: String) -> Policy? { policies.first { $0.id.value == id } }
}

/// A CODEOWNERS file: its path from the repository top and its text.
public struct CodeOwnersFile: Hashable, Sendable {
    public var file: String
    public var text: String

    public init(file: String, text: String) {
        self.file = file
        self.text = text
    }
}

/// Groups the files under the evidence folder into occurrences.
///
/// Everything here works on the paths' bytes: an occurrence is one name, byte for byte, so two
/// names that `String` would call equal (NFC and NFD, or two invalid byte sequences both shown
/// as U+FFFD) stay two occurrences.
enum EvidenceScanner {
    static let sidecarSuffix = ".meta.yaml"

    static func scan(_ entries: [ProgramFileEntry], root: String)
        -> (occurrences: [EvidenceOccurrence], loose: [String], folders: [String], nonFiles: [ProgramFileEntry]) {
        let prefix = Array((root == "." ? "" : root + "/").utf8)
        let suffix = Array(sidecarSuffix.utf8)
        var occurrences: [ExactPath: EvidenceOccurrence] = [:]
        occurrences.reserveCapacity(entries.count)
        var sidecars: [ExactPath: ExactPath] = [:]
        var loose: [ExactPath] = []
        var folders: Set<ExactPath> = []
        var nonFiles: [ProgramFileEntry] = []
        let slash = UInt8(ascii: "/")
        for entry in entries {
            let bytes = entry.path.bytes
            guard bytes.starts(with: prefix), bytes.count > prefix.count else {
                // The evidence folder itself may be a link.
                if entry.kind != .file && entry.path.bytes == Array(root.utf8) { nonFiles.append(entry) }
                continue
            }
            // <root>/<folder>/<name>[/<more>], split on the bytes: an audit scans every evidence file.
            let relative = bytes[prefix.count...]
            guard let firstSlash = relative.firstIndex(of: slash) else {
                if entry.kind == .file { loose.append(entry.path) } else { nonFiles.append(entry) }
                continue
            }
            let folder = ExactPath(bytes: Array(bytes[..<firstSlash]))
            folders.insert(folder)
            // A link or a submodule is reported wherever it is, and never becomes (part of) an occurrence.
            guard entry.kind == .file else {
                nonFiles.append(entry)
                continue
            }
            let afterFolder = relative[relative.index(after: firstSlash)...]
            let secondSlash = afterFolder.firstIndex(of: slash)
            let name = afterFolder[..<(secondSlash ?? afterFolder.endIndex)]
            // Dotfiles such as .gitkeep keep a folder in git; they are not occurrences.
            if name.first == UInt8(ascii: ".") { continue }
            let path = ExactPath(bytes: Array(bytes[..<(secondSlash ?? bytes.endIndex)]))
            if secondSlash == nil && name.count > suffix.count && name.reversed().starts(with: suffix.reversed()) {
                sidecars[ExactPath(bytes: Array(path.bytes.dropLast(suffix.count)))] = entry.path
                continue
            }
            if occurrences[path] == nil {
                let nameText = String(decoding: name, as: UTF8.self)
                occurrences[path] = EvidenceOccurrence(
                    exactPath: path, exactFolder: folder, name: nameText, isFolder: secondSlash != nil, files: [],
                    claimedDate: EvidenceOccurrence.claimedDate(ofName: nameText), sidecar: nil, details: nil)
            }
            occurrences[path]!.files.append(entry.path)
        }
        for (path, sidecar) in sidecars {
            if occurrences[path] != nil {
                occurrences[path]!.sidecar = sidecar
            } else {
                loose.append(sidecar)
            }
        }
        return (occurrences.values.sorted { $0.exactPath < $1.exactPath }, loose.sorted().map(\.description),
                folders.sorted().map(\.description), nonFiles.sorted { $0.path < $1.path })
    }
}

/// A Git LFS pointer file: evidence stored outside the repository, identified by its hash.
public enum LFSPointer {
    /// The `sha256:` object id of a pointer file, or nil when the bytes are not a pointer.
    public static func objectID(in data: Data) -> String? {
        guard data.count < 1024, let text = String(data: data, encoding: .utf8),
              text.hasPrefix("version https://git-lfs.github.com/spec/v1\n")
        else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("oid sha256:") {
            let hash = line.dropFirst("oid sha256:".count)
            guard hash.count == 64, hash.allSatisfy({ $0.isHexDigit }) else { return nil }
            return String(hash)
        }
        return nil
    }
}
