import Foundation
import Testing

/// Each layer imports only the layers below it: the CLI sees neither git nor C, the domain
/// sees neither git nor the renderers, and only EvidentGit touches libgit2.
@Suite struct LayeringTests {
    static let allowed: [String: Set<String>] = [
        "EvidentBasics": [],
        "EvidentGit": ["CLibGit2", "CLibGit2Startup", "CZlib", "EvidentBasics", "Foundation"],
        "EvidentCore": ["EvidentBasics", "Foundation", "Yams"],
        "EvidentReporting": ["EvidentCore", "EvidentGit", "Foundation"],
        "EvidentEngine": ["EvidentCore", "EvidentGit", "EvidentReporting", "Foundation"],
        "EvidentCLI": ["ArgumentParser", "EvidentCore", "EvidentEngine", "EvidentReporting", "Foundation"],
        "evident": ["EvidentCLI"],
    ]

    static var sources: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources")
    }

    /// The modules each Swift file of a target imports.
    static func imports(of target: String) throws -> [String: Set<String>] {
        let folder = sources.appendingPathComponent(target)
        var result: [String: Set<String>] = [:]
        let enumerator = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
        while let url = enumerator.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            let modules = text.split(separator: "\n").compactMap { line -> String? in
                let words = line.split(separator: " ").filter { !$0.hasPrefix("@") }
                guard words.count >= 2, words[0] == "import" else { return nil }
                return String(words[1])
            }
            result[url.lastPathComponent] = Set(modules)
        }
        return result
    }

    @Test(arguments: allowed.keys.sorted())
    func importsOnlyLowerLayers(_ target: String) throws {
        let files = try Self.imports(of: target)
        #expect(!files.isEmpty, "no Swift files found for \(target)")
        for (file, modules) in files {
            let extra = modules.subtracting(Self.allowed[target]!)
            #expect(extra.isEmpty, "\(target)/\(file) imports \(extra.sorted())")
        }
    }

    @Test func everySwiftTargetIsChecked() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path)
            .filter { !$0.hasPrefix("C") && !$0.hasPrefix(".") }
        #expect(Set(folders) == Set(Self.allowed.keys))
    }
}
