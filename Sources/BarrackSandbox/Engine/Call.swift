import BarrackAPI

/// One request as an operation sees it: its path parameters, its query and its body.
struct Call: Sendable {
    let operation: OperationID
    let parameters: [String: String]
    let query: [String: String]
    let body: Fields

    /// The path parameter `name` (`id`, `rule_id`); the router only calls with matched paths.
    func parameter(_ name: String) -> String { parameters[name] ?? "" }

    /// A query parameter that must be a whole number, or `nil` when absent.
    func queryInt(_ name: String) throws(SandboxError) -> Int? {
        guard let text = query[name], !text.isEmpty else { return nil }
        guard let value = Int(text) else { throw .invalidValue(name, "\(name) must be a whole number, not '\(text)'") }
        return value
    }

    /// The requested page and page size (barrack-api.md section 1: pages from 1, limit 1–100,
    /// default 20; pages up to `SandboxCatalogue.maxPage`).
    func pageRequest(_ catalogue: SandboxCatalogue) throws(SandboxError) -> (page: Int, limit: Int) {
        let page = try queryInt("page") ?? 1
        guard (1...catalogue.maxPage).contains(page) else {
            throw .invalidValue("page", "page counts from 1 to \(catalogue.maxPage); got \(page)")
        }
        let limit = try queryInt("limit") ?? catalogue.defaultPageLimit
        guard (1...catalogue.maxPageLimit).contains(limit) else {
            throw .invalidValue("limit", "limit must be 1 to \(catalogue.maxPageLimit); got \(limit)")
        }
        return (page, limit)
    }

    /// One page of `items` and where it sits.
    func paginate<Item>(_ items: [Item], _ catalogue: SandboxCatalogue) throws(SandboxError) -> ([Item], Pagination) {
        let (page, limit) = try pageRequest(catalogue)
        // The offset of a page near Int.max overflows; one request must never take the server down.
        let (offset, overflow) = (page - 1).multipliedReportingOverflow(by: limit)
        guard !overflow else {
            throw .invalidValue("page", "page \(page) of \(limit) items each is past any list; pages count from 1")
        }
        let start = min(items.count, offset)
        let end = min(items.count, start + limit)
        let totalPages = max(1, (items.count + limit - 1) / limit)
        return (Array(items[start..<end]), Pagination(total: items.count, page: page, limit: limit, totalPages: totalPages))
    }
}
