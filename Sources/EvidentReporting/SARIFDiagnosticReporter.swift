import Foundation
import EvidentCore

/// SARIF 2.1.0, for code scanning: one run, Evident's rules as the driver's rules.
public struct SARIFDiagnosticReporter: TextDocumentRenderer {
    public typealias Document = DiagnosticReport

    struct Log: Encodable {
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }

    struct Run: Encodable {
        var tool: Tool
        var results: [Result]
        var columnKind = "unicodeCodePoints"
    }

    struct Tool: Encodable {
        var driver: Driver
    }

    struct Driver: Encodable {
        var name = "Evident"
        var semanticVersion: String
        var rules: [Rule]
    }

    struct Rule: Encodable {
        var id: String
        var name: String
        var shortDescription: Message
        var defaultConfiguration: Configuration
    }

    struct Configuration: Encodable {
        var level: String
    }

    struct Message: Encodable {
        var text: String
    }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Message
        var locations: [Location]
    }

    struct Location: Encodable {
        var physicalLocation: PhysicalLocation
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }

    struct ArtifactLocation: Encodable {
        var uri: String
        var uriBaseId = "%SRCROOT%"
    }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
    }

    public var toolVersion: String

    public init(toolVersion: String = EvidentVersion.current) {
        self.toolVersion = toolVersion
    }

    public func text(_ report: DiagnosticReport) throws -> String {
        let (diagnostics, rules) = (report.diagnostics, report.rules)
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let results = diagnostics.map { diagnostic in
            Result(
                ruleId: diagnostic.ruleID, ruleIndex: ruleIndex[diagnostic.ruleID] ?? -1, level: Self.level(diagnostic.severity),
                message: Message(text: diagnostic.message),
                locations: [Location(physicalLocation: PhysicalLocation(
                    artifactLocation: ArtifactLocation(uri: relativeURIReference(diagnostic.location.file)),
                    region: Region(startLine: diagnostic.location.line, startColumn: diagnostic.location.column)))])
        }
        let driver = Driver(semanticVersion: toolVersion, rules: rules.map {
            Rule(id: $0.id, name: $0.name.replacingOccurrences(of: " ", with: ""), shortDescription: Message(text: $0.summary),
                 defaultConfiguration: Configuration(level: Self.level($0.severity)))
        })
        return try JSONOutput.encode(Log(runs: [Run(tool: Tool(driver: driver), results: results)]))
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }
}

/// A repository path as a relative URI reference (SARIF locations, OSCAL hrefs): every byte
/// outside the unreserved characters and `/` percent-encoded.
func relativeURIReference(_ path: String) -> String {
    let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/".utf8)
    return path.utf8.map { allowed.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0) }.joined()
}
