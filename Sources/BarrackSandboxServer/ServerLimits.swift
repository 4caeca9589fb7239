import NIOCore

/// How long `barrack sandbox serve` waits for a request and how much of it it reads, so that slow
/// or careless clients cannot hold the server.
///
/// A connection has `headerTimeout` to send a request's line and headers, counted from when it
/// opened or its previous answer was sent (an idle kept-alive connection is closed then, without
/// an answer), and then `bodyTimeout` to send the whole body (else 408 and the connection is
/// closed). A body larger than `maxBodyBytes` is refused with 413 before it is read when its
/// `Content-Length` says so, and as soon as it grows past the limit otherwise.
///
/// ```swift
/// let limits = ServerLimits(headerTimeout: .seconds(2), bodyTimeout: .seconds(2))
/// let server = try await SandboxServer.start(sandbox: sandbox, limits: limits)
/// ```
public struct ServerLimits: Sendable, Equatable {
    /// 10 s: a request on loopback arrives in well under a millisecond; a client that has sent no
    /// complete head after 10 s is stalled, not slow.
    public static let defaultHeaderTimeout = Duration.seconds(10)
    /// 10 s for the body, which is at most `maxBodyBytes`: 100 KB/s, far below any real link.
    public static let defaultBodyTimeout = Duration.seconds(10)
    /// 1 MiB: the largest body the contract allows is a startup script of 64 KB, which JSON
    /// escaping makes at most six times longer (384 KB) — with room to spare, never megabytes.
    public static let defaultMaxBodyBytes = 1 << 20

    /// The time a connection has to send a request's head.
    public var headerTimeout: Duration
    /// The time a request has to send its body after its head.
    public var bodyTimeout: Duration
    /// The largest body read, in bytes.
    public var maxBodyBytes: Int

    public init(headerTimeout: Duration = defaultHeaderTimeout, bodyTimeout: Duration = defaultBodyTimeout,
                maxBodyBytes: Int = defaultMaxBodyBytes) {
        self.headerTimeout = headerTimeout
        self.bodyTimeout = bodyTimeout
        self.maxBodyBytes = maxBodyBytes
    }
}

extension Duration {
    /// The same span as SwiftNIO schedules it.
    var timeAmount: TimeAmount {
        let (seconds, attoseconds) = components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }

    /// The span in seconds, for messages.
    var inSeconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
