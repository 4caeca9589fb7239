/// Carries one request to the platform and brings back its response.
///
/// `HTTPTransport` speaks HTTP; the sandbox answers in-process. A transport returns every HTTP
/// response, 2xx or not (the client maps statuses to errors), and throws `TransportError` when
/// there is no response at all. It throws `CancellationError` when its task is cancelled.
///
/// ```swift
/// struct Fixed: Transport {
///     func send(_ request: TransportRequest) async throws -> TransportResponse {
///         TransportResponse(status: 200, body: Data(#"{"success": true}"#.utf8))
///     }
/// }
/// ```
public protocol Transport: Sendable {
    func send(_ request: TransportRequest) async throws -> TransportResponse
}
