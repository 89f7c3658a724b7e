import EvidentCore
import Foundation
import Testing

/// A rule or check that is written but not registered never runs, and nothing else would notice.
/// Swift cannot list a protocol's conforming types at run time on Linux, so the tests read the
/// declarations from the sources and compare them with the registries.
@Suite struct RegistryTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    @Test func everyLintRuleIsRegistered() throws {
        let registered = Linter.rules.map { String(describing: $0) }
        #expect(Set(registered).count == registered.count, "a rule is registered twice: \(registered)")
        let declared = try Self.declaredTypes(conformingTo: "LintRule", under: Self.sources)
        #expect(!declared.isEmpty, "no rule found under \(Self.sources.path)")
        #expect(declared.subtracting(registered).isEmpty, "rules missing from Linter.rules (BuiltInRules.swift): \(declared.subtracting(registered).sorted())")
        #expect(Set(registered).subtracting(declared).isEmpty, "registered but not found in the sources: \(Set(registered).subtracting(declared).sorted())")
    }

    @Test func everyAuditCheckIsRegistered() throws {
        let registered = Auditor.checks.map { String(describing: $0) }
        #expect(Set(registered).count == registered.count, "a check is registered twice: \(registered)")
        let declared = try Self.declaredTypes(conformingTo: "AuditCheck", under: Self.sources)
        #expect(!declared.isEmpty, "no check found under \(Self.sources.path)")
        #expect(declared.subtracting(registered).isEmpty, "checks missing from Auditor.checks (BuiltInChecks.swift): \(declared.subtracting(registered).sorted())")
        #expect(Set(registered).subtracting(declared).isEmpty, "registered but not found in the sources: \(Set(registered).subtracting(declared).sorted())")
    }

    /// The scan itself: it must see the declaration forms the sources use or might.
    @Test func scanFindsEveryDeclarationForm() throws {
        let text = """
            /// A doc comment naming `struct InComment: LintRule` is not a declaration.
            public struct Plain: LintRule {
            struct Internal : Sendable, EvidentCore.LintRule, Equatable {
            public final class Boxed: LintRule {}
            public struct Generic<T: Sendable>: LintRule where T: Hashable {
            public struct Wrapped:
                Sendable,
                LintRule
            {
            extension Late: LintRule {}
            public struct NotARule: LintRuleLike {
            public struct Other: AuditCheck {
            // struct Commented: LintRule {
            """
        #expect(Self.declarations(conformingTo: "LintRule", in: text) == ["Plain", "Internal", "Boxed", "Generic", "Wrapped", "Late"])
        #expect(Self.declarations(conformingTo: "AuditCheck", in: text) == ["Other"])
    }

    /// Names of the types declared (or extended) to conform to `protocolName` in the Swift files under `folder`.
    static func declaredTypes(conformingTo protocolName: String, under folder: URL) throws -> Set<String> {
        let files = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)).compactMap { $0 as? URL }
            .filter { $0.pathExtension == "swift" }
        var names: Set<String> = []
        for file in files {
            names.formUnion(declarations(conformingTo: protocolName, in: try String(contentsOf: file, encoding: .utf8)))
        }
        return names
    }

    /// Declarations `struct|class|enum|actor|extension Name[<…>]: A, B, … {` whose conformance list
    /// names the protocol, with or without its module. Line comments are dropped first, so a
    /// declaration quoted in a doc comment does not count.
    static func declarations(conformingTo protocolName: String, in text: String) -> [String] {
        let code = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in line.range(of: "//").map { String(line[..<$0.lowerBound]) } ?? String(line) }
            .joined(separator: "\n")
        let declaration = /(?:struct|class|enum|actor|extension)\s+(\w+)\s*(?:<[^>{]*>)?\s*:([^{]*)\{/
        return code.matches(of: declaration).compactMap { match in
            let inheritance = match.output.2.split(separator: " where ").first ?? ""
            let conformances = inheritance.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            return conformances.contains { $0 == protocolName || $0.hasSuffix("." + protocolName) } ? String(match.output.1) : nil
        }
    }
}
