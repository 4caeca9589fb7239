/// Requests outside the platform's operations.
extension BarrackClient {
    /// Sends one request to a path that is not in the endpoint table (the sandbox server's own
    /// administration routes), with the client's key and timeout, once, without retries.
    ///
    /// - Returns: the answer as it came, whatever its status.
    public func sendUnlisted(method: HTTPMethod, path: String, body: JSONValue? = nil) async throws -> TransportResponse {
        var headers = ["Accept": "application/json"]
        if body != nil { headers["Content-Type"] = "application/json" }
        if let apiKey, !apiKey.isEmpty { headers["Authorization"] = "Bearer \(apiKey.secret)" }
        let request = TransportRequest(method: method, path: path, headers: headers, body: body?.jsonData(),
                                       timeout: timeout)
        return try await transport.send(request)
    }
}
