/// An error answer to a request, with its JSON-RPC or protocol code.
struct ResponseError: Error {
    /// The code: -32700 parse error, -32600 invalid request, -32601 method not found,
    /// -32602 invalid parameters, -32002 server not initialized, -32803 request failed.
    var code: Int
    /// What went wrong, for a person.
    var message: String

    static func invalidParameters(_ message: String) -> ResponseError { ResponseError(code: -32602, message: message) }
    static func methodNotFound(_ method: String) -> ResponseError { ResponseError(code: -32601, message: "unknown method '\(method)'") }
    static let notInitialized = ResponseError(code: -32002, message: "the server has not been initialized")
    static let shutDown = ResponseError(code: -32600, message: "the server is shutting down")
    static func requestFailed(_ message: String) -> ResponseError { ResponseError(code: -32803, message: message) }
}
