/// What to price: the body of `quote_pricing` (and the query of `get_pricing`).
///
/// With a full configuration (`gpu_model` and `gpu_count`, or `volume_type` and `volume_size_gb`) the
/// answer also carries an `estimate`.
public struct PricingRequest: Codable, Sendable, Equatable {
    public var tier: TierEnum?
    public var currency: CurrencyEnum?
    public var resourceType: ResourceTypeEnum?
    public var gpuModel: GpuModelEnum?
    public var gpuCount: Int?
    public var volumeType: VolumeTypeEnum?
    public var volumeSizeGB: Int?

    public init(
        tier: TierEnum? = nil,
        currency: CurrencyEnum? = nil,
        resourceType: ResourceTypeEnum? = nil,
        gpuModel: GpuModelEnum? = nil,
        gpuCount: Int? = nil,
        volumeType: VolumeTypeEnum? = nil,
        volumeSizeGB: Int? = nil
    ) {
        self.tier = tier
        self.currency = currency
        self.resourceType = resourceType
        self.gpuModel = gpuModel
        self.gpuCount = gpuCount
        self.volumeType = volumeType
        self.volumeSizeGB = volumeSizeGB
    }

    enum CodingKeys: String, CodingKey {
        case tier
        case currency
        case resourceType = "resource_type"
        case gpuModel = "gpu_model"
        case gpuCount = "gpu_count"
        case volumeType = "volume_type"
        case volumeSizeGB = "volume_size_gb"
    }
}

/// The price of one resource in every currency.
public struct Price: Codable, Sendable, Equatable {
    /// Amounts keyed by currency code (`USD`, `EUR`, `INR`).
    public var prices: [String: Double]
    /// What one amount buys (`per GPU per hour`).
    public var unit: String?
    public var maxCount: Int?
    public var fixedSizeGB: Int?

    public init(
        prices: [String: Double],
        unit: String? = nil,
        maxCount: Int? = nil,
        fixedSizeGB: Int? = nil
    ) {
        self.prices = prices
        self.unit = unit
        self.maxCount = maxCount
        self.fixedSizeGB = fixedSizeGB
    }

    enum CodingKeys: String, CodingKey {
        case prices
        case unit
        case maxCount = "max_count"
        case fixedSizeGB = "fixed_size_gb"
    }

    /// The amount in `currency`, when the platform quoted it.
    public func amount(in currency: CurrencyEnum) -> Double? {
        prices[currency.rawValue]
    }
}

/// Prices of GPUs or volumes: `pricing[tier][model or volume type]`.
public struct ResourcePricing: Codable, Sendable, Equatable {
    public var pricing: [String: [String: Price]]
    public var description: String?
    public var minimumSizeGB: Int?

    public init(pricing: [String: [String: Price]], description: String? = nil, minimumSizeGB: Int? = nil) {
        self.pricing = pricing
        self.description = description
        self.minimumSizeGB = minimumSizeGB
    }

    enum CodingKeys: String, CodingKey {
        case pricing
        case description
        case minimumSizeGB = "minimum_size_gb"
    }
}

/// Prices of snapshots: `pricing[tier]`.
public struct SnapshotPricing: Codable, Sendable, Equatable {
    public var pricing: [String: Price]
    public var description: String?

    public init(pricing: [String: Price], description: String? = nil) {
        self.pricing = pricing
        self.description = description
    }
}

/// Facts about a pricing answer.
public struct PricingMetadata: Codable, Sendable, Equatable {
    public var supportedCurrencies: [CurrencyEnum]
    public var supportedTiers: [TierEnum]
    public var volumeMinimumSizeGB: Int?
    public var authenticationType: String?
    /// Seconds since 1970 in the reference's example; kept as sent.
    public var timestamp: JSONValue?

    public init(
        supportedCurrencies: [CurrencyEnum],
        supportedTiers: [TierEnum],
        volumeMinimumSizeGB: Int? = nil,
        authenticationType: String? = nil,
        timestamp: JSONValue? = nil
    ) {
        self.supportedCurrencies = supportedCurrencies
        self.supportedTiers = supportedTiers
        self.volumeMinimumSizeGB = volumeMinimumSizeGB
        self.authenticationType = authenticationType
        self.timestamp = timestamp
    }

    enum CodingKeys: String, CodingKey {
        case supportedCurrencies = "supported_currencies"
        case supportedTiers = "supported_tiers"
        case volumeMinimumSizeGB = "volume_minimum_size_gb"
        case authenticationType = "authentication_type"
        case timestamp
    }
}

/// The price lists of a pricing answer.
public struct PricingData: Codable, Sendable, Equatable {
    public var gpus: ResourcePricing?
    public var volumes: ResourcePricing?
    public var snapshots: SnapshotPricing?
    public var metadata: PricingMetadata?

    public init(
        gpus: ResourcePricing? = nil,
        volumes: ResourcePricing? = nil,
        snapshots: SnapshotPricing? = nil,
        metadata: PricingMetadata? = nil
    ) {
        self.gpus = gpus
        self.volumes = volumes
        self.snapshots = snapshots
        self.metadata = metadata
    }
}

/// One line of an estimate.
public struct PriceEstimateItem: Codable, Sendable, Equatable {
    public var resourceType: String
    public var description: String
    public var hourly: Double

    public init(resourceType: String, description: String, hourly: Double) {
        self.resourceType = resourceType
        self.description = description
        self.hourly = hourly
    }

    enum CodingKeys: String, CodingKey {
        case resourceType = "resource_type"
        case description
        case hourly
    }
}

/// The hourly cost of a configuration, with its parts.
public struct PriceEstimate: Codable, Sendable, Equatable {
    public var hourly: Double
    public var currency: CurrencyEnum
    public var breakdown: [PriceEstimateItem]

    public init(hourly: Double, currency: CurrencyEnum, breakdown: [PriceEstimateItem]) {
        self.hourly = hourly
        self.currency = currency
        self.breakdown = breakdown
    }
}

/// The answer of `get_pricing` and `quote_pricing`.
public struct PricingResponse: Codable, Sendable, Equatable {
    public var pricingData: PricingData
    public var estimate: PriceEstimate?

    public init(pricingData: PricingData, estimate: PriceEstimate? = nil) {
        self.pricingData = pricingData
        self.estimate = estimate
    }

    enum CodingKeys: String, CodingKey {
        case pricingData = "pricing_data"
        case estimate
    }
}
