import Foundation

/// A path with `{name}` placeholders: fills them in for a request, matches them in a route.
struct PathTemplate: Sendable {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    let segments: [Segment]

    init(_ template: String) {
        segments = Self.split(template).map { part in
            if part.hasPrefix("{"), part.hasSuffix("}") { return .parameter(String(part.dropFirst().dropLast())) }
            return .literal(part)
        }
    }

    var parameterNames: [String] {
        segments.compactMap { if case .parameter(let name) = $0 { return name } else { return nil } }
    }

    /// How many segments are literal; a route with more literal segments wins over one with a
    /// placeholder in the same place (`/api/volumes/types/` over `/api/volumes/{id}/`).
    var literalCount: Int {
        segments.filter { if case .literal = $0 { return true } else { return false } }.count
    }

    /// Characters left as they are in a path segment (RFC 3986 unreserved); everything else,
    /// `/` included, is percent-encoded so an identifier can never change the route.
    private static let segmentAllowed = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// The path with every placeholder replaced by its percent-encoded value, ending in `/`.
    ///
    /// Returns the names of missing or empty parameters instead when there are any.
    func fill(_ values: [String: String]) -> Result<String, MissingPathParameters> {
        var missing: [String] = []
        var parts: [String] = []
        for segment in segments {
            switch segment {
            case .literal(let text):
                parts.append(text)
            case .parameter(let name):
                guard let value = values[name], !value.isEmpty else {
                    missing.append(name)
                    continue
                }
                parts.append(value.addingPercentEncoding(withAllowedCharacters: Self.segmentAllowed) ?? value)
            }
        }
        guard missing.isEmpty else { return .failure(MissingPathParameters(names: missing)) }
        return .success("/" + parts.joined(separator: "/") + "/")
    }

    /// The parameter values when `path` has this template's shape, else `nil`.
    func match(_ path: String) -> [String: String]? {
        let parts = Self.split(path)
        guard parts.count == segments.count else { return nil }
        var values: [String: String] = [:]
        for (segment, part) in zip(segments, parts) {
            switch segment {
            case .literal(let text):
                guard text == part else { return nil }
            case .parameter(let name):
                values[name] = part.removingPercentEncoding ?? part
            }
        }
        return values
    }

    private static func split(_ path: String) -> [String] {
        let withoutQuery = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return withoutQuery.split(separator: "/").map(String.init)
    }
}

/// Path parameters that a request left out or left empty.
struct MissingPathParameters: Error {
    let names: [String]
}
