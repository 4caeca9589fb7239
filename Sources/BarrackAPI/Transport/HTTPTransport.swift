import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Sends requests to the platform over HTTP with Foundation's `URLSession`.
///
/// Request paths from the endpoint table start with `/api/`; the base URL names the API root
/// (`https://barrack.ai/api/`), so a trailing `/api` of the base URL is not repeated:
/// `https://barrack.ai/api/` + `/api/balance/` → `https://barrack.ai/api/balance/`, and
/// `http://127.0.0.1:8080` + `/api/balance/` → `http://127.0.0.1:8080/api/balance/`.
///
/// A request that carries a key (`Authorization` or `X-API-Key`) is refused unless it goes over
/// HTTPS or to a loopback address. Cancelling the calling task cancels the HTTP request.
///
/// Every request but a GET goes over a connection of its own (`Connection: close`, through
/// `bodySession`). On Linux, `URLSession` (libcurl) sends a request again by itself when a
/// kept-alive connection turns out closed: a POST with a body then waits out the whole timeout
/// (measured: 10 of 19 dropped POSTs waited 60 s) instead of failing at once, and a DELETE or a
/// bodiless POST (`stop`) is silently sent twice, which the client must decide, not libcurl. A
/// fresh connection fails the attempt within milliseconds and is never resent; it costs one
/// connection set-up per change, none per read.
public struct HTTPTransport: Transport, CustomStringConvertible {
    public let baseURL: URL
    let root: URL
    let session: URLSession
    let bodySession: URLSession

    /// The session transports share unless given another: up to 32 connections to one host,
    /// because `parallel for … limit 16` sends 16 requests at once and the shared session allows
    /// only 6, which made 200 reads at 20 ms each take 1.2 s instead of the ideal 0.25 s.
    public static let defaultSession: URLSession = {
        let configuration = URLSessionConfiguration.default
        configuration.httpMaximumConnectionsPerHost = 32
        return URLSession(configuration: configuration)
    }()

    /// The session of every request but a GET, whose connections are never reused.
    public static let defaultBodySession: URLSession = {
        let configuration = URLSessionConfiguration.default
        configuration.httpMaximumConnectionsPerHost = 32
        return URLSession(configuration: configuration)
    }()

    /// Creates a transport for `baseURL`.
    ///
    /// Throws `BarrackAPIError` `CONFIGURATION` for a URL that is not an absolute http(s) URL.
    public init(
        baseURL: URL, session: URLSession = HTTPTransport.defaultSession,
        bodySession: URLSession = HTTPTransport.defaultBodySession
    ) throws {
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
        self.session = session
        self.bodySession = bodySession
    }

    /// Creates a transport for a base URL given as text (from the environment or a config file).
    public init(
        baseURL: String, session: URLSession = HTTPTransport.defaultSession,
        bodySession: URLSession = HTTPTransport.defaultBodySession
    ) throws {
        guard let url = URL(string: baseURL) else {
            throw BarrackAPIError(.configuration, message: "the API URL '\(baseURL)' is not a valid URL")
        }
        try self.init(baseURL: url, session: session, bodySession: bodySession)
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
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = request.method.rawValue
        urlRequest.httpBody = request.body
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        if let timeout = request.timeout {
            let (seconds, attoseconds) = timeout.components
            urlRequest.timeoutInterval = Double(seconds) + Double(attoseconds) / 1e18
        }
        var chosen = session
        if request.method != .get {
            urlRequest.setValue("close", forHTTPHeaderField: "Connection")
            chosen = bodySession
        }
        let (data, response) = try await perform(urlRequest, in: chosen)
        guard let http = response as? HTTPURLResponse else {
            throw TransportError(.connectionLost, "\(request.method.rawValue) \(request.path): the answer is not HTTP")
        }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String { headers[name] = "\(value)" }
        }
        return TransportResponse(status: http.statusCode, headers: headers, body: data)
    }

    /// Runs a data task, cancelling it when the calling task is cancelled.
    private func perform(_ request: URLRequest, in session: URLSession) async throws -> (Data, URLResponse) {
        let handle = TaskHandle()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let task = session.dataTask(with: request) { data, response, error in
                    if let error {
                        continuation.resume(throwing: Self.transportError(error, request: request))
                    } else if let response {
                        continuation.resume(returning: (data ?? Data(), response))
                    } else {
                        continuation.resume(throwing: TransportError(.connectionLost, "no answer"))
                    }
                }
                handle.start(task)
            }
        } onCancel: {
            handle.cancel()
        }
    }

    /// Classifies a `URLSession` failure by whether the request can have reached the server.
    static func transportError(_ error: any Error, request: URLRequest) -> any Error {
        let target = "\(request.httpMethod ?? "GET") \(request.url?.path ?? "")"
        guard let urlError = error as? URLError else {
            return TransportError(.connectionLost, "\(target): \(error.localizedDescription)")
        }
        switch urlError.code {
        case .cancelled:
            return CancellationError()
        case .timedOut:
            return TransportError(.timedOut, "\(target): no answer in time")
        case .cannotFindHost, .cannotConnectToHost, .dnsLookupFailed, .notConnectedToInternet,
            .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
            .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .cannotLoadFromNetwork:
            return TransportError(.notConnected, "\(target): cannot connect to \(request.url?.host ?? "the host") (\(urlError.localizedDescription))")
        default:
            return TransportError(.connectionLost, "\(target): \(urlError.localizedDescription)")
        }
    }
}

/// The running data task of one request, so that cancellation can reach it from another thread.
private final class TaskHandle: @unchecked Sendable {
    // Guarded by `lock`: `start` and `cancel` run on different threads.
    private let lock = NSLock()
    private var task: URLSessionDataTask?
    private var cancelled = false

    func start(_ task: URLSessionDataTask) {
        lock.lock()
        self.task = task
        let cancelled = self.cancelled
        lock.unlock()
        task.resume()
        if cancelled { task.cancel() }
    }

    func cancel() {
        lock.lock()
        cancelled = true
        let task = self.task
        lock.unlock()
        task?.cancel()
    }
}
