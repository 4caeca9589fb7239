/// The stable error codes and the HTTP status of each: the one place where this [chosen] part of the
/// contract (barrack-api.md section 1) is written down. The sandbox answers with these statuses and
/// the client maps statuses back to codes when an answer has no error envelope.
public enum ErrorCode: String, CaseIterable, Sendable {
    // 400
    case missingField = "MISSING_FIELD"
    case invalidName = "INVALID_NAME"
    case invalidValue = "INVALID_VALUE"
    case notSupportedInTier = "NOT_SUPPORTED_IN_TIER"
    case sshKeyInvalidForVolumeBoot = "SSH_KEY_INVALID_FOR_VOLUME_BOOT"
    // 401, 402, 403
    case unauthorized = "UNAUTHORIZED"
    case insufficientCredits = "INSUFFICIENT_CREDITS"
    case profileIncomplete = "PROFILE_INCOMPLETE"
    // 404
    case notFound = "NOT_FOUND"
    case sshKeyNotFound = "SSH_KEY_NOT_FOUND"
    // 409
    case duplicateName = "DUPLICATE_NAME"
    case outOfStock = "OUT_OF_STOCK"
    case invalidState = "INVALID_STATE"
    case volumeNotAvailable = "VOLUME_NOT_AVAILABLE"
    case inUse = "IN_USE"
    case limitReached = "LIMIT_REACHED"
    // 429, 5xx
    case rateLimited = "RATE_LIMITED"
    case serverError = "SERVER_ERROR"
    // The client's own: no HTTP status.
    /// The platform could not be reached, or the connection broke.
    case network = "NETWORK"
    /// No answer within the timeout.
    case timeout = "TIMEOUT"
    /// An answer that is not the documented JSON.
    case decoding = "DECODING"
    /// A request the client refuses to send (a missing path parameter, an unknown query parameter,
    /// a key over plain HTTP).
    case invalidRequest = "INVALID_REQUEST"
    /// A configuration file or variable that cannot be used.
    case configuration = "CONFIGURATION"
    /// A non-2xx answer with a status the contract gives no code.
    case httpError = "HTTP_ERROR"

    /// The HTTP status the platform answers this code with; `nil` for the client's own codes.
    public var httpStatus: Int? {
        switch self {
        case .missingField, .invalidName, .invalidValue, .notSupportedInTier, .sshKeyInvalidForVolumeBoot: return 400
        case .unauthorized: return 401
        case .insufficientCredits: return 402
        case .profileIncomplete: return 403
        case .notFound, .sshKeyNotFound: return 404
        case .duplicateName, .outOfStock, .invalidState, .volumeNotAvailable, .inUse, .limitReached: return 409
        case .rateLimited: return 429
        case .serverError: return 500
        case .network, .timeout, .decoding, .invalidRequest, .configuration, .httpError: return nil
        }
    }

    /// The code for a non-2xx answer that carries no error envelope (a proxy's page, an empty body).
    public static func forStatus(_ status: Int) -> ErrorCode {
        switch status {
        case 401: return .unauthorized
        case 402: return .insufficientCredits
        case 404: return .notFound
        case 429: return .rateLimited
        case 500...599: return .serverError
        default: return .httpError
        }
    }
}
