import BarrackAPI
import Foundation

/// `get_pricing` and `quote_pricing`: the price lists, filtered, and an estimate for a
/// configuration (barrack-api.md section 6).
extension World {
    func getPricing(_ call: Call) throws(SandboxError) -> Reply {
        let query = call.query
        return try pricing(
            string: { key in query[key].flatMap { $0.isEmpty ? nil : $0 } },
            int: { (key: String) throws(SandboxError) -> Int? in try call.queryInt(key) }, estimates: false)
    }

    func quotePricing(_ call: Call) throws(SandboxError) -> Reply {
        try pricing(
            string: { (key: String) throws(SandboxError) -> String? in try call.body.string(key) },
            int: { (key: String) throws(SandboxError) -> Int? in try call.body.int(key) }, estimates: true)
    }

    /// The price lists; with `estimates` (a POST, barrack-api.md section 6) also the cost of the
    /// configuration given.
    private func pricing(
        string: (String) throws(SandboxError) -> String?, int: (String) throws(SandboxError) -> Int?, estimates: Bool
    ) throws(SandboxError) -> Reply {
        var tiers = Tier.allCases
        if let text = try string("tier") {
            guard let tier = Tier.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) else {
                throw .invalidValue("tier", "tier must be advanced or legacy, not '\(text)'")
            }
            tiers = [tier]
        }
        var currencies = Currency.allCases
        var quoteCurrency = currency
        if let text = try string("currency") {
            guard let chosen = Currency(rawValue: text.uppercased()) else {
                throw .invalidValue("currency", "currency must be USD, EUR or INR, not '\(text)'")
            }
            currencies = [chosen]
            quoteCurrency = chosen
        }
        var sections = ["gpus", "volumes", "snapshots"]
        if let text = try string("resource_type") {
            guard sections.contains(text) else {
                throw .invalidValue("resource_type", "resource_type must be gpus, volumes or snapshots, not '\(text)'")
            }
            sections = [text]
        }
        let model = try string("gpu_model").map { (name: String) throws(SandboxError) in try gpuModel(name) }
        let count = try int("gpu_count")
        if let count { try checkGPUCount(count, field: "gpu_count") }
        let volumeType = try string("volume_type")
        if let volumeType, catalogue.volumeType(named: volumeType) == nil {
            throw .invalidValue("volume_type", "unknown volume type '\(volumeType)'; types are "
                                + catalogue.volumeTypes.map(\.name).joined(separator: ", "))
        }
        let size = try int("volume_size_gb")
        if let size { try checkVolumeSize(size, field: "volume_size_gb") }

        func price(_ prices: Prices, unit: String, maxCount: Int? = nil) -> Price {
            Price(prices: Dictionary(uniqueKeysWithValues: currencies.map { ($0.rawValue, prices[$0]) }), unit: unit,
                  maxCount: maxCount)
        }
        var data = PricingData()
        if sections.contains("gpus") {
            var table: [String: [String: Price]] = [:]
            for gpu in catalogue.gpuModels where tiers.contains(gpu.tier) && (model.map { $0.name == gpu.name } ?? true) {
                table[gpu.tier.wire.rawValue, default: [:]][gpu.name] =
                    price(gpu.pricePerGPUHour, unit: "per GPU per hour", maxCount: catalogue.gpuCounts.max())
            }
            data.gpus = ResourcePricing(pricing: table, description: "GPU prices per GPU-hour")
        }
        if sections.contains("volumes") {
            var table: [String: [String: Price]] = [:]
            for type in catalogue.volumeTypes where tiers.contains(type.tier) && (volumeType.map { $0 == type.name } ?? true) {
                table[type.tier.wire.rawValue, default: [:]][type.name] = price(type.pricePerTBHour, unit: "per TB per hour")
            }
            data.volumes = ResourcePricing(pricing: table, description: "Storage prices per TB-hour",
                                           minimumSizeGB: catalogue.volumeSizeRange.lowerBound)
        }
        if sections.contains("snapshots"), tiers.contains(catalogue.snapshotTier) {
            data.snapshots = SnapshotPricing(
                pricing: [catalogue.snapshotTier.wire.rawValue: price(catalogue.snapshotPricePer100GBHour,
                                                                      unit: "per 100 GB per hour")],
                description: "Snapshot prices per 100 GB-hour")
        }
        data.metadata = PricingMetadata(
            supportedCurrencies: Currency.allCases.map(\.wire), supportedTiers: Tier.allCases.map(\.wire),
            volumeMinimumSizeGB: catalogue.volumeSizeRange.lowerBound, authenticationType: "api_key",
            timestamp: .string(Self.timestamp(now)))

        var breakdown: [PriceEstimateItem] = []
        if let model {
            let gpus = count ?? 1
            breakdown.append(PriceEstimateItem(
                resourceType: "gpus", description: "\(gpus) × \(model.name)",
                hourly: Self.money(model.pricePerGPUHour[quoteCurrency] * Double(gpus))))
        }
        if let volumeType, let size, let type = catalogue.volumeType(named: volumeType) {
            breakdown.append(PriceEstimateItem(
                resourceType: "volumes", description: "\(size) GB \(volumeType)",
                hourly: Self.money(Double(size) / 1000 * type.pricePerTBHour[quoteCurrency])))
        }
        let estimate = breakdown.isEmpty || !estimates ? nil : PriceEstimate(
            hourly: Self.money(breakdown.reduce(0) { $0 + $1.hourly }), currency: quoteCurrency.wire, breakdown: breakdown)
        return try Reply(PricingResponse(pricingData: data, estimate: estimate), message: "Pricing retrieved")
    }
}
