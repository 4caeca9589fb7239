/// How one operation travels over HTTP: the data of one row of the contract's operations table.
///
/// Endpoints are never built outside `EndpointTable.swift`; get one with `OperationID.endpoint`.
public struct Endpoint: Sendable, Hashable {
    /// The operation this endpoint carries.
    public let operation: OperationID
    public let method: HTTPMethod
    /// The path with `{name}` placeholders, ending in `/` (`/api/instances/{id}/`).
    public let pathTemplate: String
    /// The query parameter names the operation accepts, in the contract's order.
    public let queryParameters: [String]
    /// The schema name of the JSON body (`DeploymentRequest`), `nil` when the operation takes none.
    public let bodySchema: String?
    /// Whether a body may be left out even though the operation accepts one (`toggle_public_ip`).
    public let isBodyOptional: Bool
    /// The schema name of the success response's payload.
    public let responseSchema: String
    /// Whether sending the request twice has the effect of sending it once: reads, quotes and
    /// full replacements. Only these are retried after an answer that leaves the outcome unknown.
    public let isSafeToRepeat: Bool
    /// For list operations, the response key holding the items (`instances`): the pagination helper
    /// concatenates it across pages and tables print it.
    public let itemsKey: String?

    init(
        _ operation: OperationID, _ method: HTTPMethod, _ pathTemplate: String, query: [String] = [],
        body: String? = nil, bodyOptional: Bool = false, response: String, safe: Bool? = nil,
        items: String? = nil
    ) {
        self.operation = operation
        self.method = method
        self.pathTemplate = pathTemplate
        self.queryParameters = query
        self.bodySchema = body
        self.isBodyOptional = bodyOptional
        self.responseSchema = response
        self.isSafeToRepeat = safe ?? (method == .get)
        self.itemsKey = items
    }

    /// The names of the path's placeholders, in order (`["id", "rule_id"]`).
    public var pathParameters: [String] { PathTemplate(pathTemplate).parameterNames }

    /// The path with its placeholders filled in (percent-encoded), or nil when one is missing.
    public func path(filling parameters: [String: String]) -> String? {
        try? PathTemplate(pathTemplate).fill(parameters).get()
    }

    /// Whether the operation takes `page` and `limit`, so it can be fetched page by page.
    public var isPaginated: Bool { queryParameters.contains("page") }
}

extension OperationID {
    /// This operation's row of the endpoint table.
    public var endpoint: Endpoint { EndpointTable.endpoint(for: self) }
}
