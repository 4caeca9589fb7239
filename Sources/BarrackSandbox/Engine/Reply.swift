import BarrackAPI
import Foundation

/// A success answer before it gets its request id: the HTTP status and the envelope's members.
struct Reply: Sendable {
    var status: Int
    var message: String
    /// The payload's members, which the envelope carries beside its own.
    var payload: JSONObject
    var tier: Tier?
    var pagination: Pagination?

    /// An answer carrying `payload` encoded as the client's model encodes it.
    init<Payload: Encodable>(
        _ payload: Payload, message: String, status: Int = 200, tier: Tier? = nil, pagination: Pagination? = nil
    ) throws(SandboxError) {
        self.status = status
        self.message = message
        self.tier = tier
        self.pagination = pagination
        do {
            guard case .object(let object) = try PayloadEncoder.encode(payload) else {
                throw SandboxError(.serverError, "the sandbox built a payload that is not an object")
            }
            self.payload = object
        } catch let error as SandboxError {
            throw error
        } catch {
            throw SandboxError(.serverError, "the sandbox could not encode its answer: \(error)")
        }
    }

    /// The envelope (barrack-api.md section 1): `success`, `message`, the payload, the pagination,
    /// `tier`, `request_id`.
    func envelope(requestID: String) -> JSONValue {
        var object = JSONObject()
        object["success"] = true
        object["message"] = .string(message)
        for member in payload { object[member.key] = member.value }
        if let pagination {
            object["total"] = .int(pagination.total)
            object["page"] = .int(pagination.page)
            object["limit"] = .int(pagination.limit)
            object["total_pages"] = .int(pagination.totalPages)
        }
        if let tier { object["tier"] = .string(tier.wire.rawValue) }
        object["request_id"] = .string(requestID)
        return .object(object)
    }
}

extension SandboxError {
    /// The error envelope (barrack-api.md section 1).
    func envelope(requestID: String) -> JSONValue {
        [
            "success": false,
            "message": .string(message),
            "error": ["code": .string(code.rawValue), "details": .object(details)],
            "request_id": .string(requestID),
        ]
    }
}
