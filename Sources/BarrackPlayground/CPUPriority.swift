#if canImport(Glibc)
    import Glibc
#endif
import Foundation

/// Lowers the CPU priority of a run that goes on: a runaway script (`while true {}`) keeps running
/// until its time limit, but at the lowest priority, so that the short runs of every other
/// learner get the processors first (docs/PLAYGROUND.md, "Load").
enum CPUPriority {
    /// How long a run keeps its normal priority.
    static let grace: DispatchTimeInterval = .milliseconds(100)

    /// The calling OS thread's id, for `demote`; 0 when it cannot be known. Read from
    /// `/proc/thread-self` (`PID/task/TID`), as Swift does not import `gettid`.
    static func currentThread() -> Int32 {
        guard let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/thread-self"),
            let last = link.split(separator: "/").last, let id = Int32(last)
        else { return 0 }
        return id
    }

    /// Gives OS thread `thread` the lowest priority (nice 19) unless `isFinished()` by then.
    /// Lowering a thread's own priority needs no privilege; the thread ends with its run.
    static func demote(_ thread: Int32, after delay: DispatchTimeInterval = grace,
                       unless isFinished: @escaping @Sendable () -> Bool) {
        #if canImport(Glibc)
            DispatchQueue.global().asyncAfter(deadline: .now() + delay) {
                guard !isFinished(), thread > 0 else { return }
                _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(thread), 19)
            }
        #endif
    }
}
