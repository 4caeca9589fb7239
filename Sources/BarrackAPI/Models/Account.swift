/// The account's prepaid credit.
public struct Balance: Codable, Sendable, Equatable {
    public var amount: Double
    public var currency: CurrencyEnum

    public init(amount: Double, currency: CurrencyEnum) {
        self.amount = amount
        self.currency = currency
    }
}

/// The answer of `get_balance`.
public struct CreditBalanceResponse: Codable, Sendable, Equatable {
    public var balance: Balance

    public init(balance: Balance) {
        self.balance = balance
    }
}
