import EvidentGit
import Foundation

/// A one-line progress display on stderr, shown only on a terminal and only once the work
/// has taken longer than a moment.
final class TerminalProgress {
    private let enabled: Bool
    private let start = Date()
    private var shown = false

    init(delay: TimeInterval = 0.4) {
        enabled = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["CI"] == nil
        self.delay = delay
    }

    private let delay: TimeInterval

    func update(_ progress: HistoryProgress) {
        guard enabled, Date().timeIntervalSince(start) >= delay else { return }
        let text: String
        switch progress.phase {
        case .walkingMainline:
            text = "reading mainline history: \(progress.done) commits"
        case .comparingTrees:
            let total = progress.total ?? 0
            let percent = total > 0 ? progress.done * 100 / total : 0
            text = "comparing trees: \(progress.done)/\(total) commits (\(percent)%)"
        }
        write("\r\u{1B}[K" + text)
        shown = true
    }

    func finish() {
        if shown { write("\r\u{1B}[K") }
        shown = false
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
