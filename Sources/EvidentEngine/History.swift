import EvidentCore
import EvidentGit
import Foundation

/// Which history to read: the mainline (`ref`, default `mainline` in evident.yaml, else HEAD)
/// under `roots` (default: the program's compliance folders).
public struct HistoryRequest: Sendable {
    public var ref: String?
    /// Folders or files relative to the repository top, or absolute paths inside the working tree.
    public var roots: [String]
    /// Whether to use and extend the persisted index in the git dir.
    public var usesIndex: Bool

    public init(ref: String? = nil, roots: [String] = [], usesIndex: Bool = true) {
        self.ref = ref
        self.roots = roots
        self.usesIndex = usesIndex
    }
}

/// The history read, and a note for the user when the persisted index had to be rebuilt.
public struct HistoryResult: Sendable {
    public var history: MainlineHistory
    public var note: String?
}

extension ComplianceRepository {
    /// When each file under the roots was added, modified, deleted or changed type, from the
    /// mainline's first-parent history. `progress` is told the number of commits read so far.
    public func history(_ request: HistoryRequest, progress: ((Int) -> Void)? = nil) throws(EngineError) -> HistoryResult {
        let layout = try layout()
        let requested = request.roots.isEmpty ? layout.complianceFolders : request.roots
        let roots = try mapped { try requested.map { try HistoryRoot(relativeToTop($0)) } }
        let revision = try mainlineRevision(explicit: request.ref, layout: layout)
        let result = try mapped {
            try HistoryReader(repository: git, useIndex: request.usesIndex)
                .read(revision: revision, roots: roots, progress: progress.map { report in { report($0.commits) } })
        }
        let note: String? = switch result.index {
        case .rebuiltAfterRewrite(let previousTip):
            "the mainline was rewritten since the last run: commit \(previousTip.abbreviated()) is no longer on it; the history index was rebuilt"
        case .rebuiltUnreadable:
            "the history index was damaged or written by another version; it was rebuilt"
        case .notUsed, .built, .extended:
            nil
        }
        return HistoryResult(history: result.history, note: note)
    }

    /// An absolute path inside the working tree becomes relative to its top.
    private func relativeToTop(_ root: String) -> String {
        guard root.hasPrefix("/"), let top = git.workingDirectory?.standardizedFileURL.path else { return root }
        let prefix = top.hasSuffix("/") ? top : top + "/"
        if root == top || root + "/" == prefix { return "." }
        return root.hasPrefix(prefix) ? String(root.dropFirst(prefix.count)) : root
    }
}
