import BarrackAPI
import Foundation

/// `GET /api/openapi.json` and `GET /api/openapi.yaml`: the platform API's OpenAPI document,
/// answered with no key so that tools (schemathesis, generators, validators) can read it first.
enum APIDescriptionRoute {
    /// The document's paths, without and with the trailing slash the sandbox forgives.
    static let json = "/api/openapi.json"
    static let yaml = "/api/openapi.yaml"

    /// The document for a GET of one of its paths; nil for any other request.
    static func answer(method: String, path: String) -> TransportResponse? {
        guard method == "GET" else { return nil }
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        switch trimmed {
        case json:
            return TransportResponse(status: 200, headers: ["Content-Type": "application/json"],
                                     body: Data(OpenAPIDocument.json.utf8))
        case yaml:
            return TransportResponse(status: 200, headers: ["Content-Type": "application/yaml"],
                                     body: Data(OpenAPIDocument.yaml.utf8))
        default:
            return nil
        }
    }
}
