import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// Sends requests to the platform over HTTP with SwiftNIO's `AsyncHTTPClient`.
///
/// Request paths from the endpoint table start with `/api/`; the base URL names the API root
/// (`https://barrack.ai/api/`), so a trailing `/api` of the base URL is not repeated:
/// `https://barrack.ai/api/` + `/api/balance/` → `https://barrack.ai/api/balance/`, and
/// `http://127.0.0.1:8080` + `/api/balance/` → `http://127.0.0.1:8080/api/balance/`.
///
/// A request that carries a key (`Authorization` or `X-API-Key`) is refused unless it goes over
/// HTTPS or to a loopback address. Cancelling the calling task cancels the HTTP request.
///
/// Every request but a GET goes over a connection of its own (`Connection: close`): a request
/// sent over a kept-alive connection that the server has just closed fails without the client
/// knowing whether it arrived, and only the client's retry policy may decide to send a deploy
/// again. A fresh connection fails the attempt within milliseconds; it costs one connection
/// set-up per change, none per read.
///
/// Why not Foundation's `URLSession`: on Linux it is FoundationNetworking over libcurl, and
/// linking it costs every start of `barrack` 11–15 ms, scripts that never call the platform
/// included (docs/PERFORMANCE.md, "Start-up"); it also resent a dropped POST by itself.
public struct HTTPTransport: Transport, CustomStringConvertible {
    public let baseURL: URL
    let root: URL
    let client: HTTPClient

    /// The client transports share unless given another: up to 32 connections to one host,
    /// because `parallel for … limit 16` sends 16 requests at once. Connection failures are not
    /// retried inside the client: whether to try again is the retry policy's decision.
    public static let defaultClient: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 32
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout.connect = .seconds(10)
        return HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: configuration)
    }()

    /// The longest answer body accepted (64 MiB); a longer one is a broken answer.
    static let maxBodyBytes = 64 << 20

    /// How long a request waits for its whole answer when it names no timeout of its own.
    static let defaultTimeout: TimeAmount = .seconds(60)

    /// Creates a transport for `baseURL`.
    ///
    /// Throws `BarrackAPIError` `CONFIGURATION` for a URL that is not an absolute http(s) URL.
    public init(baseURL: URL, client: HTTPClient = HTTPTransport.defaultClient) throws {
        guard let scheme = baseURL.scheme?.lowercased(), scheme == "http" || scheme == "https",
            baseURL.host != nil,
            var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false)
        else {
            throw BarrackAPIError(
                .configuration, message: "the API URL '\(baseURL.absoluteString)' is not an absolute http(s) URL")
        }
        var path = components.path
        while path.hasSuffix("/") { path.removeLast() }
        if path.hasSuffix("/api") { path.removeLast(4) }
        components.path = path
        components.query = nil
        components.fragment = nil
        guard let root = components.url else {
            throw BarrackAPIError(.configuration, message: "the API URL '\(baseURL.absoluteString)' cannot be used")
        }
        self.baseURL = baseURL
        self.root = root
        self.client = client
    }

    /// Creates a transport for a base URL given as text (from the environment or a config file).
    public init(baseURL: String, client: HTTPClient = HTTPTransport.defaultClient) throws {
        guard let url = URL(string: baseURL) else {
            throw BarrackAPIError(.configuration, message: "the API URL '\(baseURL)' is not a valid URL")
        }
        try self.init(baseURL: url, client: client)
    }

    public var description: String { "HTTPTransport(\(baseURL.absoluteString))" }

    /// The full URL of a request.
    func url(for request: TransportRequest) throws -> URL {
        guard let url = URL(string: root.absoluteString + request.target) else {
            throw TransportError(.refused, "cannot form a URL from \(root.absoluteString) and \(request.path)")
        }
        return url
    }

    public func send(_ request: TransportRequest) async throws -> TransportResponse {
        let url = try url(for: request)
        if request.header(named: "Authorization") != nil || request.header(named: "X-API-Key") != nil,
            let problem = URLSecurity.problemSendingKey(to: url)
        {
            throw TransportError(.refused, problem)
        }
        var outgoing = HTTPClientRequest(url: url.absoluteString)
        outgoing.method = NIOHTTP1.HTTPMethod(rawValue: request.method.rawValue)
        for (name, value) in request.headers { outgoing.headers.replaceOrAdd(name: name, value: value) }
        if request.method != .get { outgoing.headers.replaceOrAdd(name: "Connection", value: "close") }
        if let body = request.body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
        var timeout = Self.defaultTimeout
        if let limit = request.timeout {
            let (seconds, attoseconds) = limit.components
            timeout = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        }
        let target = "\(request.method.rawValue) \(request.path)"
        do {
            let response = try await client.execute(outgoing, timeout: timeout)
            let body = try await response.body.collect(upTo: Self.maxBodyBytes)
            var headers: [String: String] = [:]
            for header in response.headers {
                if let earlier = headers[header.name] {
                    headers[header.name] = earlier + ", " + header.value
                } else {
                    headers[header.name] = header.value
                }
            }
            return TransportResponse(status: Int(response.status.code), headers: headers, body: Data(body.readableBytesView))
        } catch {
            throw Self.transportError(error, target: target, host: url.host ?? "the host")
        }
    }

    /// Classifies an HTTP client failure by whether the request can have reached the server.
    static func transportError(_ error: any Error, target: String, host: String) -> any Error {
        if error is CancellationError { return error }
        if let failure = error as? HTTPClientError {
            switch failure {
            case .cancelled, .requestStreamCancelled:
                return CancellationError()
            case .deadlineExceeded, .readTimeout, .writeTimeout:
                return TransportError(.timedOut, "\(target): no answer in time")
            case .connectTimeout, .tlsHandshakeTimeout, .invalidURL, .emptyHost, .emptyScheme,
                .getConnectionFromPoolTimeout:
                return TransportError(.notConnected, "\(target): cannot connect to \(host) (\(failure))")
            default:
                return TransportError(.connectionLost, "\(target): \(failure)")
            }
        }
        if error is NIOConnectionError || error is NIOSSLError || error is BoringSSLError || error is SocketAddressError
            || Self.isConnectTimeout(error)
        {
            return TransportError(.notConnected, "\(target): cannot connect to \(host) (\(error))")
        }
        if let io = error as? IOError, [ECONNREFUSED, ENETUNREACH, EHOSTUNREACH, EADDRNOTAVAIL].contains(io.errnoCode) {
            return TransportError(.notConnected, "\(target): cannot connect to \(host) (\(io))")
        }
        return TransportError(.connectionLost, "\(target): \(error)")
    }

    private static func isConnectTimeout(_ error: any Error) -> Bool {
        if let channel = error as? ChannelError, case .connectTimeout = channel { return true }
        return false
    }
}
