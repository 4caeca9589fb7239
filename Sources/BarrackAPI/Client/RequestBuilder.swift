import Foundation

/// Turns an operation and its parameters into a `TransportRequest`, checking them against the
/// endpoint table first so a mistake is a clear `INVALID_REQUEST`, never a wrong URL.
struct RequestBuilder: Sendable {
    let apiKey: APIKey?
    let timeout: Duration

    func request(
        for endpoint: Endpoint, pathParameters: [String: String], query: [String: String], body: Data?
    ) throws -> TransportRequest {
        let operation = endpoint.operation
        let path: String
        switch PathTemplate(endpoint.pathTemplate).fill(pathParameters) {
        case .success(let filled): path = filled
        case .failure(let missing):
            throw BarrackAPIError(
                .invalidRequest,
                message: "\(operation) needs \(Self.list(missing.names)) (a non-empty string)",
                operation: operation)
        }
        let extraPath = Set(pathParameters.keys).subtracting(endpoint.pathParameters)
        if !extraPath.isEmpty {
            throw BarrackAPIError(
                .invalidRequest,
                message: "\(operation) has no path parameter \(Self.list(extraPath.sorted()))", operation: operation)
        }
        let unknown = Set(query.keys).subtracting(endpoint.queryParameters)
        if !unknown.isEmpty {
            let accepted = endpoint.queryParameters.isEmpty ? "none" : Self.list(endpoint.queryParameters)
            throw BarrackAPIError(
                .invalidRequest,
                message: "\(operation) has no query parameter \(Self.list(unknown.sorted())); it accepts \(accepted)",
                operation: operation)
        }
        if body != nil, endpoint.bodySchema == nil {
            throw BarrackAPIError(.invalidRequest, message: "\(operation) takes no body", operation: operation)
        }
        if body == nil, endpoint.bodySchema != nil, !endpoint.isBodyOptional {
            throw BarrackAPIError(
                .invalidRequest, message: "\(operation) needs a body (\(endpoint.bodySchema ?? "JSON"))",
                operation: operation)
        }
        // The table's order, not the caller's, so the same call always makes the same URL.
        let items = endpoint.queryParameters.compactMap { name in query[name].map { QueryItem(name: name, value: $0) } }
        var headers = ["Accept": "application/json"]
        if body != nil { headers["Content-Type"] = "application/json" }
        if let apiKey, !apiKey.isEmpty { headers["Authorization"] = "Bearer \(apiKey.secret)" }
        return TransportRequest(
            method: endpoint.method, path: path, query: items, headers: headers, body: body, timeout: timeout)
    }

    private static func list(_ names: [String]) -> String {
        names.map { "'\($0)'" }.joined(separator: ", ")
    }
}
