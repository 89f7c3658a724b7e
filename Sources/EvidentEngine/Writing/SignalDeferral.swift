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
enum SignalDeferral {
    static let signals = [SIGINT, SIGTERM, SIGHUP]

    static func run<T, Failure: Error>(deferring signals: [Int32] = signals, _ body: () throws(Failure) -> T) throws(Failure) -> T {
        for number in signals { arrivedSignals[Int(number)] = 0 }
        let previous = signals.map { signal($0) { number in arrivedSignals[Int(number)] = 1 } }
        defer {
            for (number, handler) in zip(signals, previous) { signal(number, handler) }
            // To the process, not this thread: a thread that blocks the signal would keep it pending.
            for number in signals where arrivedSignals[Int(number)] != 0 { kill(getpid(), number) }
        }
        return try body()
    }
}
