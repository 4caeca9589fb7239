/// A chat model and its prices per 1,000 tokens.
public struct AIModel: Codable, Sendable, Equatable {
    public var id: String
    public var name: String?
    public var inputPricePer1k: Double
    public var outputPricePer1k: Double
    public var currency: CurrencyEnum
    public var contextLength: Int?

    public init(
        id: String,
        name: String? = nil,
        inputPricePer1k: Double,
        outputPricePer1k: Double,
        currency: CurrencyEnum,
        contextLength: Int? = nil
    ) {
        self.id = id
        self.name = name
        self.inputPricePer1k = inputPricePer1k
        self.outputPricePer1k = outputPricePer1k
        self.currency = currency
        self.contextLength = contextLength
    }

    enum CodingKeys: String, CodingKey {
        case id
        case name
        case inputPricePer1k = "input_price_per_1k"
        case outputPricePer1k = "output_price_per_1k"
        case currency
        case contextLength = "context_length"
    }
}

/// The answer of `list_ai_models`.
public struct ModelsResponse: Codable, Sendable, Equatable {
    public var models: [AIModel]

    public init(models: [AIModel]) {
        self.models = models
    }
}

/// One message of a chat.
public struct ChatMessage: Codable, Sendable, Equatable {
    /// `system`, `user` or `assistant`.
    public var role: String
    public var content: String

    public init(role: String, content: String) {
        self.role = role
        self.content = content
    }
}

/// The body of `chat` (OpenAI-style).
public struct ChatCompletionsRequest: Codable, Sendable, Equatable {
    public var model: String
    public var messages: [ChatMessage]
    public var maxTokens: Int?
    public var temperature: Double?

    public init(model: String, messages: [ChatMessage], maxTokens: Int? = nil, temperature: Double? = nil) {
        self.model = model
        self.messages = messages
        self.maxTokens = maxTokens
        self.temperature = temperature
    }

    enum CodingKeys: String, CodingKey {
        case model
        case messages
        case maxTokens = "max_tokens"
        case temperature
    }
}

/// One answer of the model.
public struct ChatChoice: Codable, Sendable, Equatable {
    public var index: Int
    public var message: ChatMessage
    public var finishReason: String?

    public init(index: Int, message: ChatMessage, finishReason: String? = nil) {
        self.index = index
        self.message = message
        self.finishReason = finishReason
    }

    enum CodingKeys: String, CodingKey {
        case index
        case message
        case finishReason = "finish_reason"
    }
}

/// The tokens a chat used and what they cost.
public struct ChatUsage: Codable, Sendable, Equatable {
    public var promptTokens: Int
    public var completionTokens: Int
    public var totalTokens: Int
    public var cost: Double
    public var currency: CurrencyEnum

    public init(
        promptTokens: Int,
        completionTokens: Int,
        totalTokens: Int,
        cost: Double,
        currency: CurrencyEnum
    ) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.totalTokens = totalTokens
        self.cost = cost
        self.currency = currency
    }

    enum CodingKeys: String, CodingKey {
        case promptTokens = "prompt_tokens"
        case completionTokens = "completion_tokens"
        case totalTokens = "total_tokens"
        case cost
        case currency
    }
}

/// The answer of `chat`.
public struct ChatCompletionsResponse: Codable, Sendable, Equatable {
    public var id: String
    public var model: String
    public var choices: [ChatChoice]
    public var usage: ChatUsage

    public init(id: String, model: String, choices: [ChatChoice], usage: ChatUsage) {
        self.id = id
        self.model = model
        self.choices = choices
        self.usage = usage
    }
}

/// AI usage over a period.
public struct UsageSummary: Codable, Sendable, Equatable {
    public var from: String?
    public var to: String?
    public var totalRequests: Int
    public var totalTokens: Int
    public var totalCost: Double
    public var currency: CurrencyEnum

    public init(
        from: String? = nil,
        to: String? = nil,
        totalRequests: Int,
        totalTokens: Int,
        totalCost: Double,
        currency: CurrencyEnum
    ) {
        self.from = from
        self.to = to
        self.totalRequests = totalRequests
        self.totalTokens = totalTokens
        self.totalCost = totalCost
        self.currency = currency
    }

    enum CodingKeys: String, CodingKey {
        case from
        case to
        case totalRequests = "total_requests"
        case totalTokens = "total_tokens"
        case totalCost = "total_cost"
        case currency
    }
}

/// The answer of `get_ai_usage_summary`.
public struct UsageSummaryResponse: Codable, Sendable, Equatable {
    public var summary: UsageSummary

    public init(summary: UsageSummary) {
        self.summary = summary
    }
}

/// One charged chat.
public struct AITransaction: Codable, Sendable, Equatable {
    public var id: String
    public var model: String
    public var promptTokens: Int
    public var completionTokens: Int
    public var totalTokens: Int
    public var cost: Double
    public var currency: CurrencyEnum?
    public var createdAt: String

    public init(
        id: String,
        model: String,
        promptTokens: Int,
        completionTokens: Int,
        totalTokens: Int,
        cost: Double,
        currency: CurrencyEnum? = nil,
        createdAt: String
    ) {
        self.id = id
        self.model = model
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.totalTokens = totalTokens
        self.cost = cost
        self.currency = currency
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case id
        case model
        case promptTokens = "prompt_tokens"
        case completionTokens = "completion_tokens"
        case totalTokens = "total_tokens"
        case cost
        case currency
        case createdAt = "created_at"
    }
}

/// The answer of `get_ai_usage_history` (one page).
public struct UsageHistoryResponse: Codable, Sendable, Equatable {
    public var transactions: [AITransaction]

    public init(transactions: [AITransaction]) {
        self.transactions = transactions
    }
}
