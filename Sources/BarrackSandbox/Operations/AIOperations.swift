import BarrackAPI
import Foundation

/// The AI chat service, answered offline by a deterministic responder and charged to the balance
/// (barrack-api.md section 6).
extension World {
    static let chatRoles = ["system", "user", "assistant"]

    func listAIModels(_ call: Call) throws(SandboxError) -> Reply {
        let models = catalogue.aiModels.map {
            AIModel(id: $0.id, name: $0.name, inputPricePer1k: $0.promptPricePer1K[currency],
                    outputPricePer1k: $0.completionPricePer1K[currency], currency: currency.wire,
                    contextLength: $0.contextWindow)
        }
        return try Reply(ModelsResponse(models: models), message: "Models retrieved")
    }

    mutating func chat(_ call: Call) throws(SandboxError) -> Reply {
        let missing = call.body.missing(["model", "messages"])
        guard missing.isEmpty else { throw .missing(missing) }
        let modelID = try call.body.string("model") ?? ""
        guard let model = catalogue.aiModel(id: modelID) else {
            throw .invalidValue("model", "unknown model '\(modelID)'; models are "
                                + catalogue.aiModels.map(\.id).joined(separator: ", "))
        }
        var messages: [ChatMessage] = []
        for fields in try call.body.objects("messages") ?? [] {
            let missingParts = fields.missing(["role", "content"])
            guard missingParts.isEmpty else { throw .missing(missingParts) }
            let role = try fields.string("role") ?? ""
            guard Self.chatRoles.contains(role) else {
                throw .invalidValue(fields.name("role"), "\(fields.name("role")) must be system, user or assistant, not '\(role)'")
            }
            messages.append(ChatMessage(role: role, content: try fields.string("content") ?? ""))
        }
        guard !messages.isEmpty else { throw .invalidValue("messages", "messages must hold at least one message") }
        let maxTokens = try call.body.int("max_tokens")
        // A reply longer than the model's context window could never be written.
        if let maxTokens, !(1...model.contextWindow).contains(maxTokens) {
            throw .invalidValue("max_tokens", "max_tokens must be 1 to \(model.contextWindow) for \(model.id); got \(maxTokens)")
        }
        if let temperature = try call.body.double("temperature"), !(0...2).contains(temperature) {
            throw .invalidValue("temperature", "temperature must be 0 to 2; got \(temperature)")
        }
        let promptTokens = messages.reduce(0) { $0 + ChatResponder.tokens(in: $1.content) + ChatResponder.overheadPerMessage }
        guard promptTokens <= model.contextWindow else {
            throw .invalidValue("messages", "the messages take \(promptTokens) tokens; \(model.id) reads at most \(model.contextWindow)")
        }
        let reply = ChatResponder.reply(to: messages, maxTokens: maxTokens)
        let cost = Double(promptTokens) / 1000 * model.promptPricePer1K[currency]
            + Double(reply.tokens) / 1000 * model.completionPricePer1K[currency]
        let available = balance
        guard available >= cost else {
            throw SandboxError(.insufficientCredits, "this chat costs \(Self.money(cost)) \(currency.rawValue); the balance "
                               + "is \(Self.money(available)) \(currency.rawValue)",
                               ["required": .double(Self.money(cost)), "available": .double(Self.money(available)),
                                "currency": .string(currency.rawValue)])
        }
        let record = AIUsageRecord(id: state.issueID(suffix: IDSuffix.aiTransaction, catalogue: catalogue),
                                   model: model.id, promptTokens: promptTokens, completionTokens: reply.tokens,
                                   cost: cost, currency: currency, createdAt: now)
        state.aiUsage.append(record)
        let response = ChatCompletionsResponse(
            id: record.id, model: model.id,
            choices: [ChatChoice(index: 0, message: ChatMessage(role: "assistant", content: reply.text),
                                 finishReason: reply.truncated ? "length" : "stop")],
            usage: ChatUsage(promptTokens: promptTokens, completionTokens: reply.tokens,
                             totalTokens: promptTokens + reply.tokens, cost: Self.money(cost), currency: currency.wire))
        return try Reply(response, message: "Chat completed")
    }

    func getAIUsageSummary(_ call: Call) throws(SandboxError) -> Reply {
        let from = try call.query["from"].map { (text: String) throws(SandboxError) in try Self.date(text, field: "from") }
        let to = try call.query["to"].map { (text: String) throws(SandboxError) in try Self.date(text, field: "to") }
        let records = state.aiUsage.filter { record in
            (from.map { record.createdAt >= $0 } ?? true) && (to.map { record.createdAt <= $0 } ?? true)
        }
        let summary = UsageSummary(
            from: from.map(Self.timestamp), to: to.map(Self.timestamp), totalRequests: records.count,
            totalTokens: records.reduce(0) { $0 + $1.promptTokens + $1.completionTokens },
            totalCost: Self.money(records.reduce(0) { $0 + $1.cost }), currency: currency.wire)
        return try Reply(UsageSummaryResponse(summary: summary), message: "Usage summary retrieved")
    }

    func getAIUsageHistory(_ call: Call) throws(SandboxError) -> Reply {
        let (page, pagination) = try call.paginate(Array(state.aiUsage.reversed()), catalogue)
        return try Reply(UsageHistoryResponse(transactions: page.map(model)), message: "Usage history retrieved",
                         pagination: pagination)
    }

    /// An ISO-8601 instant (`2026-01-01T00:00:00Z`) or day (`2026-01-01`).
    static func date(_ text: String, field: String) throws(SandboxError) -> Date {
        if let date = RFC3339Date.parse(text) { return date }
        throw .invalidValue(field, "\(field) must be an RFC 3339 date such as 2026-01-31 or 2026-01-31T12:00:00Z "
                            + "(any offset, such as +05:30); got '\(text)'")
    }
}

/// The sandbox's offline stand-in for a language model: the same messages always get the same
/// answer, so scripts and tests that chat are reproducible.
enum ChatResponder {
    /// Every message costs this many tokens besides its text (role and separators).
    static let overheadPerMessage = 4

    /// Tokens in `text`: one per 4 bytes, rounded up, the usual rule of thumb for English.
    static func tokens(in text: String) -> Int {
        (text.utf8.count + 3) / 4
    }

    static func reply(to messages: [ChatMessage], maxTokens: Int?) -> (text: String, tokens: Int, truncated: Bool) {
        let question = messages.last { $0.role == "user" }?.content ?? messages.last?.content ?? ""
        let words = question.split(whereSeparator: \.isWhitespace).count
        let echo = question.count > 80 ? String(question.prefix(77)) + "..." : question
        var text = "This is the Barrack sandbox's offline assistant. You wrote \(words) "
            + (words == 1 ? "word" : "words") + ": \"\(echo)\". "
            + "Connect an API key to talk to a real model."
        var truncated = false
        if let maxTokens, tokens(in: text) > maxTokens {
            var cut = ""
            for character in text {
                if tokens(in: cut + String(character)) > maxTokens { break }
                cut.append(character)
            }
            text = cut
            truncated = true
        }
        return (text, tokens(in: text), truncated)
    }
}
