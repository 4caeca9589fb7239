import Foundation
import Logging

/// The client of the Barrack platform: one typed method per operation, plus `call`, the raw form
/// the script built-ins use.
///
/// Every call, typed or raw, goes through one pipeline: the endpoint table builds the request, the
/// API key is added as `Authorization: Bearer`, the transport sends it, failures are retried by
/// `retryPolicy`, error answers become `BarrackAPIError`, and each attempt is traced at `debug`
/// level through `logger` with the key redacted.
///
/// ```swift
/// let client = BarrackClient(transport: try HTTPTransport(baseURL: BarrackAPI.defaultBaseURL),
///                            apiKey: APIKey(key))
/// let balance = try await client.getBalance()
/// let raw = try await client.call(.getInstance, path: ["id": "BRK-482913VM"])
/// ```
public final class BarrackClient: Sendable {
    public let transport: any Transport
    public let retryPolicy: RetryPolicy
    /// The longest one attempt may take, answer included.
    public let timeout: Duration
    let apiKey: APIKey?
    let logger: Logger
    let redaction: Redaction
    let builder: RequestBuilder
    let interpreter: ResponseInterpreter

    /// Creates a client over `transport`.
    ///
    /// - Parameters:
    ///   - apiKey: sent with every request; `nil` for transports that need none (the in-process
    ///     sandbox).
    ///   - timeout: for one attempt; 60 s, because a deploy answer on the platform takes seconds and
    ///     anything past a minute is a hung connection.
    ///   - logger: receives one `debug` line per attempt (method, path, status, time); set its level
    ///     to `debug` for `--verbose`.
    public init(
        transport: any Transport, apiKey: APIKey? = nil, retryPolicy: RetryPolicy = .standard,
        timeout: Duration = .seconds(60), logger: Logger = Logger(label: "barrack.api")
    ) {
        self.transport = transport
        self.apiKey = apiKey
        self.retryPolicy = retryPolicy
        self.timeout = timeout
        self.logger = logger
        self.redaction = Redaction(secrets: apiKey.map { [$0.secret] } ?? [])
        self.builder = RequestBuilder(apiKey: apiKey, timeout: timeout)
        self.interpreter = ResponseInterpreter(redaction: redaction)
    }

    /// Calls any operation with JSON in and out: the path the script built-ins take.
    ///
    /// Applies the same checks, auth, retries, errors and tracing as the typed methods.
    ///
    /// - Parameters:
    ///   - path: the values of the path's placeholders (`["id": "BRK-482913VM"]`).
    ///   - query: query parameters by name; only names of the endpoint table are accepted.
    ///   - body: the JSON body, for operations that take one.
    /// - Returns: the whole answer, envelope included, keys in the platform's order.
    public func call(
        _ operation: OperationID, path: [String: String] = [:], query: [String: String] = [:], body: JSONValue? = nil
    ) async throws -> JSONValue {
        let (_, json) = try await perform(operation, path: path, query: query, body: body?.jsonData())
        return json
    }

    /// Calls an operation and decodes its answer as `APIResponse<Payload>`.
    func send<Payload: Codable & Sendable>(
        _ operation: OperationID, path: [String: String] = [:], query: [String: String?] = [:],
        body: (some Encodable & Sendable)? = Optional<JSONValue>.none, as payload: Payload.Type = Payload.self
    ) async throws -> APIResponse<Payload> {
        let data = try body.map(encode)
        let (response, json) = try await perform(
            operation, path: path, query: query.compactMapValues { $0 }, body: data)
        return try interpreter.decode(
            APIResponse<Payload>.self, from: response, operation: operation,
            requestID: json["request_id"]?.stringValue)
    }

    private func encode(_ body: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(body)
    }
}

extension BarrackClient: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        "BarrackClient(transport: \(transport), key: \(apiKey?.redacted ?? "none"))"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: ["client": description], displayStyle: .class)
    }
}
