/// One billing period of an instance.
public struct BillingRecord: Codable, Sendable, Equatable {
    public var billingID: String
    public var instanceID: String
    public var vmName: String
    public var gpuType: GpuModelEnum
    public var gpuCount: Int
    public var tier: TierEnum?
    public var startTime: String
    /// `nil` while the resource still bills.
    public var endTime: String?
    public var totalDurationMinutes: Double
    public var perMinuteRate: Double
    public var totalCost: Double
    public var currency: CurrencyEnum
    public var status: String
    public var description: String?

    public init(
        billingID: String,
        instanceID: String,
        vmName: String,
        gpuType: GpuModelEnum,
        gpuCount: Int,
        tier: TierEnum? = nil,
        startTime: String,
        endTime: String? = nil,
        totalDurationMinutes: Double,
        perMinuteRate: Double,
        totalCost: Double,
        currency: CurrencyEnum,
        status: String,
        description: String? = nil
    ) {
        self.billingID = billingID
        self.instanceID = instanceID
        self.vmName = vmName
        self.gpuType = gpuType
        self.gpuCount = gpuCount
        self.tier = tier
        self.startTime = startTime
        self.endTime = endTime
        self.totalDurationMinutes = totalDurationMinutes
        self.perMinuteRate = perMinuteRate
        self.totalCost = totalCost
        self.currency = currency
        self.status = status
        self.description = description
    }

    enum CodingKeys: String, CodingKey {
        case billingID = "billing_id"
        case instanceID = "instance_id"
        case vmName = "vm_name"
        case gpuType = "gpu_type"
        case gpuCount = "gpu_count"
        case tier
        case startTime = "start_time"
        case endTime = "end_time"
        case totalDurationMinutes = "total_duration_minutes"
        case perMinuteRate = "per_minute_rate"
        case totalCost = "total_cost"
        case currency
        case status
        case description
    }
}

/// Totals over an instance's billing records (the platform spells these keys in camelCase).
public struct BillingSummary: Codable, Sendable, Equatable {
    public var totalMinutes: Double
    public var activeCount: Int
    public var completedCount: Int?
    public var hibernatedCount: Int?
    public var averageUsage: Double
    public var totalCost: Double

    public init(
        totalMinutes: Double,
        activeCount: Int,
        completedCount: Int? = nil,
        hibernatedCount: Int? = nil,
        averageUsage: Double,
        totalCost: Double
    ) {
        self.totalMinutes = totalMinutes
        self.activeCount = activeCount
        self.completedCount = completedCount
        self.hibernatedCount = hibernatedCount
        self.averageUsage = averageUsage
        self.totalCost = totalCost
    }
}

/// The answer of `get_instance_billing` (one page).
public struct Billing: Codable, Sendable, Equatable {
    public var records: [BillingRecord]
    public var summary: BillingSummary
    public var currency: CurrencyEnum?

    public init(records: [BillingRecord], summary: BillingSummary, currency: CurrencyEnum? = nil) {
        self.records = records
        self.summary = summary
        self.currency = currency
    }
}

/// Totals over volume or snapshot billing records.
public struct VolumeBillingSummary: Codable, Sendable, Equatable {
    public var totalMinutes: Double
    public var activeCount: Int
    public var averageUsage: Double
    public var totalSizeGB: Double?
    public var totalCost: Double?

    public init(
        totalMinutes: Double,
        activeCount: Int,
        averageUsage: Double,
        totalSizeGB: Double? = nil,
        totalCost: Double? = nil
    ) {
        self.totalMinutes = totalMinutes
        self.activeCount = activeCount
        self.averageUsage = averageUsage
        self.totalSizeGB = totalSizeGB
        self.totalCost = totalCost
    }
}

/// What a storage billing record is about: a volume or a snapshot. The two records differ only in
/// the names of their resource's id and name members.
public protocol StorageResourceKind: Sendable {
    /// The member holding the resource's id (`volume_id`).
    static var idKey: String { get }
    /// The member holding the resource's name (`volume_name`).
    static var nameKey: String { get }
}

/// Volumes, for `VolumeBillingRecord`.
public enum VolumeStorage: StorageResourceKind {
    public static let idKey = "volume_id"
    public static let nameKey = "volume_name"
}

/// Snapshots, for `SnapshotBillingRecord`.
public enum SnapshotStorage: StorageResourceKind {
    public static let idKey = "snapshot_id"
    public static let nameKey = "snapshot_name"
}

/// One billing period of a volume (`VolumeBillingRecord`) or a snapshot.
public struct StorageBillingRecord<Kind: StorageResourceKind>: Codable, Sendable, Equatable {
    public var billingID: String
    /// The volume's or snapshot's id, sent as `Kind.idKey`.
    public var resourceID: String
    /// Its name, sent as `Kind.nameKey`.
    public var resourceName: String
    public var sizeGB: Int
    public var tier: TierEnum?
    public var startTime: String
    /// `nil` while the resource still bills.
    public var endTime: String?
    public var totalDurationMinutes: Double
    public var perMinuteRate: Double
    public var totalCost: Double
    public var currency: CurrencyEnum
    public var status: String
    public var description: String?

    public init(
        billingID: String, resourceID: String, resourceName: String, sizeGB: Int, tier: TierEnum? = nil,
        startTime: String, endTime: String? = nil, totalDurationMinutes: Double, perMinuteRate: Double,
        totalCost: Double, currency: CurrencyEnum, status: String, description: String? = nil
    ) {
        self.billingID = billingID
        self.resourceID = resourceID
        self.resourceName = resourceName
        self.sizeGB = sizeGB
        self.tier = tier
        self.startTime = startTime
        self.endTime = endTime
        self.totalDurationMinutes = totalDurationMinutes
        self.perMinuteRate = perMinuteRate
        self.totalCost = totalCost
        self.currency = currency
        self.status = status
        self.description = description
    }

    private struct Key: CodingKey {
        let stringValue: String
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        billingID = try container.decode(String.self, forKey: Key("billing_id"))
        resourceID = try container.decode(String.self, forKey: Key(Kind.idKey))
        resourceName = try container.decode(String.self, forKey: Key(Kind.nameKey))
        sizeGB = try container.decode(Int.self, forKey: Key("size_gb"))
        tier = try container.decodeIfPresent(TierEnum.self, forKey: Key("tier"))
        startTime = try container.decode(String.self, forKey: Key("start_time"))
        endTime = try container.decodeIfPresent(String.self, forKey: Key("end_time"))
        totalDurationMinutes = try container.decode(Double.self, forKey: Key("total_duration_minutes"))
        perMinuteRate = try container.decode(Double.self, forKey: Key("per_minute_rate"))
        totalCost = try container.decode(Double.self, forKey: Key("total_cost"))
        currency = try container.decode(CurrencyEnum.self, forKey: Key("currency"))
        status = try container.decode(String.self, forKey: Key("status"))
        description = try container.decodeIfPresent(String.self, forKey: Key("description"))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(billingID, forKey: Key("billing_id"))
        try container.encode(resourceID, forKey: Key(Kind.idKey))
        try container.encode(resourceName, forKey: Key(Kind.nameKey))
        try container.encode(sizeGB, forKey: Key("size_gb"))
        try container.encodeIfPresent(tier, forKey: Key("tier"))
        try container.encode(startTime, forKey: Key("start_time"))
        try container.encodeIfPresent(endTime, forKey: Key("end_time"))
        try container.encode(totalDurationMinutes, forKey: Key("total_duration_minutes"))
        try container.encode(perMinuteRate, forKey: Key("per_minute_rate"))
        try container.encode(totalCost, forKey: Key("total_cost"))
        try container.encode(currency, forKey: Key("currency"))
        try container.encode(status, forKey: Key("status"))
        try container.encodeIfPresent(description, forKey: Key("description"))
    }
}

/// One billing period of a volume.
public typealias VolumeBillingRecord = StorageBillingRecord<VolumeStorage>
/// One billing period of a snapshot.
public typealias SnapshotBillingRecord = StorageBillingRecord<SnapshotStorage>

/// The answer of `get_volume_billing` or `get_snapshot_billing` (one page).
public struct StorageBillingResponse<Kind: StorageResourceKind>: Codable, Sendable, Equatable {
    public var records: [StorageBillingRecord<Kind>]
    public var summary: VolumeBillingSummary
    public var currency: CurrencyEnum?

    public init(records: [StorageBillingRecord<Kind>], summary: VolumeBillingSummary, currency: CurrencyEnum? = nil) {
        self.records = records
        self.summary = summary
        self.currency = currency
    }
}

/// The answer of `get_volume_billing` (one page).
public typealias VolumeHourlyBillingResponse = StorageBillingResponse<VolumeStorage>
/// The answer of `get_snapshot_billing` (one page).
public typealias SnapshotBillingResponse = StorageBillingResponse<SnapshotStorage>
