/// What one run of a learner's script may use, and what the server accepts (`barrack playground
/// serve` flags; docs/PLAYGROUND.md).
public struct PlaygroundLimits: Sendable {
    /// Loop iterations and calls per run (`STEP_LIMIT`).
    public var steps = 2_000_000
    /// Wall-clock seconds per run (`TIME_LIMIT`).
    public var seconds = 5.0
    /// Bytes of `print` output per run (`OUTPUT_LIMIT`).
    public var outputBytes = 65_536
    /// Megabytes a run's lists, maps and strings may hold (`MEMORY_LIMIT`).
    public var memoryMegabytes = 64
    /// Bytes of source per run (`413 TOO_LARGE`).
    public var scriptBytes = 65_536
    /// Seconds a session may stay idle before it and its sandbox are removed.
    public var sessionIdleSeconds = 24.0 * 3_600
    /// Sessions at once; a new learner past it gets `503 FULL`.
    public var sessions = 1_000
    /// Seconds a connection may wait for a request's header, or between parts of its body, before
    /// it is closed (and between requests on a kept-alive connection). 10, because a browser on a
    /// classroom's network sends a run's body in milliseconds; a connection that sends nothing
    /// for that long is stalled or hostile, and each one holds a descriptor.
    public var readTimeoutSeconds = 10.0
    /// Share links a session may make in a minute (`429 RATE_LIMITED` past it): a class shares a
    /// few scripts an hour, a loop that fills the database does not get far.
    public var sharesPerMinute = 5

    /// The defaults.
    public init() {}
}
