import Foundation

/// Settling requests whose answer was lost (`LostAnswerRecovery`): adopting what a create made,
/// and reading back what an action did.
extension BarrackClient {
    /// A create whose outcome is unknown: looks its resource up by name, so that a retry never
    /// makes a second one. Returns a success answer when it exists; `nil` when it certainly does
    /// not, so the create may be sent again; throws `error` when that cannot be known.
    func adopt(
        _ operation: OperationID, _ adoption: LostAnswerRecovery.Adoption, body: Data, after error: BarrackAPIError
    ) async throws -> (TransportResponse, JSONValue)? {
        func notRetried(_ why: String) -> BarrackAPIError {
            BarrackAPIError(
                code: error.code, status: error.status, message: error.message + " (not retried: \(why))",
                operation: operation, requestID: error.requestID, details: error.details)
        }
        guard let request = try? JSONValue(parsing: body), let name = request["name"]?.stringValue else {
            throw notRetried("a create without a name cannot be looked up, so a retry could create a second one")
        }
        var query: [String: String] = [:]
        for key in adoption.query { if let value = request[key]?.stringValue { query[key] = value } }
        let found: JSONValue?
        do {
            let all = try await callAllPages(adoption.list, query: query)
            let items = adoption.list.endpoint.itemsKey.flatMap { all[$0]?.arrayValue } ?? []
            found = items.first { item in
                let status = item["status"]?.stringValue ?? ""
                return item["name"]?.stringValue == name && status != "DELETED" && status != "DELETING"
                    && adoption.matching.allSatisfy { key in request[key].map { item[key] == $0 } ?? true }
            }
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw notRetried("looking up '\(name)' failed too: \(error)")
        }
        guard var resource = found else {
            logger.debug("\(operation): nothing named '\(name)' after \(error.code); sending again")
            return nil
        }
        if adoption.answerHoldsSecret, let id = resource["id"]?.stringValue {
            // Its secret was in the lost answer: a second one is made in its place.
            logger.debug("\(operation): '\(name)' exists after \(error.code), its secret lost; replacing it")
            _ = try await perform(.deleteSSHKey, path: ["id": id], query: [:], body: nil)
            return nil
        }
        logger.debug("\(operation): '\(name)' exists after \(error.code); adopted, not sent again")
        if case .object(var object) = resource { object["private_key"] = nil; resource = .object(object) }
        let answer: JSONValue = .object(JSONObject([
            .init(key: "success", value: true),
            .init(key: "message", value: .string("'\(name)' was found after its answer was lost; it was not created twice")),
            .init(key: adoption.payloadKey, value: resource),
        ]))
        return (TransportResponse(status: 200, body: answer.jsonData()), answer)
    }

    /// A request sent again after a lost answer, and refused: `nil` when the refusal is its own;
    /// else the answer that settles it (the resource read back, or a plain success for a deletion).
    func settle(
        _ operation: OperationID, _ recovery: LostAnswerRecovery?, path: [String: String], body: Data?,
        after error: BarrackAPIError
    ) async throws -> (TransportResponse, JSONValue)? {
        guard let code = ErrorCode(rawValue: error.code) else { return nil }
        switch recovery {
        case .adopt(let adoption)? where code == .duplicateName:
            // The retry met the first send's own resource.
            guard let body else { return nil }
            return try await adopt(operation, adoption, body: body, after: error)
        case .repeatAction(let settledBy, let readBack)? where settledBy.contains(code):
            logger.debug("\(operation): \(error.code) on a retry after a lost answer; the first send was carried out")
            var members: [JSONObject.Member] = [
                .init(key: "success", value: true),
                .init(key: "message", value: .string("\(operation) was carried out; its answer was lost")),
            ]
            if let read = readBack.operation {
                let (_, json) = try await perform(read, path: path, query: [:], body: nil)
                for member in json.objectValue ?? JSONObject() where !["success", "message", "request_id"].contains(member.key) {
                    members.append(member)
                }
            } else if let id = path["id"] {
                members.append(.init(key: "id", value: .string(id)))
            }
            let answer: JSONValue = .object(JSONObject(members))
            return (TransportResponse(status: 200, body: answer.jsonData()), answer)
        default:
            return nil
        }
    }
}
