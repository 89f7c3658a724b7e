import ArgumentParser
import EvidentEngine
import EvidentReporting

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
        let outcome = try repository.open().codeOwners(check: check)
        var out = outcome.unmapped.map {
            "warning: \(TerminalText.line($0)): its owner has no github handle or email in evident.yaml, so no one is required to review it\n"
        }.joined()
        let file = TerminalText.path(outcome.file)
        switch outcome.state {
        case .upToDate: out += "\(file): the Evident section is up to date\n"
        case .missing: out += "\(file): the Evident section is missing; run `evident codeowners`\n"
        case .outOfDate: out += "\(file): the Evident section is out of date; run `evident codeowners`\n"
        case .written(let lines): out += "\(file): wrote \(lines) owner lines\n"
        case .unchanged: out += "\(file): already up to date\n"
        }
        Output.write(out)
        if outcome.state == .missing || outcome.state == .outOfDate { throw ExitCode.findings }
    }
}
