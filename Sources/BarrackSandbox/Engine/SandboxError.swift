import BarrackAPI

/// A refusal of the simulated platform: a code, a message a person can act on, and details a
/// script can read (the contract's error envelope, barrack-api.md section 1).
///
/// Codes and their HTTP statuses come from `BarrackAPI.ErrorCode`, the one place they are written.
struct SandboxError: Error, Sendable, Equatable, CustomStringConvertible {
    let code: ErrorCode
    let message: String
    let details: JSONObject
    /// The HTTP status: the code's, or one the contract gives no code (405).
    let status: Int

    init(_ code: ErrorCode, _ message: String, details: JSONObject = JSONObject(), status: Int? = nil) {
        self.code = code
        self.message = message
        self.details = details
        self.status = status ?? code.httpStatus ?? 500
    }

    init(_ code: ErrorCode, _ message: String, _ details: KeyValuePairs<String, JSONValue>) {
        self.init(code, message, details: JSONObject(details.map { JSONObject.Member(key: $0.key, value: $0.value) }))
    }

    /// `CODE: message`, as a person reads it (`barrack sandbox stock` prints it).
    var description: String { "\(code.rawValue): \(message)" }

    static func notFound(_ what: String, _ id: String) -> SandboxError {
        SandboxError(.notFound, "no \(what) with id '\(id)'", ["resource": .string(what), "id": .string(id)])
    }

    static func invalidValue(_ field: String, _ message: String) -> SandboxError {
        SandboxError(.invalidValue, message, ["field": .string(field)])
    }

    static func missing(_ fields: [String]) -> SandboxError {
        let list = fields.joined(separator: ", ")
        let noun = fields.count == 1 ? "field" : "fields"
        return SandboxError(.missingField, "missing required \(noun): \(list)",
                            ["fields": .array(fields.map { .string($0) })])
    }

    static func notInTier(_ what: String, tier: Tier, region: String) -> SandboxError {
        SandboxError(.notSupportedInTier, "\(what) is not supported in \(tier.rawValue) regions (region \(region))",
                     ["feature": .string(what), "tier": .string(tier.wire.rawValue), "region": .string(region)])
    }
}
