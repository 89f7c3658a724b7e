/// A test seam: counts the steps of a write (each file staged, the commit point, each file
/// moved into place) and stops the write at one of them, as a failure there or a kill there
/// would. A failure is an error the writer cleans up after; a kill stops it dead, with no
/// clean-up at all, leaving the disk as `kill -9` would for the next run to deal with.
final class WriteFaults {
    enum Stop {
        case failure
        case kill
    }

    let step: Int
    let stop: Stop
    /// The steps passed so far (when the write completes: how many it has).
    private(set) var passed = 0
    /// Whether the write was killed: from then on nothing of it may run.
    private(set) var killed = false

    init(at step: Int, _ stop: Stop) {
        self.step = step
        self.stop = stop
    }

    /// Called by a writer after each step.
    func pass(_ label: String) throws(FileSystemError) {
        defer { passed += 1 }
        guard passed == step else { return }
        killed = stop == .kill
        throw FileSystemError("go on after \(label)", "(step \(step))", reason: killed ? "killed there (injected)" : "an injected failure")
    }
}

extension Optional where Wrapped == WriteFaults {
    func pass(_ label: String) throws(FileSystemError) {
        try self?.pass(label)
    }

    /// Whether clean-up must not run, because the write is being abandoned as a kill would.
    var killed: Bool { self?.killed ?? false }
}
