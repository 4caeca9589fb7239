import BarrackAPI

/// A currency an account can hold its balance in (barrack-api.md section 1).
public enum Currency: String, Codable, Sendable, CaseIterable {
    case usd = "USD"
    case eur = "EUR"
    case inr = "INR"
}

/// One price in each of the platform's currencies, as the contract's tables list them.
struct Prices: Codable, Sendable, Equatable {
    var usd: Double
    var eur: Double
    var inr: Double

    init(_ usd: Double, _ eur: Double, _ inr: Double) {
        self.usd = usd
        self.eur = eur
        self.inr = inr
    }

    subscript(currency: Currency) -> Double {
        switch currency {
        case .usd: return usd
        case .eur: return eur
        case .inr: return inr
        }
    }

    /// Every price multiplied by `factor` (a count, a size in TB).
    func scaled(by factor: Double) -> Prices {
        Prices(usd * factor, eur * factor, inr * factor)
    }
}

extension Currency {
    /// The client model's form of this currency.
    var wire: CurrencyEnum { CurrencyEnum(rawValue: rawValue) }
}
