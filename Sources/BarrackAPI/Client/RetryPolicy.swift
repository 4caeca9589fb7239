/// When and how long the client waits before trying a request again.
///
/// Up to `maxAttempts` attempts in all for a change; reads (and the lookup by name that settles
/// a create whose answer was lost) up to `readAttempts`, and deletions up to `deleteAttempts`,
/// each at least `maxAttempts` (`attempts(for:)`). The wait before attempt n+1 is
/// `min(maxDelay, initialDelay × 2^(n-1))`, then jittered to between half and all of it so that
/// many clients failing together do not return together; a 429's `Retry-After` is waited exactly,
/// unless it exceeds `maxRetryAfter`, in which case the error is returned at once. Sleeping and the
/// random source are injectable, so tests run instantly and deterministically.
public struct RetryPolicy: Sendable {
    /// Attempts of a change (a create, an action): default 3.
    public var maxAttempts: Int
    /// Attempts of a read, a quote or a lookup by name, which repeat nothing: default 6, so that
    /// a create whose answer was lost is looked for harder than it was sent (a platform failing
    /// half of all requests fails six in a row 1.6 % of the time, three in a row 12.5 %), and a
    /// read that keeps failing still gives up within 8–16 s.
    public var readAttempts: Int
    /// Attempts of a deletion, which stops a charge and may be sent again safely (a `NOT_FOUND`
    /// on a retry settles it): default 10, so cleanup in `finally`, `defer` or `barrack leftovers
    /// --clean` outlasts a failing platform (0.5^10 ≈ 0.1 %) within about 47 s.
    public var deleteAttempts: Int
    public var initialDelay: Duration
    public var maxDelay: Duration
    public var maxRetryAfter: Duration
    /// Waits; the default is `Task.sleep`, which throws `CancellationError` when cancelled.
    public var sleep: @Sendable (Duration) async throws -> Void
    /// A number in 0..<1 for the jitter.
    public var random: @Sendable () -> Double

    /// 3 attempts, 0.5 s doubling to at most 8 s: a platform hiccup (a 502 from a restarting node)
    /// passes within seconds, and a caller waits 12 s at worst before hearing of a lasting failure.
    public static let standard = RetryPolicy()

    /// One attempt only, for every operation.
    public static let none = RetryPolicy(maxAttempts: 1, readAttempts: 1, deleteAttempts: 1)

    public init(
        maxAttempts: Int = 3, readAttempts: Int = 6, deleteAttempts: Int = 10, initialDelay: Duration = .milliseconds(500),
        maxDelay: Duration = .seconds(8), maxRetryAfter: Duration = .seconds(60),
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.readAttempts = max(1, readAttempts)
        self.deleteAttempts = max(1, deleteAttempts)
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
        self.sleep = sleep
        self.random = random
    }

    /// How many attempts `endpoint` gets: a read's or a deletion's budget, else a change's; never
    /// fewer than `maxAttempts`, so a profile that raises `max_attempts` raises them all.
    public func attempts(for endpoint: Endpoint) -> Int {
        if endpoint.isSafeToRepeat { return max(readAttempts, maxAttempts) }
        if endpoint.method == .delete { return max(deleteAttempts, maxAttempts) }
        return maxAttempts
    }

    /// The jittered wait after the failed attempt number `attempt` (from 1).
    public func backoff(afterAttempt attempt: Int) -> Duration {
        let exponent = min(max(attempt - 1, 0), 30)
        let full = min(maxDelay, initialDelay * (1 << exponent))
        return full * (0.5 + 0.5 * min(max(random(), 0), 1))
    }
}
