/// AI chat operations.
extension BarrackClient {
    /// The chat models and their prices (`list_ai_models`).
    public func listAIModels() async throws -> APIResponse<ModelsResponse> {
        try await sendEveryPage(.listAIModels)
    }

    /// Sends a chat, charged to the balance (`chat`).
    public func chat(_ request: ChatCompletionsRequest) async throws -> APIResponse<ChatCompletionsResponse> {
        try await send(.chat, body: request)
    }

    /// AI usage between two ISO-8601 times (`get_ai_usage_summary`).
    public func getAIUsageSummary(from: String? = nil, to: String? = nil) async throws
        -> APIResponse<UsageSummaryResponse>
    {
        try await send(.getAIUsageSummary, query: ["from": from, "to": to])
    }

    /// One page of charged chats (`get_ai_usage_history`).
    public func getAIUsageHistory(page: Int? = nil, limit: Int? = nil) async throws
        -> APIResponse<UsageHistoryResponse>
    {
        try await send(.getAIUsageHistory, query: Self.pageQuery(page, limit))
    }
}
