/// The platform's published list prices, as the sandbox's catalogue holds them, for tools that
/// show a price without asking the platform (the language server's hover).
///
///     ListPrices.perGPUHour("H100-SXM5-80GB", in: .usd)  // 2.49
public enum ListPrices {
    /// The price of one GPU of `model` for an hour, nil for a model the catalogue does not know.
    public static func perGPUHour(_ model: String, in currency: Currency = .usd) -> Double? {
        SandboxCatalogue.standard.gpuModels.first { $0.name == model }?.pricePerGPUHour[currency]
    }
}
