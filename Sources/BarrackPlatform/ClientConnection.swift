import BarrackAPI

/// The platform built-ins' connection through `BarrackClient`: the one client for the real
/// platform and the sandbox alike, so both get the same checks, retries and errors.
public struct ClientConnection: PlatformConnection {
    /// The client requests go through.
    public let client: BarrackClient

    /// Wraps a client.
    public init(client: BarrackClient) {
        self.client = client
    }

    public func call(_ operation: OperationID, pathParameters: [String: String], query: [QueryItem],
                     body: JSONValue?) async throws -> JSONValue {
        let items = Dictionary(query.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
        if operation.endpoint.isPaginated, items["page"] == nil {
            return try await client.callAllPages(operation, path: pathParameters, query: items)
        }
        return try await client.call(operation, path: pathParameters, query: items, body: body)
    }
}
