import BarrackAPI
import Hummingbird
import NIOCore

/// A request's JSON body, read with a size limit.
enum RequestJSON {
    /// The body as a JSON object; `413 TOO_LARGE` past `limit` bytes, `400 BAD_REQUEST` when it is
    /// not a JSON object.
    static func object(_ request: Request, limit: Int) async throws -> JSONObject {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw PlaygroundError(status: .contentTooLarge, code: "TOO_LARGE", message: "the request body is over \(limit) bytes")
        }
        // A body shorter than its Content-Length ends only when the connection closes.
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), buffer.readableBytes < declared {
            throw ClientGone(reason: "the body ended after \(buffer.readableBytes) of its \(declared) bytes")
        }
        let text = String(buffer: buffer)
        let value: JSONValue
        do {
            value = try JSONValue(parsing: text)
        } catch let error as JSONParseError {
            throw PlaygroundError.badRequest("the body is not JSON: \(error.message) at line \(error.line), column \(error.column)")
        }
        guard case .object(let object) = value else {
            throw PlaygroundError.badRequest("the body must be a JSON object, not \(value.typeName)")
        }
        return object
    }
}
