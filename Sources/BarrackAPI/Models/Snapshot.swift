/// A snapshot of an instance's OS volume (Legacy regions).
public struct Snapshot: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var description: String?
    public var instanceID: String
    public var region: RegionEnum
    public var sizeGB: Int
    public var status: SnapshotStatus
    public var hourlyCost: Double?
    public var createdAt: String

    public init(
        id: String,
        name: String,
        description: String? = nil,
        instanceID: String,
        region: RegionEnum,
        sizeGB: Int,
        status: SnapshotStatus,
        hourlyCost: Double? = nil,
        createdAt: String
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.instanceID = instanceID
        self.region = region
        self.sizeGB = sizeGB
        self.status = status
        self.hourlyCost = hourlyCost
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case id
        case name
        case description
        case instanceID = "instance_id"
        case region
        case sizeGB = "size_gb"
        case status
        case hourlyCost = "hourly_cost"
        case createdAt = "created_at"
    }
}

/// The answer of `list_snapshots`.
public struct SnapshotListResponse: Codable, Sendable, Equatable {
    public var snapshots: [Snapshot]

    public init(snapshots: [Snapshot]) {
        self.snapshots = snapshots
    }
}

/// An answer that carries one snapshot.
public struct SnapshotDetailResponse: Codable, Sendable, Equatable {
    public var snapshot: Snapshot

    public init(snapshot: Snapshot) {
        self.snapshot = snapshot
    }
}

/// The answer of `create_snapshot`.
public typealias CreateSnapshotResponse = SnapshotDetailResponse

/// The answer of `delete_snapshot`.
public typealias DeleteSnapshotResponse = DeletedResourceResponse

/// The body of `create_snapshot`.
public struct CreateSnapshotRequest: Codable, Sendable, Equatable {
    public var instanceID: String
    public var name: String
    public var description: String?

    public init(instanceID: String, name: String, description: String? = nil) {
        self.instanceID = instanceID
        self.name = name
        self.description = description
    }

    enum CodingKeys: String, CodingKey {
        case instanceID = "instance_id"
        case name
        case description
    }
}

/// The body of `restore_snapshot`; every field may be left out.
public struct RestoreSnapshotRequest: Codable, Sendable, Equatable {
    public var name: String?
    public var gpuModel: GpuModelEnum?
    public var gpuCount: Int?
    public var sshKeyIDs: [String]?

    public init(
        name: String? = nil,
        gpuModel: GpuModelEnum? = nil,
        gpuCount: Int? = nil,
        sshKeyIDs: [String]? = nil
    ) {
        self.name = name
        self.gpuModel = gpuModel
        self.gpuCount = gpuCount
        self.sshKeyIDs = sshKeyIDs
    }

    enum CodingKeys: String, CodingKey {
        case name
        case gpuModel = "gpu_model"
        case gpuCount = "gpu_count"
        case sshKeyIDs = "ssh_key_ids"
    }
}

/// The answer of `restore_snapshot`: the new instance.
public typealias RestoreSnapshotResponse = VMResponse

/// A custom image made from a snapshot (Legacy regions).
public struct Image: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var description: String?
    public var snapshotID: String
    public var region: RegionEnum
    public var status: SnapshotStatus
    public var sizeGB: Int?
    public var createdAt: String

    public init(
        id: String,
        name: String,
        description: String? = nil,
        snapshotID: String,
        region: RegionEnum,
        status: SnapshotStatus,
        sizeGB: Int? = nil,
        createdAt: String
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.snapshotID = snapshotID
        self.region = region
        self.status = status
        self.sizeGB = sizeGB
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case id
        case name
        case description
        case snapshotID = "snapshot_id"
        case region
        case status
        case sizeGB = "size_gb"
        case createdAt = "created_at"
    }
}

/// The answer of `list_images`.
public struct ImageListResponse: Codable, Sendable, Equatable {
    public var images: [Image]

    public init(images: [Image]) {
        self.images = images
    }
}

/// An answer that carries one custom image.
public struct ImageDetailResponse: Codable, Sendable, Equatable {
    public var image: Image

    public init(image: Image) {
        self.image = image
    }
}

/// The answer of `create_image`.
public typealias ImageCreateResponse = ImageDetailResponse

/// The answer of `delete_image`.
public typealias ImageDeleteResponse = DeletedResourceResponse

/// The body of `create_image`.
public struct CreateImageFromSnapshotRequest: Codable, Sendable, Equatable {
    public var snapshotID: String
    public var name: String
    public var description: String?

    public init(snapshotID: String, name: String, description: String? = nil) {
        self.snapshotID = snapshotID
        self.name = name
        self.description = description
    }

    enum CodingKeys: String, CodingKey {
        case snapshotID = "snapshot_id"
        case name
        case description
    }
}

/// The custom image made from one snapshot, if any.
public struct SnapshotImageRelationshipResponse: Codable, Sendable, Equatable {
    public var snapshotID: String
    public var image: Image?

    public init(snapshotID: String, image: Image? = nil) {
        self.snapshotID = snapshotID
        self.image = image
    }

    enum CodingKeys: String, CodingKey {
        case snapshotID = "snapshot_id"
        case image
    }
}

/// The body of `get_snapshot_images`.
public struct GetBatchSnapshotImageRelationshipsRequest: Codable, Sendable, Equatable {
    public var snapshotIDs: [String]

    public init(snapshotIDs: [String]) {
        self.snapshotIDs = snapshotIDs
    }

    enum CodingKeys: String, CodingKey {
        case snapshotIDs = "snapshot_ids"
    }
}

/// The answer of `get_snapshot_images`.
public struct BatchSnapshotImageRelationshipResponse: Codable, Sendable, Equatable {
    public var relationships: [SnapshotImageRelationshipResponse]

    public init(relationships: [SnapshotImageRelationshipResponse]) {
        self.relationships = relationships
    }
}
