import Foundation

/// How an instance boots (barrack-api.md section 4): `os_image`, `volume` or `custom_image`, and
/// the id of that image or volume.
struct BootSpec: Codable, Sendable, Equatable {
    enum Kind: String, Codable, Sendable, CaseIterable {
        case osImage = "os_image"
        case volume
        case customImage = "custom_image"

        /// The member of the boot source object that holds the id.
        var idField: String {
            switch self {
            case .osImage: return "os_image_id"
            case .volume: return "volume_id"
            case .customImage: return "image_id"
            }
        }
    }

    var kind: Kind
    var id: String
}

/// A change of status under way: the instance shows a transitional status until `endsAt`, then
/// `target`.
struct PendingTransition: Codable, Sendable, Equatable {
    var target: InstanceStatus
    var endsAt: Date
}

/// A security rule of a Legacy instance or a rule of a firewall (`VMSecurityRule`, `FirewallRule`).
struct SecurityRule: Codable, Sendable, Equatable {
    var id: String
    var direction: String
    var ethertype: String
    var protocolName: String
    var remoteIPPrefix: String
    var portRangeMin: Int?
    var portRangeMax: Int?
    var createdAt: Date
}

struct InstanceRecord: Codable, Sendable, Equatable {
    var id: String
    var name: String
    var status: InstanceStatus
    var pending: PendingTransition?
    var gpuModel: String
    var gpuCount: Int
    var region: String
    var tier: Tier
    var bootSource: BootSpec
    /// The OS volume of an image boot; `nil` for a volume boot.
    var osVolumeSizeGB: Int?
    var publicIPEnabled: Bool
    var publicIP: String?
    var privateIP: String?
    var sshKeyIDs: [String]
    /// The boot volume first (volume boots), then data volumes.
    var volumeIDs: [String]
    var firewallIDs: [String]
    var securityRules: [SecurityRule]
    var startupScriptID: String?
    var cloudInit: String?
    /// GPUs and OS volume per hour, in `currency`; data volumes bill on their own.
    var hourlyCost: Double
    var currency: Currency
    /// Whether the instance's GPUs are taken from stock (not while hibernated, deleted or failed).
    var holdsStock: Bool
    var createdAt: Date
    var updatedAt: Date
}

enum VolumeState: String, Codable, Sendable {
    case creating = "CREATING"
    case available = "AVAILABLE"
    case inUse = "IN_USE"
    case error = "ERROR"
}

struct VolumeRecord: Codable, Sendable, Equatable {
    var id: String
    var name: String
    var region: String
    var tier: Tier
    var sizeGB: Int
    var volumeType: String
    var status: VolumeState
    /// While CREATING: when the volume becomes AVAILABLE (or IN_USE when attached meanwhile).
    var readyAt: Date?
    var bootable: Bool
    var osImageID: String?
    var instanceID: String?
    var createdAt: Date
    var updatedAt: Date
}

struct SSHKeyRecord: Codable, Sendable, Equatable {
    var id: String
    var name: String
    var publicKey: String
    var fingerprint: String
    var createdAt: Date
}

struct FirewallRecord: Codable, Sendable, Equatable {
    var id: String
    var name: String
    var region: String
    var description: String
    var rules: [SecurityRule]
    var instanceIDs: [String]
    var createdAt: Date
    var updatedAt: Date
}

struct ScriptRecord: Codable, Sendable, Equatable {
    var id: String
    var name: String
    var content: String
    var description: String
    var createdAt: Date
    var updatedAt: Date
}

/// Snapshots and images are CREATING until `readyAt`, then AVAILABLE.
enum ArtifactStatus: String, Codable, Sendable {
    case creating = "CREATING"
    case available = "AVAILABLE"
}

struct SnapshotRecord: Codable, Sendable, Equatable {
    var id: String
    var name: String
    var description: String
    var status: ArtifactStatus
    var readyAt: Date?
    var region: String
    var sizeGB: Int
    var instanceID: String
    var instanceName: String
    /// The instance's configuration, the defaults of a restore.
    var gpuModel: String
    var gpuCount: Int
    var sshKeyIDs: [String]
    var bootSource: BootSpec
    var createdAt: Date
}

struct ImageRecord: Codable, Sendable, Equatable {
    var id: String
    var name: String
    var description: String
    var status: ArtifactStatus
    var readyAt: Date?
    var region: String
    var sizeGB: Int
    var snapshotID: String
    var createdAt: Date
}

/// One billing period of one resource at one rate (`BillingRecord`, `VolumeBillingRecord`): the
/// account's charges are the sum of these records and the AI usage.
struct ChargeRecord: Codable, Sendable, Equatable {
    enum Resource: String, Codable, Sendable {
        case instance
        case volume
        case snapshot
    }

    enum Rate: String, Codable, Sendable {
        case full
        case hibernated
        case storage
    }

    var billingID: String
    var resource: Resource
    var resourceID: String
    var resourceName: String
    var rate: Rate
    var gpuModel: String?
    var gpuCount: Int?
    var sizeGB: Int?
    var volumeType: String?
    var tier: Tier
    var start: Date
    var end: Date?
    var perMinuteRate: Double
    var currency: Currency
    var description: String

    /// Minutes billed up to `now` (the whole period once it has ended).
    func minutes(at now: Date) -> Double {
        let until = end.map { min($0, now) } ?? now
        return max(0, until.timeIntervalSince(start)) / 60
    }

    /// What the period has cost up to `now`: minutes × per-minute rate (barrack-api.md section 3).
    func cost(at now: Date) -> Double {
        minutes(at: now) * perMinuteRate
    }
}

struct AIUsageRecord: Codable, Sendable, Equatable {
    var id: String
    var model: String
    var promptTokens: Int
    var completionTokens: Int
    var cost: Double
    var currency: Currency
    var createdAt: Date
}

struct Account: Codable, Sendable, Equatable {
    /// All credit ever granted; the balance is this less every charge.
    var credit: Double
    var currency: Currency
    var profile: Profile
}
