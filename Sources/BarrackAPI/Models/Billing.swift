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

/// One billing period of a volume.
public struct VolumeBillingRecord: Codable, Sendable, Equatable {
    public var billingID: String
    public var volumeID: String
    public var volumeName: String
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
        billingID: String,
        volumeID: String,
        volumeName: String,
        sizeGB: Int,
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
        self.volumeID = volumeID
        self.volumeName = volumeName
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

    enum CodingKeys: String, CodingKey {
        case billingID = "billing_id"
        case volumeID = "volume_id"
        case volumeName = "volume_name"
        case sizeGB = "size_gb"
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

/// The answer of `get_volume_billing` (one page).
public struct VolumeHourlyBillingResponse: Codable, Sendable, Equatable {
    public var records: [VolumeBillingRecord]
    public var summary: VolumeBillingSummary
    public var currency: CurrencyEnum?

    public init(
        records: [VolumeBillingRecord],
        summary: VolumeBillingSummary,
        currency: CurrencyEnum? = nil
    ) {
        self.records = records
        self.summary = summary
        self.currency = currency
    }
}

/// One billing period of a snapshot.
public struct SnapshotBillingRecord: Codable, Sendable, Equatable {
    public var billingID: String
    public var snapshotID: String
    public var snapshotName: String
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
        billingID: String,
        snapshotID: String,
        snapshotName: String,
        sizeGB: Int,
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
        self.snapshotID = snapshotID
        self.snapshotName = snapshotName
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

    enum CodingKeys: String, CodingKey {
        case billingID = "billing_id"
        case snapshotID = "snapshot_id"
        case snapshotName = "snapshot_name"
        case sizeGB = "size_gb"
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

/// The answer of `get_snapshot_billing` (one page).
public struct SnapshotBillingResponse: Codable, Sendable, Equatable {
    public var records: [SnapshotBillingRecord]
    public var summary: VolumeBillingSummary
    public var currency: CurrencyEnum?

    public init(
        records: [SnapshotBillingRecord],
        summary: VolumeBillingSummary,
        currency: CurrencyEnum? = nil
    ) {
        self.records = records
        self.summary = summary
        self.currency = currency
    }
}
