/// A failure answer of the platform (barrack-api.md section 1):
/// `{"success": false, "message": …, "error": {"code": …, "details": {…}}, "request_id": …}`.
public struct ErrorResponse: Codable, Sendable, Equatable {
    /// The stable code and the facts behind it.
    public struct Detail: Codable, Sendable, Equatable {
        /// A stable ALL-CAPS code (`OUT_OF_STOCK`).
        public var code: String
        /// Facts a program can act on (the required and available balance, the missing fields).
        public var details: JSONValue?

        public init(code: String, details: JSONValue? = nil) {
            self.code = code
            self.details = details
        }
    }

    public var success: Bool
    /// What was wrong, for a person.
    public var message: String
    public var error: Detail
    public var requestID: String?

    public init(message: String, error: Detail, requestID: String? = nil) {
        self.success = false
        self.message = message
        self.error = error
        self.requestID = requestID
    }

    enum CodingKeys: String, CodingKey {
        case success, message, error
        case requestID = "request_id"
    }
}
