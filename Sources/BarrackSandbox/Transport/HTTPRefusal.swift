import BarrackAPI
import Foundation

/// The answers `barrack sandbox serve` gives before a request reaches the sandbox: a body too
/// large or not JSON, a request that did not arrive in time. Each is the contract's error
/// envelope (barrack-api.md section 1) with `INVALID_VALUE`, the code of every other refusal of
/// what a client sent, and the HTTP status that names the problem.
public enum HTTPRefusal: Sendable, Equatable {
    /// 413: the body is larger than `limit` bytes (said by `Content-Length` or counted).
    case bodyTooLarge(limit: Int)
    /// 415: a body that is not `application/json`; `contentType` is what the request said.
    case notJSON(contentType: String?)
    /// 408: the body did not arrive within `seconds` of the request's headers.
    case bodyTimedOut(seconds: Double)

    /// The HTTP status of the refusal.
    public var status: Int {
        switch self {
        case .bodyTooLarge: return 413
        case .notJSON: return 415
        case .bodyTimedOut: return 408
        }
    }

    /// The answer, as the sandbox's own refusals are written.
    public var response: TransportResponse {
        let error: SandboxError
        switch self {
        case .bodyTooLarge(let limit):
            error = SandboxError(.invalidValue, "the request body is larger than \(limit) bytes, the most the sandbox reads",
                                 details: JSONObject([.init(key: "limit_bytes", value: .int(limit))]), status: status)
        case .notJSON(let contentType):
            let said = contentType.map { "'\($0)'" } ?? "no Content-Type"
            error = SandboxError(.invalidValue, "the request body must be JSON, sent as 'Content-Type: application/json'; "
                                 + "the request gave \(said)",
                                 details: JSONObject([.init(key: "content_type", value: contentType.map { .string($0) } ?? .null),
                                                      .init(key: "allowed", value: ["application/json"])]),
                                 status: status)
        case .bodyTimedOut(let seconds):
            error = SandboxError(.invalidValue, "the request body did not arrive within \(Self.format(seconds)) s of its headers",
                                 details: JSONObject([.init(key: "timeout_seconds", value: .double(seconds))]), status: status)
        }
        return TransportResponse(status: status, headers: ["Content-Type": "application/json"],
                                 body: error.envelope(requestID: Sandbox.newRequestID()).jsonData())
    }

    /// Whether `contentType` names JSON: `application/json`, any case, with or without
    /// parameters such as `; charset=utf-8` (RFC 9110, section 8.3.1).
    public static func isJSON(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let mediaType = contentType.split(separator: ";", maxSplits: 1).first ?? ""
        return mediaType.trimmingCharacters(in: .whitespaces).lowercased() == "application/json"
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
