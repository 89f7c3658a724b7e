import Foundation

/// The signal that arrived while `SignalDeferral.run` held it back (0: none). Written only by
/// the handler and read once the deferral ends.
nonisolated(unsafe) private var deferredSignal: Int32 = 0

/// Holds back SIGINT, SIGTERM and SIGHUP for the few milliseconds a set of renames takes, so
/// an interrupt or a `kill` never lands between them: the process finishes the step, then
/// dies of the signal as it would have. (SIGKILL cannot be held back; what it interrupts is
/// finished by the next run, see `RecordReplacement`.)
enum SignalDeferral {
    private static let signals = [SIGINT, SIGTERM, SIGHUP]

    static func run<T, Failure: Error>(_ body: () throws(Failure) -> T) throws(Failure) -> T {
        deferredSignal = 0
        let previous = signals.map { signal($0) { number in if deferredSignal == 0 { deferredSignal = number } } }
        defer {
            for (number, handler) in zip(signals, previous) { signal(number, handler) }
            if deferredSignal != 0 { raise(deferredSignal) }
        }
        return try body()
    }
}
