import BarrackAPI

/// A connection for interpreters that only compile or document scripts (`barrack check`,
/// `barrack builtins`): it opens no backend, and says so if a call ever reaches it.
public struct DetachedConnection: PlatformConnection {
    /// Creates the connection.
    public init() {}

    public func call(_ operation: OperationID, pathParameters: [String: String], query: [QueryItem],
                     body: JSONValue?) async throws -> JSONValue {
        throw BarrackAPIError(.configuration, message: "\(operation.rawValue) was called where no platform is connected",
                              operation: operation)
    }
}
