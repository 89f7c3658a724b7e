import ArgumentParser
import EvidentEngine
import EvidentReporting
import Foundation

/// `evident history`: when each file under the roots was added, modified, deleted or changed type.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show, from the mainline's first-parent history, when each file under the roots changed.",
        discussion: """
            A change made on a side branch lands at the merge commit, as 'git log --first-parent' shows it. \
            Repeat runs are incremental: an index kept in the repository's git dir is extended by the commits \
            that landed since the last run.
            """
    )

    @OptionGroup var repository: RepositoryOptions

    @Option(help: ArgumentHelp("The mainline to read (default: 'mainline' in evident.yaml, else HEAD).", valueName: "ref"))
    var ref: String?

    @Option(name: .customLong("root"), help: ArgumentHelp(
        "A folder or file, relative to the repository's top, whose history to show; repeatable (default: the compliance folders of evident.yaml).",
        valueName: "path"))
    var roots: [String] = []

    @OptionGroup var output: FormatOptions<HistoryFormat>

    @Flag(name: .customLong("no-index"), help: "Read the whole history again without using or updating the persisted index.")
    var noIndex = false

    func run() throws {
        let repository = try repository.open()
        let progress = TerminalProgress()
        defer { progress.finish() }
        let result = try repository.history(HistoryRequest(ref: ref, roots: roots, usesIndex: !noIndex), progress: progress.update)
        progress.finish()
        if let note = result.note {
            FileHandle.standardError.write(Data("evident: note: \(TerminalText.line(note))\n".utf8))
        }
        Output.write(try output.format.renderer.renderParts(result.history))
    }
}
