import Foundation

/// Fetching every page of a paged list.
extension BarrackClient {
    /// 100 is the platform's largest page (barrack-api.md section 1): fewest round trips.
    public static let largestPage = 100

    /// Calls a list operation page by page and joins the items.
    ///
    /// Returns the first page's answer with the items of every page under the endpoint's items key
    /// and without `page`, `limit` and `total_pages`, which no longer describe it. An operation that
    /// is not paged is called once.
    public func callAllPages(
        _ operation: OperationID, path: [String: String] = [:], query: [String: String] = [:]
    ) async throws -> JSONValue {
        let endpoint = operation.endpoint
        guard endpoint.isPaginated, let itemsKey = endpoint.itemsKey else {
            return try await call(operation, path: path, query: query)
        }
        var items: [JSONValue] = []
        var first: JSONObject?
        var page = 1
        while true {
            var pageQuery = query
            pageQuery["page"] = String(page)
            pageQuery["limit"] = query["limit"] ?? String(Self.largestPage)
            let answer = try await call(operation, path: path, query: pageQuery)
            guard let object = answer.objectValue, let pageItems = object[itemsKey]?.arrayValue else {
                throw BarrackAPIError(
                    .decoding, message: "the answer of \(operation) has no list '\(itemsKey)'", operation: operation)
            }
            if first == nil { first = object }
            items += pageItems
            let totalPages = object["total_pages"]?.intValue ?? page
            if pageItems.isEmpty || page >= totalPages { break }
            page += 1
        }
        var joined = first ?? JSONObject()
        joined[itemsKey] = .array(items)
        for key in ["page", "limit", "total_pages"] { joined[key] = nil }
        return .object(joined)
    }

    /// Calls a list operation page by page and decodes the joined answer: what the typed list
    /// methods that take no page (`listSSHKeys()`) return, so that none of them stops at the
    /// platform's default page of 20.
    func sendEveryPage<Payload: Codable & Sendable>(
        _ operation: OperationID, path: [String: String] = [:], query: [String: String?] = [:]
    ) async throws -> APIResponse<Payload> {
        let joined = try await callAllPages(operation, path: path, query: query.compactMapValues { $0 })
        let response = TransportResponse(status: 200, headers: ["Content-Type": "application/json"],
                                         body: joined.jsonData())
        return try interpreter.decode(APIResponse<Payload>.self, from: response, operation: operation,
                                      requestID: joined["request_id"]?.stringValue)
    }

    /// Fetches every page through a typed list method and joins the items.
    ///
    /// ```swift
    /// let volumes = try await client.allPages { try await client.listVolumes(page: $0, limit: $1) }
    /// ```
    public func allPages<Payload: ListPayload>(
        _ fetch: (_ page: Int, _ limit: Int) async throws -> APIResponse<Payload>
    ) async throws -> [Payload.Item] {
        var items: [Payload.Item] = []
        var page = 1
        while true {
            let answer = try await fetch(page, Self.largestPage)
            items += answer.payload.items
            guard let pagination = answer.pagination, pagination.hasNextPage, !answer.payload.items.isEmpty else {
                return items
            }
            page += 1
        }
    }
}
