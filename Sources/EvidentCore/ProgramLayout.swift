import Foundation
import Yams

/// Where a compliance program keeps its files, and which branch is its mainline,
/// as set in `evident.yaml`. Every folder is relative to the repository top.
public struct ProgramLayout: Hashable, Sendable {
    public static let fileName = "evident.yaml"

    /// The branch whose first-parent history is the record; nil means HEAD's branch.
    public var mainline: String?
    /// The folder that holds the compliance folders (`.` or, in a monorepo, e.g. `compliance`).
    public var root: String
    public var controls: String
    public var policies: String
    public var evidence: String
    public var risk: String
    public var audits: String

    public init(mainline: String? = nil, root: String = ".") {
        self.mainline = mainline
        self.root = root
        controls = Self.join(root, "controls")
        policies = Self.join(root, "policies")
        evidence = Self.join(root, "evidence")
        risk = Self.join(root, "risk")
        audits = Self.join(root, "audits")
    }

    /// The folders whose history is the program's proof.
    public var complianceFolders: [String] {
        [controls, policies, evidence, risk, audits]
    }

    /// Reads the layout keys of `evident.yaml` from its bytes. `displayPath` names the file in messages.
    public static func parse(_ data: Data, displayPath: String = fileName) throws(InputError) -> ProgramLayout {
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError("\(displayPath) is not valid UTF-8 text", at: SourceLocation(file: displayPath, line: 1, column: 1))
        }
        return try parse(text, displayPath: displayPath)
    }

    public static func parse(_ text: String, displayPath: String = fileName) throws(InputError) -> ProgramLayout {
        let node: Node?
        do {
            node = try YAMLText.compose(text)
        } catch {
            let error = error.withinText(text)
            throw InputError(error.message(lineOffset: 0), at: SourceLocation(file: displayPath, line: error.line, column: error.column))
        }
        guard let node else { return ProgramLayout() }
        guard let mapping = node.mapping else {
            throw InputError("expected a mapping of settings at the top level", at: YAMLErrors.location(of: node, file: displayPath))
        }
        func string(_ key: String) throws(InputError) -> String? {
            guard let value = mapping[key] else { return nil }
            guard let scalar = value.scalar, !scalar.string.isEmpty else {
                throw InputError("'\(key)' must be a non-empty string", at: YAMLErrors.location(of: value, file: displayPath))
            }
            return scalar.string
        }
        /// A folder must stay inside the repository: it is listed and read, and records are written there.
        func folder(_ text: String, key: String, at node: Node) throws(InputError) -> String {
            if let problem = RelativePath.problem(with: text) {
                throw InputError("'\(key)' \(problem); it must be \(RelativePath.grammar)",
                                 at: YAMLErrors.location(of: node, file: displayPath), ruleID: MappingReader.pathRule)
            }
            return RelativePath.normalized(text)
        }
        let root = try string("root").map { text throws(InputError) in try folder(text, key: "root", at: mapping["root"]!) } ?? "."
        var layout = ProgramLayout(mainline: try string("mainline"), root: root)
        if let paths = mapping["paths"] {
            guard let pathMapping = paths.mapping else {
                throw InputError("'paths' must be a mapping of folder names", at: YAMLErrors.location(of: paths, file: displayPath))
            }
            for (key, value) in pathMapping {
                guard let name = key.string, let text = value.scalar?.string, !text.isEmpty else {
                    throw InputError("each entry of 'paths' must map a name to a folder", at: YAMLErrors.location(of: value, file: displayPath))
                }
                let resolved = join(layout.root, try folder(text, key: "paths.\(name)", at: value))
                switch name {
                case "controls": layout.controls = resolved
                case "policies": layout.policies = resolved
                case "evidence": layout.evidence = resolved
                case "risk": layout.risk = resolved
                case "audits": layout.audits = resolved
                default:
                    throw InputError("unknown folder '\(name)' in 'paths' (expected controls, policies, evidence, risk or audits)",
                                     at: YAMLErrors.location(of: key, file: displayPath))
                }
            }
        }
        return layout
    }

    private static func join(_ root: String, _ folder: String) -> String {
        let trimmedRoot = root.hasSuffix("/") ? String(root.dropLast()) : root
        if folder == "." { return trimmedRoot.isEmpty ? "." : trimmedRoot }
        return trimmedRoot == "." || trimmedRoot.isEmpty ? folder : "\(trimmedRoot)/\(folder)"
    }
}

enum YAMLErrors {
    static func location(of node: Node, file: String) -> SourceLocation? {
        node.mark.map { SourceLocation(file: file, line: $0.line, column: $0.column) }
    }
}
