/// When and how long the client waits before trying a request again.
///
/// Up to `maxAttempts` attempts in all. The wait before attempt n+1 is
/// `min(maxDelay, initialDelay × 2^(n-1))`, then jittered to between half and all of it so that
/// many clients failing together do not return together; a 429's `Retry-After` is waited exactly,
/// unless it exceeds `maxRetryAfter`, in which case the error is returned at once. Sleeping and the
/// random source are injectable, so tests run instantly and deterministically.
public struct RetryPolicy: Sendable {
    public var maxAttempts: Int
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

    /// One attempt only.
    public static let none = RetryPolicy(maxAttempts: 1)

    public init(
        maxAttempts: Int = 3, initialDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(8),
        maxRetryAfter: Duration = .seconds(60),
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
        self.sleep = sleep
        self.random = random
    }

    /// The jittered wait after the failed attempt number `attempt` (from 1).
    public func backoff(afterAttempt attempt: Int) -> Duration {
        let exponent = min(max(attempt - 1, 0), 30)
        let full = min(maxDelay, initialDelay * (1 << exponent))
        return full * (0.5 + 0.5 * min(max(random(), 0), 1))
    }
}
