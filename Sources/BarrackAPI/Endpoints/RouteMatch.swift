/// What a concrete method and path mean in the endpoint table.
public enum RouteMatch: Sendable, Equatable {
    /// The path and method name one operation; `parameters` holds the decoded placeholder values
    /// (`["id": "BRK-482913VM"]`).
    case matched(Endpoint, parameters: [String: String])
    /// The path exists, but not for this method; `allowed` lists the methods it has.
    case methodNotAllowed(allowed: [HTTPMethod])
    /// No operation has this path.
    case notFound
}

extension EndpointTable {
    /// Finds the operation that a request's method and path address, for routers such as the
    /// sandbox's.
    ///
    /// The path may come with or without its trailing `/` and with a query string, which is
    /// ignored. Where two templates fit, the one with more literal segments wins, so
    /// `GET /api/volumes/types/` is `list_volume_types`, not `get_volume` of a volume "types",
    /// and `DELETE /api/volumes/types/` is a method the path does not take.
    ///
    /// ```swift
    /// EndpointTable.match(method: "DELETE", path: "/api/instances/BRK-482913VM")
    /// // .matched(delete_instance's endpoint, parameters: ["id": "BRK-482913VM"])
    /// ```
    public static func match(method: String, path: String) -> RouteMatch {
        let candidates = all.compactMap { endpoint -> (Endpoint, [String: String], Int)? in
            let template = PathTemplate(endpoint.pathTemplate)
            guard let parameters = template.match(path) else { return nil }
            return (endpoint, parameters, template.literalCount)
        }
        guard let mostLiteral = candidates.map(\.2).max() else { return .notFound }
        let path = candidates.filter { $0.2 == mostLiteral }
        let wanted = method.uppercased()
        if let (endpoint, parameters, _) = path.first(where: { $0.0.method.rawValue == wanted }) {
            return .matched(endpoint, parameters: parameters)
        }
        let allowed = HTTPMethod.allCases.filter { method in path.contains { $0.0.method == method } }
        return .methodNotAllowed(allowed: allowed)
    }

    /// `match(method:path:)` for a method already parsed.
    public static func match(method: HTTPMethod, path: String) -> RouteMatch {
        match(method: method.rawValue, path: path)
    }
}
