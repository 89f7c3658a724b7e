import ArgumentParser
import EvidentGit
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

        static let marker = "# Installed by 'evident hook install'."

        @OptionGroup var repository: RepositoryOptions

        @Flag(help: "Replace an existing pre-commit hook that Evident did not write.")
        var force = false

        func run() throws {
            let repository = try repository.open()
            let hooks = repository.hooksDirectory
            let hook = hooks.appendingPathComponent("pre-commit")
            if let existing = FileManager.default.contents(atPath: hook.path), !String(decoding: existing, as: UTF8.self).contains(Self.marker), !force {
                throw CommandFailure(.usage, "\(hook.path) already exists and was not written by Evident; rerun with --force to replace it")
            }
            let script = """
                #!/bin/sh
                \(Self.marker)
                # Lints what is about to be committed; the commit stops when the program has errors.
                exec \(shellQuoted(Self.evidentExecutable)) lint --staged

                """
            do {
                try FileManager.default.createDirectory(at: hooks, withIntermediateDirectories: true)
                let temporary = hooks.appendingPathComponent(".pre-commit.evident.tmp")
                try Data(script.utf8).write(to: temporary)
                try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: temporary.path)
                guard rename(temporary.path, hook.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
            } catch {
                throw CommandFailure(.repository, "cannot write \(hook.path): \(error.localizedDescription)")
            }
            FileHandle.standardOutput.write(Data("Installed \(hook.path): every commit now runs 'evident lint --staged'.\n".utf8))
        }

        /// This binary's absolute path, so the hook works without `evident` on PATH.
        static var evidentExecutable: String {
            let path = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
            if CommandLine.arguments[0].contains("/") { return path }
            return "evident"
        }

        private func shellQuoted(_ text: String) -> String {
            "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }
    }
}
