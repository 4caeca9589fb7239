/// What an instance boots from: an OS image, a bootable volume or a custom image.
public struct BootSource: Codable, Sendable, Equatable {
    public var type: BootSourceType
    public var osImageID: String?
    public var volumeID: String?
    public var imageID: String?

    public init(
        type: BootSourceType,
        osImageID: String? = nil,
        volumeID: String? = nil,
        imageID: String? = nil
    ) {
        self.type = type
        self.osImageID = osImageID
        self.volumeID = volumeID
        self.imageID = imageID
    }

    enum CodingKeys: String, CodingKey {
        case type
        case osImageID = "os_image_id"
        case volumeID = "volume_id"
        case imageID = "image_id"
    }

    /// Writes the type and only the id that goes with it: `{"type": "os_image", "os_image_id": …}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        if let osImageID { try container.encode(osImageID, forKey: .osImageID) }
        if let volumeID { try container.encode(volumeID, forKey: .volumeID) }
        if let imageID { try container.encode(imageID, forKey: .imageID) }
    }

    /// Boot from an OS image.
    public static func osImage(_ id: String) -> BootSource { BootSource(type: .osImage, osImageID: id) }

    /// Boot from a bootable volume.
    public static func volume(_ id: String) -> BootSource { BootSource(type: .volume, volumeID: id) }

    /// Boot from a custom image (Legacy regions).
    public static func customImage(_ id: String) -> BootSource { BootSource(type: .customImage, imageID: id) }
}

/// A data volume created with a deployment (Advanced regions).
public struct NewDataVolume: Codable, Sendable, Equatable {
    public var name: String?
    public var sizeGB: Int
    public var volumeType: VolumeTypeEnum

    public init(name: String? = nil, sizeGB: Int, volumeType: VolumeTypeEnum) {
        self.name = name
        self.sizeGB = sizeGB
        self.volumeType = volumeType
    }

    enum CodingKeys: String, CodingKey {
        case name
        case sizeGB = "size_gb"
        case volumeType = "volume_type"
    }
}

/// A security rule to add to an instance or a firewall.
///
/// Ports are required for `tcp` and `udp` and absent for `icmp`; `remote_ip_prefix` is a CIDR of the
/// rule's ethertype.
public struct VMSecurityRuleRequest: Codable, Sendable, Equatable {
    public var direction: DirectionEnum
    public var ethertype: EthertypeEnum
    public var `protocol`: ProtocolEnum
    public var remoteIPPrefix: String?
    public var portRangeMin: Int?
    public var portRangeMax: Int?

    public init(
        direction: DirectionEnum,
        ethertype: EthertypeEnum,
        protocol: ProtocolEnum,
        remoteIPPrefix: String? = nil,
        portRangeMin: Int? = nil,
        portRangeMax: Int? = nil
    ) {
        self.direction = direction
        self.ethertype = ethertype
        self.`protocol` = `protocol`
        self.remoteIPPrefix = remoteIPPrefix
        self.portRangeMin = portRangeMin
        self.portRangeMax = portRangeMax
    }

    enum CodingKeys: String, CodingKey {
        case direction
        case ethertype
        case `protocol`
        case remoteIPPrefix = "remote_ip_prefix"
        case portRangeMin = "port_range_min"
        case portRangeMax = "port_range_max"
    }
}

/// A security rule as the platform stores it (on an instance, or in a firewall as `FirewallRule`).
public struct VMSecurityRule: Codable, Sendable, Equatable {
    public var id: String
    public var direction: DirectionEnum
    public var ethertype: EthertypeEnum
    public var `protocol`: ProtocolEnum
    public var remoteIPPrefix: String?
    public var portRangeMin: Int?
    public var portRangeMax: Int?
    public var createdAt: String?

    public init(
        id: String,
        direction: DirectionEnum,
        ethertype: EthertypeEnum,
        protocol: ProtocolEnum,
        remoteIPPrefix: String? = nil,
        portRangeMin: Int? = nil,
        portRangeMax: Int? = nil,
        createdAt: String? = nil
    ) {
        self.id = id
        self.direction = direction
        self.ethertype = ethertype
        self.`protocol` = `protocol`
        self.remoteIPPrefix = remoteIPPrefix
        self.portRangeMin = portRangeMin
        self.portRangeMax = portRangeMax
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case id
        case direction
        case ethertype
        case `protocol`
        case remoteIPPrefix = "remote_ip_prefix"
        case portRangeMin = "port_range_min"
        case portRangeMax = "port_range_max"
        case createdAt = "created_at"
    }
}

/// The body of `deploy_instance` (barrack-api.md section 4).
///
/// ```swift
/// let request = DeploymentRequest(
///     gpuModel: .h100SXM5, gpuCount: 4, region: .finland1,
///     bootSource: .osImage("BRK-100001I"), sshKeyIDs: ["BRK-200001K"], name: "trainer-1")
/// ```
public struct DeploymentRequest: Codable, Sendable, Equatable {
    public var gpuModel: GpuModelEnum
    /// 1, 2, 4 or 8.
    public var gpuCount: Int
    public var region: RegionEnum
    public var bootSource: BootSource
    /// Advanced image boots: 100–10,000 GB, default 100.
    public var osVolumeSizeGB: Int?
    /// Required for image boots; absent for an Advanced volume boot.
    public var sshKeyIDs: [String]?
    /// 3–30 letters, digits, `-`, `_`; absent lets the platform choose one.
    public var name: String?
    /// Advanced only.
    public var startupScriptID: String?
    /// Advanced only.
    public var dataVolumeIDs: [String]?
    /// Advanced only.
    public var newDataVolumes: [NewDataVolume]?
    /// Legacy only.
    public var publicIP: Bool?
    /// Legacy only.
    public var securityRules: [VMSecurityRuleRequest]?
    /// Legacy only, at most 16 KB.
    public var cloudInit: String?

    public init(
        gpuModel: GpuModelEnum,
        gpuCount: Int,
        region: RegionEnum,
        bootSource: BootSource,
        osVolumeSizeGB: Int? = nil,
        sshKeyIDs: [String]? = nil,
        name: String? = nil,
        startupScriptID: String? = nil,
        dataVolumeIDs: [String]? = nil,
        newDataVolumes: [NewDataVolume]? = nil,
        publicIP: Bool? = nil,
        securityRules: [VMSecurityRuleRequest]? = nil,
        cloudInit: String? = nil
    ) {
        self.gpuModel = gpuModel
        self.gpuCount = gpuCount
        self.region = region
        self.bootSource = bootSource
        self.osVolumeSizeGB = osVolumeSizeGB
        self.sshKeyIDs = sshKeyIDs
        self.name = name
        self.startupScriptID = startupScriptID
        self.dataVolumeIDs = dataVolumeIDs
        self.newDataVolumes = newDataVolumes
        self.publicIP = publicIP
        self.securityRules = securityRules
        self.cloudInit = cloudInit
    }

    enum CodingKeys: String, CodingKey {
        case gpuModel = "gpu_model"
        case gpuCount = "gpu_count"
        case region
        case bootSource = "boot_source"
        case osVolumeSizeGB = "os_volume_size_gb"
        case sshKeyIDs = "ssh_key_ids"
        case name
        case startupScriptID = "startup_script_id"
        case dataVolumeIDs = "data_volume_ids"
        case newDataVolumes = "new_data_volumes"
        case publicIP = "public_ip"
        case securityRules = "security_rules"
        case cloudInit = "cloud_init"
    }
}

/// An instance: a virtual machine with GPUs (barrack-api.md section 5).
public struct VMInstance: Codable, Sendable, Equatable {
    /// `BRK-` + 6 digits + `VM`.
    public var id: String
    public var name: String
    public var status: VMStatus
    public var gpuModel: GpuModelEnum
    public var gpuCount: Int
    public var region: RegionEnum
    public var tier: TierEnum
    public var bootSource: BootSource?
    public var osVolumeSizeGB: Int?
    /// Absent until the instance is ACTIVE, and on Legacy instances without a public IP.
    public var publicIP: String?
    public var privateIP: String?
    public var sshKeyIDs: [String]
    public var volumeIDs: [String]
    public var firewallIDs: [String]
    public var securityRules: [VMSecurityRule]
    public var startupScriptID: String?
    public var hourlyCost: Double
    public var currency: CurrencyEnum
    /// ISO-8601 UTC.
    public var createdAt: String
    public var updatedAt: String?

    public init(
        id: String,
        name: String,
        status: VMStatus,
        gpuModel: GpuModelEnum,
        gpuCount: Int,
        region: RegionEnum,
        tier: TierEnum,
        bootSource: BootSource? = nil,
        osVolumeSizeGB: Int? = nil,
        publicIP: String? = nil,
        privateIP: String? = nil,
        sshKeyIDs: [String],
        volumeIDs: [String],
        firewallIDs: [String],
        securityRules: [VMSecurityRule],
        startupScriptID: String? = nil,
        hourlyCost: Double,
        currency: CurrencyEnum,
        createdAt: String,
        updatedAt: String? = nil
    ) {
        self.id = id
        self.name = name
        self.status = status
        self.gpuModel = gpuModel
        self.gpuCount = gpuCount
        self.region = region
        self.tier = tier
        self.bootSource = bootSource
        self.osVolumeSizeGB = osVolumeSizeGB
        self.publicIP = publicIP
        self.privateIP = privateIP
        self.sshKeyIDs = sshKeyIDs
        self.volumeIDs = volumeIDs
        self.firewallIDs = firewallIDs
        self.securityRules = securityRules
        self.startupScriptID = startupScriptID
        self.hourlyCost = hourlyCost
        self.currency = currency
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case id
        case name
        case status
        case gpuModel = "gpu_model"
        case gpuCount = "gpu_count"
        case region
        case tier
        case bootSource = "boot_source"
        case osVolumeSizeGB = "os_volume_size_gb"
        case publicIP = "public_ip"
        case privateIP = "private_ip"
        case sshKeyIDs = "ssh_key_ids"
        case volumeIDs = "volume_ids"
        case firewallIDs = "firewall_ids"
        case securityRules = "security_rules"
        case startupScriptID = "startup_script_id"
        case hourlyCost = "hourly_cost"
        case currency
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

/// An answer that carries one instance: deploy, details, every lifecycle action, delete and
/// snapshot restore.
public struct VMResponse: Codable, Sendable, Equatable {
    public var instance: VMInstance

    public init(instance: VMInstance) {
        self.instance = instance
    }
}

/// The answer of `deploy_instance`: the new instance, `CREATING`.
public typealias DeploymentResponse = VMResponse

/// The answer of `get_instance`.
public typealias VMDetailsResponse = VMResponse

/// The answer of `start_instance`.
public typealias StartVMResponse = VMResponse

/// The answer of `stop_instance`.
public typealias StopVMResponse = VMResponse

/// The answer of `reboot_instance`.
public typealias RebootVMResponse = VMResponse

/// The answer of `hibernate_instance`.
public typealias HibernateVMResponse = VMResponse

/// The answer of `restore_instance`.
public typealias RestoreVMResponse = VMResponse

/// The answer of `toggle_public_ip`.
public typealias ToggleVMPublicIPResponse = VMResponse

/// The answer of `delete_instance`: the instance, `DELETING`.
public typealias DeleteVMResponse = VMResponse

/// The answer of `list_instances` (one page).
public struct ListVMsResponse: Codable, Sendable, Equatable {
    public var instances: [VMInstance]

    public init(instances: [VMInstance]) {
        self.instances = instances
    }
}

/// The body of `toggle_public_ip`; without `enable` the platform flips the setting.
public struct TogglePublicIPRequest: Codable, Sendable, Equatable {
    public var enable: Bool?

    public init(enable: Bool? = nil) {
        self.enable = enable
    }
}

/// The answer of `add_security_rule`.
public struct AddVMSecurityRuleResponse: Codable, Sendable, Equatable {
    public var instanceID: String
    public var rule: VMSecurityRule

    public init(instanceID: String, rule: VMSecurityRule) {
        self.instanceID = instanceID
        self.rule = rule
    }

    enum CodingKeys: String, CodingKey {
        case instanceID = "instance_id"
        case rule
    }
}

/// The answer of `remove_security_rule`.
public struct RemoveVMSecurityRuleResponse: Codable, Sendable, Equatable {
    public var instanceID: String
    public var ruleID: String

    public init(instanceID: String, ruleID: String) {
        self.instanceID = instanceID
        self.ruleID = ruleID
    }

    enum CodingKeys: String, CodingKey {
        case instanceID = "instance_id"
        case ruleID = "rule_id"
    }
}

/// An instance in brief, as lists of candidates show it.
public struct UserVM: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var status: VMStatus
    public var region: RegionEnum
    public var gpuModel: GpuModelEnum
    public var gpuCount: Int
    public var osVolumeSizeGB: Int?

    public init(
        id: String,
        name: String,
        status: VMStatus,
        region: RegionEnum,
        gpuModel: GpuModelEnum,
        gpuCount: Int,
        osVolumeSizeGB: Int? = nil
    ) {
        self.id = id
        self.name = name
        self.status = status
        self.region = region
        self.gpuModel = gpuModel
        self.gpuCount = gpuCount
        self.osVolumeSizeGB = osVolumeSizeGB
    }

    enum CodingKeys: String, CodingKey {
        case id
        case name
        case status
        case region
        case gpuModel = "gpu_model"
        case gpuCount = "gpu_count"
        case osVolumeSizeGB = "os_volume_size_gb"
    }
}

/// The answer of `list_snapshot_eligible_instances`.
public struct ListUserVMsResponse: Codable, Sendable, Equatable {
    public var instances: [UserVM]

    public init(instances: [UserVM]) {
        self.instances = instances
    }
}
