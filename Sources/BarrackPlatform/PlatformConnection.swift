import BarrackAPI

/// What the platform built-ins need from a backend: one raw call per operation, answered with the
/// platform's JSON. `BarrackClient` provides it for the real platform and for the sandbox alike.
public protocol PlatformConnection: Sendable {
    /// Sends one operation and returns the JSON answer; list operations return every page unless
    /// `page` is among the query items.
    func call(_ operation: OperationID, pathParameters: [String: String], query: [QueryItem],
              body: JSONValue?) async throws -> JSONValue
}
