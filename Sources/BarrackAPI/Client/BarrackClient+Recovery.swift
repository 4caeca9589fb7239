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
        func notRetried(_ why: String) -> BarrackAPIError { error.notRetried(operation, why) }
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
            // The lookup had the longer budget of a read; the create may still have been made.
            throw notRetried("looking up '\(name)' failed too: \(error)").unknownOutcome(name: name)
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
            } else {
                for (parameter, key) in readBack.echo {
                    if let value = path[parameter] { members.append(.init(key: key, value: .string(value))) }
                }
            }
            let answer: JSONValue = .object(JSONObject(members))
            return (TransportResponse(status: 200, body: answer.jsonData()), answer)
        case .verify(let verification)?:
            // A retry refused (a resize to the size the first send already set): read back once more.
            return try await verify(operation, verification, path: path, body: body, after: error)
        default:
            return nil
        }
    }

    /// A change whose outcome is unknown, checked before it is sent again: reads the resource and
    /// returns an answer when it already shows what `body` asked for; `nil` when it does not, so
    /// the change may be sent again; throws `error` when the read fails.
    func verify(
        _ operation: OperationID, _ verification: LostAnswerRecovery.Verification, path: [String: String], body: Data?,
        after error: BarrackAPIError
    ) async throws -> (TransportResponse, JSONValue)? {
        guard let body, let request = (try? JSONValue(parsing: body))?.objectValue else { return nil }
        let read: JSONValue
        do {
            (_, read) = try await perform(verification.read, path: path, query: [:], body: nil)
        } catch is CancellationError {
            throw CancellationError()
        } catch let readError {
            throw error.notRetried(operation, "reading it back to see whether it was carried out failed too: \(readError)")
        }
        guard let resource = read[verification.resourceKey] else { return nil }
        func shows(_ candidate: JSONValue) -> Bool {
            request.allSatisfy { member in candidate[member.key] == member.value }
        }
        let members: [JSONObject.Member]
        if let collection = verification.collection, let itemKey = verification.itemKey {
            guard let item = resource[collection]?.arrayValue?.first(where: shows) else { return nil }
            members = [.init(key: verification.ownerKey ?? "id", value: resource["id"] ?? .null), .init(key: itemKey, value: item)]
        } else {
            guard shows(resource) else { return nil }
            members = [.init(key: verification.resourceKey, value: resource)]
        }
        logger.debug("\(operation): carried out although its answer was lost (\(error.code)); not sent again")
        let answer: JSONValue = .object(JSONObject([
            .init(key: "success", value: true),
            .init(key: "message", value: .string("\(operation) was carried out; its answer was lost")),
        ] + members))
        return (TransportResponse(status: 200, body: answer.jsonData()), answer)
    }
}

extension BarrackAPIError {
    /// This error of `operation`, saying why it was not sent again: `message (not retried: why)`.
    func notRetried(_ operation: OperationID, _ why: String) -> BarrackAPIError {
        BarrackAPIError(code: code, status: status, message: message + " (not retried: \(why))", operation: operation,
                        requestID: requestID, details: details)
    }
}
