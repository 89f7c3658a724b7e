import ArgumentParser
import EvidentCore
import EvidentGit
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

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var repository: RepositoryOptions

    @Option(help: ArgumentHelp("The mainline to read (default: 'mainline' in evident.yaml, else HEAD).", valueName: "ref"))
    var ref: String?

    @Option(name: .customLong("root"), help: ArgumentHelp(
        "A folder or file, relative to the repository's top, whose history to show; repeatable (default: the compliance folders of evident.yaml).",
        valueName: "path"))
    var roots: [String] = []

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Flag(name: .customLong("no-index"), help: "Read the whole history again without using or updating the persisted index.")
    var noIndex = false

    func run() throws {
        let repository = try repository.open()
        let layout = try programLayout(of: repository)
        let roots = try parsedRoots(repository: repository, layout: layout)
        let revision = try mainlineRevision(explicit: ref, layout: layout, repository: repository)

        let progress = TerminalProgress()
        let result: (history: MainlineHistory, index: HistoryIndexOutcome)
        do {
            result = try HistoryReader(repository: repository, useIndex: !noIndex)
                .read(revision: revision, roots: roots, progress: progress.update)
        } catch {
            progress.finish()
            throw CommandFailure(error)
        }
        progress.finish()
        report(result.index)

        switch format {
        case .text:
            FileHandle.standardOutput.write(Data(HistoryTextRenderer.renderBytes(result.history)))
        case .json:
            try FileHandle.standardOutput.write(contentsOf: HistoryJSON.bytes(result.history))
        }
    }

    private func parsedRoots(repository: Repository, layout: ProgramLayout) throws(CommandFailure) -> [HistoryRoot] {
        let requested = roots.isEmpty ? layout.complianceFolders : roots
        var parsed: [HistoryRoot] = []
        for root in requested {
            do {
                parsed.append(try HistoryRoot(relativeToTop(root, repository: repository)))
            } catch {
                throw CommandFailure(error)
            }
        }
        return parsed
    }

    /// An absolute path inside the working tree becomes relative to its top.
    private func relativeToTop(_ root: String, repository: Repository) -> String {
        guard root.hasPrefix("/"), let top = repository.workingDirectory?.standardizedFileURL.path else { return root }
        let prefix = top.hasSuffix("/") ? top : top + "/"
        if root == top || root + "/" == prefix { return "." }
        return root.hasPrefix(prefix) ? String(root.dropFirst(prefix.count)) : root
    }

    private func report(_ outcome: HistoryIndexOutcome) {
        let note: String
        switch outcome {
        case .rebuiltAfterRewrite(let previousTip):
            note = "the mainline was rewritten since the last run: commit \(previousTip.abbreviated()) is no longer on it; the history index was rebuilt"
        case .rebuiltUnreadable:
            note = "the history index was damaged or written by another version; it was rebuilt"
        case .notUsed, .built, .extended:
            return
        }
        FileHandle.standardError.write(Data("evident: note: \(note)\n".utf8))
    }
}
