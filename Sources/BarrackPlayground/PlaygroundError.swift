import BarrackAPI
import Hummingbird

/// An answer of the JSON API that is not a success: a status and `{"error":{"code","message"}}`.
struct PlaygroundError: Error, Sendable {
    var status: HTTPResponse.Status
    var code: String
    var message: String

    static func badRequest(_ message: String) -> PlaygroundError {
        PlaygroundError(status: .badRequest, code: "BAD_REQUEST", message: message)
    }

    static let noSession = PlaygroundError(
        status: .unauthorized, code: "NO_SESSION",
        message: "no playground session: open the page first, or POST /api/session and send its cookie")

    static func notFound(_ path: String) -> PlaygroundError {
        PlaygroundError(status: .notFound, code: "NOT_FOUND", message: "there is nothing at \(path)")
    }

    /// The body: `{"error":{"code","message"}}`.
    var json: JSONValue {
        ["error": ["code": .string(code), "message": .string(message)]]
    }

    /// The answer, as JSON.
    var response: Response {
        JSONAnswer.response(status: status, json)
    }
}
