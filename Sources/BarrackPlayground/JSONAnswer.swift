import BarrackAPI
import Hummingbird

/// JSON bodies of the playground's API, written with the project's ordered JSON.
enum JSONAnswer {
    /// A response with `value` as its JSON body.
    static func response(status: HTTPResponse.Status = .ok, _ value: JSONValue, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        fields[.cacheControl] = "no-store"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: value.serialized())))
    }
}
