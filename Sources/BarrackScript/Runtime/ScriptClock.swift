#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The time a script sees: `now()`, `sleep`, and the pacing of `wait until`.
///
/// A host can give its own: the platform sandbox runs scripts on its simulated clock, so that a
/// `wait until … every 10s` over a five-minute deploy takes seconds.
public protocol ScriptClock: Sendable {
    /// Seconds since 1970-01-01 UTC.
    func now() -> Double
    /// Waits `milliseconds`, polling `isInterrupted` often enough to stop within a tenth of a second.
    func sleep(milliseconds: Int, isInterrupted: () -> Bool)
}

/// The machine's own clock.
public struct SystemClock: ScriptClock {
    /// Creates the system clock.
    public init() {}

    public func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    public func sleep(milliseconds: Int, isInterrupted: () -> Bool) {
        var remaining = milliseconds
        while remaining > 0, !isInterrupted() {
            let chunk = min(remaining, 100)
            usleep(UInt32(chunk) * 1_000)
            remaining -= chunk
        }
    }
}
