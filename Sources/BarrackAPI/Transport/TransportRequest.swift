import Foundation

/// One HTTP request as the client hands it to a `Transport`.
///
/// `path` is the full path from the endpoint table with its parameters filled in
/// (`/api/instances/BRK-482913VM/`); the transport resolves it against its base URL. Header values
/// that carry secrets are redacted in `description`, `debugDescription` and reflection, so a
/// request can be logged or dumped safely.
public struct TransportRequest: Sendable, Equatable {
    public var method: HTTPMethod
    public var path: String
    public var query: [QueryItem]
    /// Header names as written; look them up with `header(named:)`, which ignores case.
    public var headers: [String: String]
    public var body: Data?
    /// How long the transport may take for this one attempt; `nil` leaves the transport's default.
    public var timeout: Duration?

    public init(
        method: HTTPMethod, path: String, query: [QueryItem] = [], headers: [String: String] = [:],
        body: Data? = nil, timeout: Duration? = nil
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }

    /// The value of the header `name`, compared without regard to case.
    public func header(named name: String) -> String? {
        headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The path followed by the percent-encoded query string, as it appears in a request line.
    public var target: String {
        guard !query.isEmpty else { return path }
        var components = URLComponents()
        components.queryItems = query.map { URLQueryItem(name: $0.name, value: $0.value) }
        return path + "?" + (components.percentEncodedQuery ?? "")
    }
}

extension TransportRequest: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Header names whose values are secrets and never printed.
    static let secretHeaders: Set<String> = ["authorization", "x-api-key"]

    public var description: String { "\(method.rawValue) \(target)" }

    public var debugDescription: String {
        let headerText = headers.keys.sorted().map { name in
            let value = Self.secretHeaders.contains(name.lowercased()) ? Redaction.placeholder : headers[name] ?? ""
            return "\(name): \(value)"
        }
        let bodyText = body.map { "\($0.count) bytes" } ?? "no body"
        return "\(description) [\(headerText.joined(separator: ", "))] \(bodyText)"
    }

    public var customMirror: Mirror {
        Mirror(self, children: ["request": debugDescription], displayStyle: .struct)
    }
}
