import Foundation

/// For each signal number, whether it arrived while `SignalDeferral.run` held it back. Set
/// only by the handler (a plain store, which is safe in a signal handler), read once the
/// deferral ends. Allocated once, before any handler can run.
nonisolated(unsafe) private let arrivedSignals: UnsafeMutablePointer<Int32> = {
    let flags = UnsafeMutablePointer<Int32>.allocate(capacity: 128)
    flags.initialize(repeating: 0, count: 128)
    return flags
}()

/// Holds back SIGINT, SIGTERM and SIGHUP for the few milliseconds a set of renames takes, so
/// an interrupt or a `kill` never lands between them: the process finishes the step, then
/// dies of the signal as it would have. (SIGKILL cannot be held back; what it interrupts is
/// finished by the next run, see `RecordReplacement`.)
///
/// Deferrals may overlap (writes on several threads, as in the tests): the first to hold a
/// signal back installs the handler, the last to let go restores the previous one and sends
/// the signal on if it came.
enum SignalDeferral {
    static let signals = [SIGINT, SIGTERM, SIGHUP]

    private struct Held {
        var depth = 0
        var previous: (@convention(c) (Int32) -> Void)?
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var held: [Int32: Held] = [:]

    static func run<T, Failure: Error>(deferring signals: [Int32] = signals, _ body: () throws(Failure) -> T) throws(Failure) -> T {
        hold(signals)
        defer { release(signals) }
        return try body()
    }

    private static func hold(_ signals: [Int32]) {
        lock.lock()
        defer { lock.unlock() }
        for number in signals {
            var entry = held[number] ?? Held()
            if entry.depth == 0 {
                arrivedSignals[Int(number)] = 0
                entry.previous = signal(number) { number in arrivedSignals[Int(number)] = 1 }
            }
            entry.depth += 1
            held[number] = entry
        }
    }

    private static func release(_ signals: [Int32]) {
        lock.lock()
        defer { lock.unlock() }
        for number in signals {
            guard var entry = held[number] else { continue }
            entry.depth -= 1
            held[number] = entry
            guard entry.depth == 0 else { continue }
            signal(number, entry.previous)
            // To the process, not this thread: a thread that blocks the signal would keep it pending.
            if arrivedSignals[Int(number)] != 0 { kill(getpid(), number) }
        }
    }
}
