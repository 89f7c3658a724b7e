import Foundation

/// A one-line progress display on stderr, shown only on a terminal and only once the work
/// has taken longer than a moment.
final class TerminalProgress {
    private let enabled: Bool
    private let start = Date()
    private var shown = false

    private let delay: TimeInterval

    init(delay: TimeInterval = 0.4) {
        enabled = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["CI"] == nil
        self.delay = delay
    }

    /// `commits`: how many mainline commits have been read so far.
    func update(_ commits: Int) {
        guard enabled, Date().timeIntervalSince(start) >= delay else { return }
        write("\r\u{1B}[Kreading mainline history: \(commits) commits")
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
