import Foundation

/// The sandbox's simulated time: it runs faster than real time by a speed factor, and can be moved
/// on at will.
///
/// Simulated time is `start + (real elapsed) × speed + (explicit advances)`. The platform's waits
/// are minutes long (a deploy takes 2–5), so the default speed of 60 makes a deploy take a few real
/// seconds. A speed of 0 freezes the clock: only `advance(by:)` and `sleep(seconds:)` move it,
/// which makes tests deterministic.
///
/// ```swift
/// let clock = SandboxClock(start: Date(timeIntervalSince1970: 0), speed: 0)
/// clock.advance(by: 300)           // a deploy has finished
/// try await clock.sleep(seconds: 10) // frozen clock: advances by 10 at once
/// ```
public final class SandboxClock: @unchecked Sendable {
    private let lock = NSLock()
    private var simulatedAnchor: Date
    private var realAnchor: Date
    private var currentSpeed: Double
    private let realNow: @Sendable () -> Date

    /// Creates a clock showing `start` now and running `speed` times faster than real time.
    ///
    /// - Parameter realNow: the real clock, replaceable in tests.
    public init(start: Date, speed: Double, realNow: @escaping @Sendable () -> Date = { Date() }) {
        simulatedAnchor = start
        self.realNow = realNow
        realAnchor = realNow()
        currentSpeed = max(0, speed)
    }

    /// The simulated time now.
    public var now: Date {
        lock.withLock { nowLocked() }
    }

    /// Simulated seconds per real second; 0 means the clock moves only when told.
    public var speed: Double {
        get { lock.withLock { currentSpeed } }
        set {
            lock.withLock {
                rebase()
                currentSpeed = max(0, newValue)
            }
        }
    }

    /// Moves simulated time on by `seconds` at once (negative values are ignored: time never runs
    /// backwards).
    public func advance(by seconds: TimeInterval) {
        guard seconds > 0 else { return }
        lock.withLock { simulatedAnchor += seconds }
    }

    /// Sets the clock to `date` when that is later than now.
    public func advance(to date: Date) {
        lock.withLock {
            let current = nowLocked()
            if date > current { simulatedAnchor += date.timeIntervalSince(current) }
        }
    }

    /// Waits until `seconds` of simulated time have passed.
    ///
    /// A running clock sleeps `seconds / speed` real seconds; a frozen clock advances by `seconds`
    /// at once, so a script's `wait … every 10s` costs no real time in tests.
    public func sleep(seconds: TimeInterval) async throws {
        guard seconds > 0 else { return }
        let currentSpeed = speed
        if currentSpeed == 0 {
            advance(by: seconds)
            return
        }
        try await Task.sleep(nanoseconds: UInt64(seconds / currentSpeed * 1_000_000_000))
    }

    func setAnchor(_ date: Date) {
        lock.withLock {
            simulatedAnchor = date
            realAnchor = realNow()
        }
    }

    private func nowLocked() -> Date {
        simulatedAnchor + realNow().timeIntervalSince(realAnchor) * currentSpeed
    }

    private func rebase() {
        simulatedAnchor = nowLocked()
        realAnchor = realNow()
    }
}

extension SandboxClock {
    /// Puts the clock back to `date` (for `barrack sandbox reset`).
    func reset(to date: Date) {
        setAnchor(date)
    }
}
