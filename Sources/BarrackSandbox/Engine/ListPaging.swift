import BarrackAPI

extension Reply {
    /// This answer cut to the page the call asks for, when its operation is a paged list whose
    /// operation left the paging to the sandbox.
    ///
    /// Every list operation takes `?page=` and `?limit=` and answers with `total`, `page`, `limit`
    /// and `total_pages` (barrack-api.md section 1). Most operations build their whole list and
    /// let this cut it, so that no list can be left unpaged; the billing lists, whose summaries
    /// cover every record, page themselves and are passed through.
    func paged(for call: Call, catalogue: SandboxCatalogue) throws(SandboxError) -> Reply {
        let endpoint = call.operation.endpoint
        guard pagination == nil, endpoint.isPaginated, let key = endpoint.itemsKey,
              let items = payload[key]?.arrayValue else { return self }
        let (page, pagination) = try call.paginate(items, catalogue)
        var reply = self
        reply.payload[key] = .array(page)
        reply.pagination = pagination
        return reply
    }
}
