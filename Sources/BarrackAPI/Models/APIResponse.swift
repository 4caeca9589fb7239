/// A success answer of the platform: the common envelope around one operation's payload.
///
/// The platform writes the envelope's keys (`success`, `message`, `request_id`, often `tier`, and
/// for paged lists `total`, `page`, `limit`, `total_pages`) beside the payload's keys in one JSON
/// object; this type decodes both from that one object and encodes them back into one.
/// Payload members read through directly:
///
/// ```swift
/// let answer = try await client.getInstance(id: "BRK-482913VM")
/// answer.instance.status   // the payload's member
/// answer.requestID         // the envelope's
/// ```
@dynamicMemberLookup
public struct APIResponse<Payload: Codable & Sendable>: Codable, Sendable {
    public var success: Bool
    public var message: String?
    public var requestID: String?
    public var tier: TierEnum?
    /// The position of this page, for paged lists.
    public var pagination: Pagination?
    /// The operation's own data, named after the platform's schema.
    public var payload: Payload

    public init(
        payload: Payload, success: Bool = true, message: String? = nil, requestID: String? = nil,
        tier: TierEnum? = nil, pagination: Pagination? = nil
    ) {
        self.payload = payload
        self.success = success
        self.message = message
        self.requestID = requestID
        self.tier = tier
        self.pagination = pagination
    }

    public subscript<Member>(dynamicMember keyPath: KeyPath<Payload, Member>) -> Member {
        payload[keyPath: keyPath]
    }

    enum CodingKeys: String, CodingKey {
        case success, message, tier
        case requestID = "request_id"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        success = try container.decodeIfPresent(Bool.self, forKey: .success) ?? true
        message = try container.decodeIfPresent(String.self, forKey: .message)
        requestID = try container.decodeIfPresent(String.self, forKey: .requestID)
        tier = try container.decodeIfPresent(TierEnum.self, forKey: .tier)
        pagination = try Pagination.decodeIfPresent(from: decoder)
        payload = try Payload(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(success, forKey: .success)
        try container.encodeIfPresent(message, forKey: .message)
        try payload.encode(to: encoder)
        try pagination?.encode(to: encoder)
        try container.encodeIfPresent(tier, forKey: .tier)
        try container.encodeIfPresent(requestID, forKey: .requestID)
    }
}

extension APIResponse: Equatable where Payload: Equatable {}

/// Where a page sits in a paged list: the keys `total`, `page`, `limit` and `total_pages`.
public struct Pagination: Codable, Sendable, Equatable {
    /// Items over all pages.
    public var total: Int
    /// This page's number, from 1.
    public var page: Int
    /// Items per page.
    public var limit: Int
    public var totalPages: Int

    public init(total: Int, page: Int, limit: Int, totalPages: Int) {
        self.total = total
        self.page = page
        self.limit = limit
        self.totalPages = totalPages
    }

    /// Whether a page follows this one.
    public var hasNextPage: Bool { page < totalPages }

    enum CodingKeys: String, CodingKey {
        case total, page, limit
        case totalPages = "total_pages"
    }

    /// The pagination of an answer when it has any of the keys, else `nil`.
    static func decodeIfPresent(from decoder: any Decoder) throws -> Pagination? {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard container.contains(.page) || container.contains(.totalPages) else { return nil }
        return try Pagination(from: decoder)
    }
}

/// A payload that holds a list of items, so pages of it can be joined.
public protocol ListPayload: Codable, Sendable {
    associatedtype Item: Codable & Sendable
    /// The items of this page.
    var items: [Item] { get set }
}

extension ListVMsResponse: ListPayload {
    public var items: [VMInstance] { get { instances } set { instances = newValue } }
}

extension Billing: ListPayload {
    public var items: [BillingRecord] { get { records } set { records = newValue } }
}

extension GetVolumesWithNextNameResponse: ListPayload {
    public var items: [VolumeResponse] { get { volumes } set { volumes = newValue } }
}

extension StorageBillingResponse: ListPayload {
    public var items: [StorageBillingRecord<Kind>] { get { records } set { records = newValue } }
}

extension UsageHistoryResponse: ListPayload {
    public var items: [AITransaction] { get { transactions } set { transactions = newValue } }
}
