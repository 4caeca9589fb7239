#if canImport(Glibc)
    import Glibc
#endif
import Foundation
import Synchronization

/// Lets short runs go first: a run that has gone on for longer than `grace` (a runaway
/// `while true {}`, a long computation) waits at its checkpoints while any shorter run of another
/// learner is running, so it takes a processor only when nobody else needs it. It still ends at
/// its own limits, the time limit included.
///
/// A long run's thread also moves to Linux's `SCHED_IDLE` policy, so that it yields the processor
/// to the server's own work (HTTP, the database) too, not only to other runs. bench/playground
/// measures the effect (docs/PLAYGROUND.md, "Load").
final class RunGate: Sendable {
    /// How long a run counts as short: a lesson's run takes about 5 ms.
    static let grace: Duration = .milliseconds(25)
    /// How long a long run sleeps, in microseconds, between looks at the short runs.
    static let pause: UInt32 = 200

    /// Runs that are still short.
    fileprivate let shortRuns = Atomic<Int>(0)

    /// Whether some short run is running.
    var isBusy: Bool { shortRuns.load(ordering: .relaxed) > 0 }

    /// Linux's `SCHED_IDLE` policy (`<sched.h>`), which Swift does not import.
    private static let idlePolicy: Int32 = 5

    /// Moves the calling OS thread to the idle policy (nice 19 where that is refused). It needs no
    /// privilege, and the thread ends with its run.
    static func lowerCurrentThread() {
        #if canImport(Glibc)
            var parameters = sched_param()
            parameters.sched_priority = 0
            if sched_setscheduler(0, idlePolicy, &parameters) != 0 {
                _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
            }
        #endif
    }

    /// A ticket for a run that starts now; `startsLong` for a run of a learner whose last run hit
    /// a limit (a runaway run again and again gets no grace).
    func enter(startsLong: Bool) -> Ticket {
        Ticket(gate: self, startsLong: startsLong)
    }

    /// One run's place at the gate.
    final class Ticket: @unchecked Sendable {
        private let gate: RunGate
        private let started = ContinuousClock.now
        // Touched only by the run's checkpoints (under its interpreter lock) and its end.
        private var isShort: Bool
        private var isLowered = false

        fileprivate init(gate: RunGate, startsLong: Bool) {
            self.gate = gate
            isShort = !startsLong
            if isShort { gate.shortRuns.add(1, ordering: .relaxed) }
        }

        /// At a checkpoint: a run past its grace waits while a short run runs, or until
        /// `isCancelled` (its time limit) says to stop waiting.
        func checkpoint(isCancelled: () -> Bool) {
            if isShort, ContinuousClock.now - started > RunGate.grace { leaveShort() }
            guard !isShort else { return }
            if !isLowered {
                isLowered = true
                RunGate.lowerCurrentThread()
            }
            while gate.isBusy, !isCancelled() { usleep(RunGate.pause) }
        }

        /// The run has ended.
        func finish() {
            if isShort { leaveShort() }
        }

        private func leaveShort() {
            isShort = false
            gate.shortRuns.subtract(1, ordering: .relaxed)
        }
    }
}
