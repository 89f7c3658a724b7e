import ArgumentParser
import EvidentEngine
import EvidentReporting
import Foundation

/// `evident hook install`: the git pre-commit hook that runs `evident lint --staged`.
struct HookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hook",
        abstract: "Manage the git pre-commit hook.",
        subcommands: [Install.self])

    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "install",
            abstract: "Install a pre-commit hook that runs 'evident lint --staged'.",
            discussion: "A hook Evident did not write is left alone unless --force is given.")

        @OptionGroup var repository: RepositoryOptions

        @Flag(help: "Replace an existing pre-commit hook that Evident did not write.")
        var force = false

        func run() throws {
            let hook = try repository.open().installPreCommitHook(running: Self.evidentExecutable, force: force)
            Output.write("Installed \(TerminalText.path(hook.path)): every commit now runs 'evident lint --staged'.\n")
        }

        /// This binary's absolute path, so the hook works without `evident` on PATH.
        static var evidentExecutable: String {
            let path = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
            if CommandLine.arguments[0].contains("/") { return path }
            return "evident"
        }
    }
}
