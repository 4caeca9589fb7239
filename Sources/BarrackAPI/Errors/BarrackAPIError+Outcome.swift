/// A create whose answer was lost and whose lookup by name failed too: it may have been made.
extension BarrackAPIError {
    /// Whether this error says the operation may have been carried out all the same
    /// (`details.outcome` is `"unknown"`).
    public var outcomeIsUnknown: Bool { details?["outcome"]?.stringValue == "unknown" }

    /// This error marked as of unknown outcome: `details` gain `outcome: "unknown"` and, when
    /// given, the `name` the create was sent with, and the message says where to look for it.
    ///
    /// ```swift
    /// error.unknownOutcome(name: "fleet-2").details?["name"]  // "fleet-2"
    /// ```
    public func unknownOutcome(name: String?) -> BarrackAPIError {
        var object = details?.objectValue ?? JSONObject()
        object["outcome"] = "unknown"
        if let name { object["name"] = .string(name) }
        var text = message
        if !outcomeIsUnknown {
            text += name.map { "; it may have been created as '\($0)' (created() and `barrack leftovers` look for it)" }
                ?? "; it may have been created"
        }
        return BarrackAPIError(code: code, status: status, message: text, operation: operation, requestID: requestID,
                               details: .object(object))
    }
}
