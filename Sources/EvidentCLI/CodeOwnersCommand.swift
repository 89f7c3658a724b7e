import ArgumentParser
import EvidentCore
import EvidentGit
import Foundation

/// `evident codeowners`: keeps a CODEOWNERS section that makes each control's and policy's owner
/// a required reviewer of changes to it.
struct CodeOwnersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codeowners",
        abstract: "Write (or --check) the CODEOWNERS section that maps every control and policy file to its owner's GitHub handle.",
        discussion: """
            The section sits between '# BEGIN evident' and '# END evident' in the CODEOWNERS file GitHub \
            reads (.github/CODEOWNERS, CODEOWNERS or docs/CODEOWNERS; created as .github/CODEOWNERS). \
            Lines outside it are kept. Owners are mapped through people.<owner>.github in evident.yaml \
            (else their email). With branch protection's "Require review from Code Owners", every \
            change to a control or policy then needs its owner's approval.
            """)

    @OptionGroup var repository: RepositoryOptions

    @Flag(help: "Do not write; exit 1 when the section is missing or out of date.")
    var check = false

    func run() throws {
        let repository = try repository.open()
        guard let top = repository.workingDirectory else {
            throw CommandFailure(.usage, "a bare repository has no working tree to write CODEOWNERS into")
        }
        let program: Program
        do {
            program = try Program.load(from: WorkingTreeSource(top: top))
        } catch {
            throw CommandFailure(.usage, "\(error)")
        }
        if let problem = program.diagnostics.first(where: { $0.severity == .error }) {
            throw CommandFailure(.usage, "\(problem.location): \(problem.message) [\(problem.ruleID)]; fix it (see `evident lint`) first")
        }
        let section = CodeOwners.section(for: program)
        let file = program.codeOwners?.file ?? CodeOwners.candidates[0]
        let current = program.codeOwners?.text
        let updated = CodeOwners.updating(current, with: section)
        var out = ""
        for unmapped in section.unmapped {
            out += "warning: \(unmapped): its owner has no github handle or email in evident.yaml, so no one is required to review it\n"
        }
        if check {
            let upToDate = current.flatMap { CodeOwners.currentSection(in: $0)?.text } == section.text
            out += upToDate ? "\(file): the Evident section is up to date\n" : "\(file): the Evident section is \(current.flatMap { CodeOwners.currentSection(in: $0) } == nil ? "missing" : "out of date"); run `evident codeowners`\n"
            FileHandle.standardOutput.write(Data(out.utf8))
            if !upToDate { throw ExitCode(ExitStatus.findings.rawValue) }
            return
        }
        if updated != current {
            let target = top.appendingPathComponent(file)
            do {
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(updated.utf8).write(to: target, options: .atomic)
            } catch {
                throw CommandFailure(.repository, "cannot write \(file): \(error.localizedDescription)")
            }
            out += "\(file): wrote \(program.controls.count + program.policies.count - section.unmapped.count) owner lines\n"
        } else {
            out += "\(file): already up to date\n"
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}
