import BarrackAPI

/// A connection that records in the `Ledger` every create of a billed resource before it is
/// sent, and settles it when the answer comes; a deletion settles it too.
///
/// A deploy without a name is named first (`NamelessCreate`), so that every recorded instance can
/// be found by name even when its answer never arrives. A create whose outcome stays unknown (the
/// answer lost and the lookup by name failed too, a timeout, Ctrl-C while it was in flight) stays
/// pending in the ledger, and its error's `details` carry the `name` it was sent with and
/// `outcome: "unknown"`, so that cleanup code can look for it.
public struct LedgerConnection: PlatformConnection {
    /// The connection requests go through.
    public let base: any PlatformConnection
    /// Where creates are recorded.
    public let ledger: Ledger

    /// Records the creates sent through `base` in `ledger`.
    public init(base: any PlatformConnection, ledger: Ledger) {
        self.base = base
        self.ledger = ledger
    }

    public func call(_ operation: OperationID, pathParameters: [String: String], query: [QueryItem],
                     body: JSONValue?) async throws -> JSONValue {
        if let kind = LedgerKind.created(by: operation) {
            return try await create(kind, operation, pathParameters: pathParameters, query: query, body: body)
        }
        let answer = try await base.call(operation, pathParameters: pathParameters, query: query, body: body)
        if let kind = LedgerKind.deleted(by: operation), let id = pathParameters["id"] {
            ledger.deleted(kind, id: id)
        }
        return answer
    }

    private func create(_ kind: LedgerKind, _ operation: OperationID, pathParameters: [String: String],
                        query: [QueryItem], body: JSONValue?) async throws -> JSONValue {
        let sent = NamelessCreate.named(operation, request: body) ?? body
        let name = sent?["name"]?.stringValue
        let token = try ledger.willCreate(kind, operation, name: name, region: sent?["region"]?.stringValue)
        do {
            let answer = try await base.call(operation, pathParameters: pathParameters, query: query, body: sent)
            ledger.created(token, resource: PlatformCall.payload(answer, endpoint: operation.endpoint))
            return answer
        } catch let error as BarrackAPIError where !Self.outcomeIsUnknown(error) {
            ledger.notCreated(token)
            throw error
        } catch let error as BarrackAPIError {
            throw error.unknownOutcome(name: name)
        }
    }

    /// Whether a create that failed with `error` may still have been carried out: the client
    /// says so, or its answer was lost (a dropped connection, a timeout, a server error) when the
    /// client could not look for it.
    public static func outcomeIsUnknown(_ error: BarrackAPIError) -> Bool {
        if error.outcomeIsUnknown { return true }
        switch ErrorCode(rawValue: error.code) {
        case .network?, .timeout?, .serverError?: return true
        default: return (error.status ?? 0) >= 500
        }
    }
}
