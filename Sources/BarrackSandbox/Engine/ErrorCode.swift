/// The platform's error codes and the HTTP status of each (barrack-api.md section 1, [chosen]).
///
/// The one place where a code meets its status.
public enum ErrorCode: String, Sendable, CaseIterable {
    case missingField = "MISSING_FIELD"
    case invalidName = "INVALID_NAME"
    case invalidValue = "INVALID_VALUE"
    case notSupportedInTier = "NOT_SUPPORTED_IN_TIER"
    case sshKeyInvalidForVolumeBoot = "SSH_KEY_INVALID_FOR_VOLUME_BOOT"
    case unauthorized = "UNAUTHORIZED"
    case insufficientCredits = "INSUFFICIENT_CREDITS"
    case profileIncomplete = "PROFILE_INCOMPLETE"
    case notFound = "NOT_FOUND"
    case sshKeyNotFound = "SSH_KEY_NOT_FOUND"
    case duplicateName = "DUPLICATE_NAME"
    case outOfStock = "OUT_OF_STOCK"
    case invalidState = "INVALID_STATE"
    case volumeNotAvailable = "VOLUME_NOT_AVAILABLE"
    case inUse = "IN_USE"
    case limitReached = "LIMIT_REACHED"
    case rateLimited = "RATE_LIMITED"
    case serverError = "SERVER_ERROR"
    /// A method the path does not have; not in the contract's list, answered as HTTP 405.
    case methodNotAllowed = "METHOD_NOT_ALLOWED"

    /// The HTTP status that carries this code.
    public var httpStatus: Int {
        switch self {
        case .missingField, .invalidName, .invalidValue, .notSupportedInTier, .sshKeyInvalidForVolumeBoot:
            return 400
        case .unauthorized: return 401
        case .insufficientCredits: return 402
        case .profileIncomplete: return 403
        case .notFound, .sshKeyNotFound: return 404
        case .methodNotAllowed: return 405
        case .duplicateName, .outOfStock, .invalidState, .volumeNotAvailable, .inUse, .limitReached:
            return 409
        case .rateLimited: return 429
        case .serverError: return 500
        }
    }
}
