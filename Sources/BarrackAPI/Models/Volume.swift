/// A volume: block storage in one region.
public struct VolumeResponse: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var region: RegionEnum
    public var tier: TierEnum
    public var sizeGB: Int
    public var volumeType: VolumeTypeEnum
    public var status: VolumeStatus
    public var bootable: Bool
    public var osImageID: String?
    /// The instance it is attached to.
    public var instanceID: String?
    public var hourlyCost: Double
    public var currency: CurrencyEnum?
    public var createdAt: String

    public init(
        id: String,
        name: String,
        region: RegionEnum,
        tier: TierEnum,
        sizeGB: Int,
        volumeType: VolumeTypeEnum,
        status: VolumeStatus,
        bootable: Bool,
        osImageID: String? = nil,
        instanceID: String? = nil,
        hourlyCost: Double,
        currency: CurrencyEnum? = nil,
        createdAt: String
    ) {
        self.id = id
        self.name = name
        self.region = region
        self.tier = tier
        self.sizeGB = sizeGB
        self.volumeType = volumeType
        self.status = status
        self.bootable = bootable
        self.osImageID = osImageID
        self.instanceID = instanceID
        self.hourlyCost = hourlyCost
        self.currency = currency
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case id
        case name
        case region
        case tier
        case sizeGB = "size_gb"
        case volumeType = "volume_type"
        case status
        case bootable
        case osImageID = "os_image_id"
        case instanceID = "instance_id"
        case hourlyCost = "hourly_cost"
        case currency
        case createdAt = "created_at"
    }
}

/// The answer of `list_volumes` (one page), with the next free default name.
public struct GetVolumesWithNextNameResponse: Codable, Sendable, Equatable {
    public var volumes: [VolumeResponse]
    public var nextName: String?

    public init(volumes: [VolumeResponse], nextName: String? = nil) {
        self.volumes = volumes
        self.nextName = nextName
    }

    enum CodingKeys: String, CodingKey {
        case volumes
        case nextName = "next_name"
    }
}

/// The body of `create_volume`.
public struct CreateVolumeRequest: Codable, Sendable, Equatable {
    public var name: String
    public var region: RegionEnum
    public var sizeGB: Int
    public var volumeType: VolumeTypeEnum
    public var bootable: Bool?
    public var osImageID: String?

    public init(
        name: String,
        region: RegionEnum,
        sizeGB: Int,
        volumeType: VolumeTypeEnum,
        bootable: Bool? = nil,
        osImageID: String? = nil
    ) {
        self.name = name
        self.region = region
        self.sizeGB = sizeGB
        self.volumeType = volumeType
        self.bootable = bootable
        self.osImageID = osImageID
    }

    enum CodingKeys: String, CodingKey {
        case name
        case region
        case sizeGB = "size_gb"
        case volumeType = "volume_type"
        case bootable
        case osImageID = "os_image_id"
    }
}

/// An answer that carries one volume.
public struct GetVolumeDetailsResponse: Codable, Sendable, Equatable {
    public var volume: VolumeResponse

    public init(volume: VolumeResponse) {
        self.volume = volume
    }
}

/// The answer of `create_volume`.
public typealias CreateVolumeResponse = GetVolumeDetailsResponse

/// The answer of `resize_volume`.
public typealias ResizeVolumeResponse = GetVolumeDetailsResponse

/// The answer of `clone_volume`: the new volume.
public typealias CloneVolumeResponse = GetVolumeDetailsResponse

/// The answer of `delete_volume`.
public typealias DeleteVolumeResponse = DeletedResourceResponse

/// The body of `resize_volume`: the new, larger size.
public struct ResizeVolumeRequest: Codable, Sendable, Equatable {
    public var sizeGB: Int

    public init(sizeGB: Int) {
        self.sizeGB = sizeGB
    }

    enum CodingKeys: String, CodingKey {
        case sizeGB = "size_gb"
    }
}

/// The body of `clone_volume`: the new volume's name.
public struct CloneVolumeRequest: Codable, Sendable, Equatable {
    public var name: String

    public init(name: String) {
        self.name = name
    }
}

/// The body of `attach_volumes`.
public struct AttachVolumesRequest: Codable, Sendable, Equatable {
    public var volumeIDs: [String]

    public init(volumeIDs: [String]) {
        self.volumeIDs = volumeIDs
    }

    enum CodingKeys: String, CodingKey {
        case volumeIDs = "volume_ids"
    }
}

/// The body of `detach_volumes`.
public struct DetachVolumesRequest: Codable, Sendable, Equatable {
    public var volumeIDs: [String]

    public init(volumeIDs: [String]) {
        self.volumeIDs = volumeIDs
    }

    enum CodingKeys: String, CodingKey {
        case volumeIDs = "volume_ids"
    }
}

/// The answer of `attach_volumes` and `detach_volumes`: the instance and the volumes moved.
public struct AttachVolumesResponse: Codable, Sendable, Equatable {
    public var instance: VMInstance
    public var volumes: [VolumeResponse]

    public init(instance: VMInstance, volumes: [VolumeResponse]) {
        self.instance = instance
        self.volumes = volumes
    }
}

/// The answer of `detach_volumes`.
public typealias DetachVolumesResponse = AttachVolumesResponse

/// A volume attached to an instance.
public struct VMVolumeAttachment: Codable, Sendable, Equatable {
    public var volumeID: String
    public var instanceID: String
    public var attachedAt: String?

    public init(volumeID: String, instanceID: String, attachedAt: String? = nil) {
        self.volumeID = volumeID
        self.instanceID = instanceID
        self.attachedAt = attachedAt
    }

    enum CodingKeys: String, CodingKey {
        case volumeID = "volume_id"
        case instanceID = "instance_id"
        case attachedAt = "attached_at"
    }
}

/// A volume type offered in a region, with its price.
public struct VolumeTypeInfo: Codable, Sendable, Equatable {
    public var volumeType: VolumeTypeEnum
    public var tier: TierEnum
    public var pricePerTBHour: Double?
    public var currency: CurrencyEnum?
    public var minSizeGB: Int
    public var maxSizeGB: Int

    public init(
        volumeType: VolumeTypeEnum,
        tier: TierEnum,
        pricePerTBHour: Double? = nil,
        currency: CurrencyEnum? = nil,
        minSizeGB: Int,
        maxSizeGB: Int
    ) {
        self.volumeType = volumeType
        self.tier = tier
        self.pricePerTBHour = pricePerTBHour
        self.currency = currency
        self.minSizeGB = minSizeGB
        self.maxSizeGB = maxSizeGB
    }

    enum CodingKeys: String, CodingKey {
        case volumeType = "volume_type"
        case tier
        case pricePerTBHour = "price_per_tb_hour"
        case currency
        case minSizeGB = "min_size_gb"
        case maxSizeGB = "max_size_gb"
    }
}

/// The answer of `list_volume_types`.
public struct GetVolumeTypesResponse: Codable, Sendable, Equatable {
    public var volumeTypes: [VolumeTypeInfo]

    public init(volumeTypes: [VolumeTypeInfo]) {
        self.volumeTypes = volumeTypes
    }

    enum CodingKeys: String, CodingKey {
        case volumeTypes = "volume_types"
    }
}
