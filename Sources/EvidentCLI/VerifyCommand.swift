import ArgumentParser
import EvidentEngine
import EvidentReporting

/// `evident verify`: the committed audit records still stand.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that every committed audit record is intact: its commit is still on the mainline, and re-auditing that commit gives the same bytes (so the chain of sha-256 links holds).")

    @OptionGroup var repository: RepositoryOptions

    func run() throws {
        let report = try repository.open().verify()
        Output.write(try VerificationRenderer().render(report))
        if !report.isClean { throw ExitCode.findings }
    }
}
