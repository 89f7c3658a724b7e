import EvidentCore
import Foundation

/// What `codeOwners(check:)` found or did.
public struct CodeOwnersOutcome: Sendable, Equatable {
    public enum State: Sendable, Equatable {
        /// Checked: the section matches the program.
        case upToDate
        /// Checked: the file has no Evident section.
        case missing
        /// Checked: the section differs from the program.
        case outOfDate
        /// Written, with this many owner lines.
        case written(lines: Int)
        /// Nothing to write: the file already had the section.
        case unchanged
    }

    /// The CODEOWNERS file, relative to the repository top.
    public var file: String
    /// Controls and policies whose owner has no GitHub handle or email.
    public var unmapped: [String]
    public var state: State
}

extension ComplianceRepository {
    /// Writes (or, with `check`, compares) the CODEOWNERS section that makes each control's
    /// and policy's owner a required reviewer of changes to it.
    public func codeOwners(check: Bool) throws(EngineError) -> CodeOwnersOutcome {
        let top = try workingTree(toDo: "to write CODEOWNERS into")
        try requireProgram(inWorkingTree: top)
        let program: Program
        do {
            program = try Program.load(from: WorkingTreeSource(top: top))
        } catch {
            throw EngineError(.usage, "\(error)")
        }
        try requireLintClean(program, before: "first")
        let section = CodeOwners.section(for: program)
        let file = program.codeOwners?.file ?? CodeOwners.candidates[0]
        let current = program.codeOwners?.text
        let currentSection = current.flatMap { CodeOwners.currentSection(in: $0) }
        if check {
            let state: CodeOwnersOutcome.State = currentSection?.text == section.text ? .upToDate : currentSection == nil ? .missing : .outOfDate
            return CodeOwnersOutcome(file: file, unmapped: section.unmapped, state: state)
        }
        let updated = CodeOwners.updating(current, with: section)
        guard updated != current else { return CodeOwnersOutcome(file: file, unmapped: section.unmapped, state: .unchanged) }
        // Never through a link: the program above reported any on the way (PATH-SYMLINK), and
        // the working tree refuses them again here, before the locked write replaces the file.
        let tree = WorkingTree(top: top)
        try mapped {
            _ = try tree.makeFolders((file as NSString).deletingLastPathComponent)
            if case .symbolicLink(let link) = try tree.lookUp(file) { throw WorkingTreeError(link, .symbolicLink) }
        }
        let session = try writeSession(toDo: "to write CODEOWNERS into")
        defer { session.finish() }
        do {
            try session.makeFolders((file as NSString).deletingLastPathComponent)
            try session.replaceFile(session.top + "/" + file, with: Array(updated.utf8))
        } catch {
            throw EngineError(.repository, error.description)
        }
        return CodeOwnersOutcome(file: file, unmapped: section.unmapped,
                                 state: .written(lines: program.controls.count + program.policies.count - section.unmapped.count))
    }
}
