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

    /// Whether an answer can be lost after the platform acted (a dropped connection, a timeout):
    /// the client then names a nameless create itself so it can be found again
    /// (`NamelessCreate`). True unless the transport says otherwise.
    var losesAnswers: Bool { get }
}

extension Transport {
    /// Any transport may lose answers unless it knows better.
    public var losesAnswers: Bool { true }
}
