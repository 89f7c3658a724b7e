import Foundation

/// Where a program's files are read from: the working tree, the git index, or a commit.
public protocol ProgramFileSource {
    /// Every file below `folder` (relative to the repository top; `.` for all), sorted.
    func files(under folder: String) throws -> [String]
    /// A file's bytes, or nil when there is no such file.
    func contents(of path: String) throws -> Data?
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
    public var riskDocuments: [RiskDocument]
    /// Problems found while reading: YAML syntax, missing keys, wrong types, unknown keys.
    public var diagnostics: [Diagnostic]
    /// The repository's CODEOWNERS file, where GitHub would find it, if there is one.
    public var codeOwners: CodeOwnersFile? = nil
    /// The testing workpaper of each cycle of evident.yaml that has one, in the cycles' order.
    /// Its reading problems are in `diagnostics` too.
    public var testingWorkpapers: [TestingWorkpaper] = []

    public static func load(from source: some ProgramFileSource) throws -> Program {
        var diagnostics: [Diagnostic] = []
        var configuration = ProgramConfiguration.defaults()
        if let data = try source.contents(of: ProgramLayout.fileName) {
            configuration = ProgramConfiguration.parse(text(data, ProgramLayout.fileName, &diagnostics), file: ProgramLayout.fileName, diagnostics: &diagnostics)
        }
        let layout = configuration.layout
        var controls: [Control] = []
        for file in try source.files(under: layout.controls) where file.hasSuffix(".md") && isDirectChild(file, of: layout.controls) {
            guard let data = try source.contents(of: file) else { continue }
            if let control = ControlParser.parse(text(data, file, &diagnostics), file: file, layout: layout, diagnostics: &diagnostics) {
                controls.append(control)
            }
        }
        var policies: [Policy] = []
        for file in try source.files(under: layout.policies) where file.hasSuffix(".md") && isDirectChild(file, of: layout.policies) {
            guard let data = try source.contents(of: file) else { continue }
            if let policy = PolicyParser.parse(text(data, file, &diagnostics), file: file, diagnostics: &diagnostics) {
                policies.append(policy)
            }
        }
        var riskDocuments: [RiskDocument] = []
        for file in try source.files(under: layout.risk) where file.hasSuffix(".md") {
            guard let data = try source.contents(of: file) else { continue }
            var ignored: [Diagnostic] = []
            let document = FrontMatterDocument.parse(text(data, file, &diagnostics), file: file, diagnostics: &ignored)
            let kind = document?.yaml?.mapping?["kind"]?.string
            riskDocuments.append(RiskDocument(file: file, kind: kind))
        }
        var (evidence, loose, folders) = EvidenceScanner.scan(try source.files(under: layout.evidence), root: layout.evidence)
        for index in evidence.indices {
            guard let sidecar = evidence[index].sidecar, let data = try source.contents(of: sidecar) else { continue }
            evidence[index].details = EvidenceDetails.parse(text(data, sidecar, &diagnostics), file: sidecar, diagnostics: &diagnostics)
        }
        var testingWorkpapers: [TestingWorkpaper] = []
        for cycle in configuration.cycles {
            let file = TestingWorkpaper.path(cycle: cycle.id, layout: layout)
            // Two cycles with one id share a file: it is read, and reported, once.
            guard !testingWorkpapers.contains(where: { $0.file == file }), let data = try source.contents(of: file) else { continue }
            let workpaper = TestingWorkpaper.read(data, file: file, cycle: cycle.id)
            diagnostics += workpaper.diagnostics
            testingWorkpapers.append(workpaper)
        }
        var codeOwners: CodeOwnersFile?
        for file in CodeOwners.candidates {
            if let data = try source.contents(of: file) {
                codeOwners = CodeOwnersFile(file: file, text: String(decoding: data, as: UTF8.self))
                break
            }
        }
        return Program(configuration: configuration, controls: controls, policies: policies, evidence: evidence,
                       looseEvidenceFiles: loose, evidenceFolders: folders, riskDocuments: riskDocuments, diagnostics: diagnostics,
                       codeOwners: codeOwners, testingWorkpapers: testingWorkpapers)
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

/// Groups the files under the evidence folder into occurrences (SPEC §6).
enum EvidenceScanner {
    static let sidecarSuffix = ".meta.yaml"

    static func scan(_ files: [String], root: String) -> (occurrences: [EvidenceOccurrence], loose: [String], folders: [String]) {
        let prefix = root == "." ? "" : root + "/"
        var occurrences: [String: EvidenceOccurrence] = [:]
        occurrences.reserveCapacity(files.count)
        var sidecars: [String: String] = [:]
        var loose: [String] = []
        var folders: Set<String> = []
        let slash = UInt8(ascii: "/")
        for file in files where file.hasPrefix(prefix) {
            // <root>/<folder>/<name>[/<more>], split on the bytes: an audit scans every evidence file.
            let relative = file.dropFirst(prefix.count).utf8
            guard let firstSlash = relative.firstIndex(of: slash) else {
                loose.append(file)
                continue
            }
            let afterFolder = relative[relative.index(after: firstSlash)...]
            let secondSlash = afterFolder.firstIndex(of: slash)
            let folder = prefix + String(Substring(relative[..<firstSlash]))
            folders.insert(folder)
            let name = String(Substring(afterFolder[..<(secondSlash ?? afterFolder.endIndex)]))
            // Dotfiles such as .gitkeep keep a folder in git; they are not occurrences.
            if name.hasPrefix(".") { continue }
            let path = folder + "/" + name
            if secondSlash == nil && name.hasSuffix(sidecarSuffix) {
                sidecars[folder + "/" + String(name.dropLast(sidecarSuffix.count))] = file
                continue
            }
            var occurrence = occurrences[path] ?? EvidenceOccurrence(
                path: path, folder: folder, name: name, isFolder: secondSlash != nil, files: [],
                claimedDate: EvidenceOccurrence.claimedDate(ofName: name), sidecar: nil, details: nil)
            occurrence.files.append(file)
            occurrences[path] = occurrence
        }
        for (path, sidecar) in sidecars {
            if occurrences[path] != nil {
                occurrences[path]!.sidecar = sidecar
            } else {
                loose.append(sidecar)
            }
        }
        return (occurrences.values.sorted { $0.path < $1.path }, loose.sorted(), folders.sorted())
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
