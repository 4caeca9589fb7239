/// Every failure of a platform call: an error answer, a transport failure or an answer that is not
/// the documented JSON.
///
/// `code` is stable and ALL-CAPS: one of the platform's codes (barrack-api.md section 1) or the
/// client's own `NETWORK`, `TIMEOUT`, `DECODING`, `INVALID_REQUEST`, `CONFIGURATION`,
/// `HTTP_ERROR` (see `ErrorCode`). Scripts catch on the code; people read `description`. No field
/// ever holds the API key: the client redacts it before an error is made.
///
/// ```swift
/// do { _ = try await client.deployInstance(request) }
/// catch let error as BarrackAPIError where error.code == "OUT_OF_STOCK" { … }
/// ```
public struct BarrackAPIError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: String
    /// The HTTP status, when there was an answer.
    public var status: Int?
    /// The platform's own message, or the client's explanation.
    public var message: String
    public var operation: OperationID?
    /// The platform's request id, to quote to support.
    public var requestID: String?
    /// Facts a program can act on, as the platform sent them.
    public var details: JSONValue?

    public init(
        code: String, status: Int? = nil, message: String, operation: OperationID? = nil,
        requestID: String? = nil, details: JSONValue? = nil
    ) {
        self.code = code
        self.status = status
        self.message = message
        self.operation = operation
        self.requestID = requestID
        self.details = details
    }

    /// An error with one of the known codes.
    public init(
        _ code: ErrorCode, status: Int? = nil, message: String, operation: OperationID? = nil,
        requestID: String? = nil, details: JSONValue? = nil
    ) {
        self.init(
            code: code.rawValue, status: status, message: message, operation: operation, requestID: requestID,
            details: details)
    }

    /// `OUT_OF_STOCK (409) in deploy_instance: <message> [request abc123]`.
    public var description: String {
        var text = code
        if let status { text += " (\(status))" }
        if let operation { text += " in \(operation.rawValue)" }
        text += ": \(message)"
        if let requestID { text += " [request \(requestID)]" }
        return text
    }
}
