import BarrackSandbox
import Dispatch
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// `barrack sandbox serve`: the sandbox over real HTTP/1.1 with the contract's paths and JSON,
/// built on SwiftNIO.
///
/// ```swift
/// let server = try await SandboxServer.start(sandbox: sandbox, host: "127.0.0.1", port: 0)
/// print(server.port)          // the port the system chose
/// try await server.stop()
/// ```
public final class SandboxServer: Sendable {
    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel

    /// The address the server listens on, as `host:port`.
    public let address: String
    /// The bound port (the system's choice when started with port 0).
    public let port: Int

    private init(group: MultiThreadedEventLoopGroup, channel: any Channel, host: String) {
        self.group = group
        self.channel = channel
        port = channel.localAddress?.port ?? 0
        address = "\(host):\(port)"
    }

    /// Binds `host:port` and starts answering; port 0 picks a free port.
    ///
    /// - Parameters:
    ///   - limits: the read timeouts and the largest body (`ServerLimits`).
    ///   - log: receives one line per request; `barrack sandbox serve` writes it to stderr.
    public static func start(
        sandbox: Sandbox, host: String = "127.0.0.1", port: Int = 0, faults: FaultInjector? = nil,
        limits: ServerLimits = ServerLimits(), log: @escaping @Sendable (String) -> Void = { _ in }
    ) async throws -> SandboxServer {
        // One event loop: the sandbox serialises every request behind one lock anyway, so more
        // threads would only wait on it.
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(
                        SandboxHTTPHandler(sandbox: sandbox, faults: faults, limits: limits, log: log))
                }
            }
        do {
            let channel = try await bootstrap.bind(host: host, port: port).get()
            return SandboxServer(group: group, channel: channel, host: host)
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
    }

    /// Stops listening, closes every connection and releases the event loop.
    public func stop() async throws {
        try? await channel.close()
        try await group.shutdownGracefully()
    }

    /// Runs until one of `signals` arrives, then stops cleanly.
    ///
    /// Make the watch before telling anyone that the server is up: a signal that arrives while it
    /// is being made can be lost, and the server would then never stop.
    public func run(until signals: ShutdownSignals) async throws {
        await signals.next()
        signals.cancel()
        try await stop()
    }
}

/// Waits for SIGINT or SIGTERM through Dispatch sources, with the default action switched off so
/// that the process survives to shut down cleanly.
public final class ShutdownSignals: @unchecked Sendable {
    private let sources: [any DispatchSourceSignal]
    private let stream: AsyncStream<Int32>

    /// Starts watching at once; a signal that arrives before `next()` is kept for it.
    public init(signals: [Int32] = [SIGINT, SIGTERM]) {
        var continuation: AsyncStream<Int32>.Continuation?
        stream = AsyncStream { continuation = $0 }
        sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation?.yield(number) }
            source.resume()
            return source
        }
    }

    /// Returns when one of the signals has arrived.
    public func next() async {
        for await _ in stream { return }
    }

    /// Stops watching.
    public func cancel() {
        sources.forEach { $0.cancel() }
    }
}
