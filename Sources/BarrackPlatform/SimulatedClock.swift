import BarrackScript

/// A platform whose time is simulated: the in-process sandbox, a rehearsal's copy.
public protocol SimulatedTime: AnyObject, Sendable {
    /// Seconds since 1970-01-01 UTC on the simulated clock.
    func now() -> Double
    /// Moves the simulated clock on.
    func advance(seconds: Double)
}

/// Scripts on a simulated platform sleep in simulated time: once the script has used the
/// platform, a `sleep 2h` or a `wait … every 10s` moves the platform's clock on at once instead of
/// holding the script, so a five-minute deploy is waited for in moments. Before that (a script
/// that never calls the platform), time is the machine's own and sleeps are real.
public struct SimulatedClock: ScriptClock {
    /// The platform once it is open (or seeded), else nil.
    let current: @Sendable () -> (any SimulatedTime)?

    /// A clock that follows whatever `current` gives.
    public init(following current: @escaping @Sendable () -> (any SimulatedTime)?) {
        self.current = current
    }

    public func now() -> Double {
        guard let platform = current() else { return SystemClock().now() }
        return platform.now()
    }

    public func sleep(milliseconds: Int, isInterrupted: () -> Bool) {
        guard let platform = current() else {
            SystemClock().sleep(milliseconds: milliseconds, isInterrupted: isInterrupted)
            return
        }
        guard !isInterrupted() else { return }
        platform.advance(seconds: Double(milliseconds) / 1_000)
    }
}
