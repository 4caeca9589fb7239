// The platform's enumerations. Each has an `unknown` case so that a value added by the platform
// later decodes instead of failing the whole answer.

/// A platform tier. The platform writes tiers in lower case in pricing and capitalised elsewhere;
/// decoding accepts either (see `OpenEnum`).
public enum TierEnum: OpenEnum {
    case advanced
    case legacy
    /// A value this version of the client does not know yet.
    case unknown(String)

    public static let knownCases: [TierEnum] = [.advanced, .legacy]

    public var rawValue: String {
        switch self {
        case .advanced: return "advanced"
        case .legacy: return "legacy"
        case .unknown(let value): return value
        }
    }
}

/// A region of the platform; each belongs to one tier (barrack-api.md section 2).
public enum RegionEnum: OpenEnum {
    case finland1
    case finland2
    case finland3
    case iceland1
    case canada1
    /// A value this version of the client does not know yet.
    case unknown(String)

    public static let knownCases: [RegionEnum] = [.finland1, .finland2, .finland3, .iceland1, .canada1]

    public var rawValue: String {
        switch self {
        case .finland1: return "FINLAND-1"
        case .finland2: return "FINLAND-2"
        case .finland3: return "FINLAND-3"
        case .iceland1: return "ICELAND-1"
        case .canada1: return "CANADA-1"
        case .unknown(let value): return value
        }
    }
}

/// A GPU model offered by the platform.
public enum GpuModelEnum: OpenEnum {
    case b300
    case b200
    case h200
    case h100SXM5
    case h100PCIeNVLink
    case h100PCIe
    case a100PCIeNVLink
    case a100PCIe
    case l40
    case rtxA6000
    /// A value this version of the client does not know yet.
    case unknown(String)

    public static let knownCases: [GpuModelEnum] = [.b300, .b200, .h200, .h100SXM5, .h100PCIeNVLink, .h100PCIe, .a100PCIeNVLink, .a100PCIe, .l40, .rtxA6000]

    public var rawValue: String {
        switch self {
        case .b300: return "B300-262GB"
        case .b200: return "B200-180GB"
        case .h200: return "H200-141GB"
        case .h100SXM5: return "H100-SXM5-80GB"
        case .h100PCIeNVLink: return "H100-PCIe-NVLink-80GB"
        case .h100PCIe: return "H100-PCIe-80GB"
        case .a100PCIeNVLink: return "A100-PCIe-NVLink-80GB"
        case .a100PCIe: return "A100-PCIe-80GB"
        case .l40: return "L40"
        case .rtxA6000: return "RTX-A6000"
        case .unknown(let value): return value
        }
    }
}

/// The state of an instance (barrack-api.md section 5).
public enum VMStatus: OpenEnum {
    case creating
    case active
    case stopping
    case shutoff
    case starting
    case rebooting
    case hibernating
    case hibernated
    case restoring
    case deleting
    case deleted
    case error
    /// A value this version of the client does not know yet.
    case unknown(String)

    public static let knownCases: [VMStatus] = [.creating, .active, .stopping, .shutoff, .starting, .rebooting, .hibernating, .hibernated, .restoring, .deleting, .deleted, .error]

    public var rawValue: String {
        switch self {
        case .creating: return "CREATING"
        case .active: return "ACTIVE"
        case .stopping: return "STOPPING"
        case .shutoff: return "SHUTOFF"
        case .starting: return "STARTING"
        case .rebooting: return "REBOOTING"
        case .hibernating: return "HIBERNATING"
        case .hibernated: return "HIBERNATED"
        case .restoring: return "RESTORING"
        case .deleting: return "DELETING"
        case .deleted: return "DELETED"
        case .error: return "ERROR"
        case .unknown(let value): return value
        }
    }

    /// Whether the instance is on its way from one status to another (barrack-api.md section 5):
    /// what `--wait` waits out.
    public var isTransitional: Bool {
        switch self {
        case .creating, .stopping, .starting, .rebooting, .hibernating, .restoring, .deleting: return true
        case .active, .shutoff, .hibernated, .deleted, .error, .unknown: return false
        }
    }
}

/// The state of a volume.
public enum VolumeStatus: OpenEnum {
    case creating
    case available
    case inUse
    case error
    /// A value this version of the client does not know yet.
    case unknown(String)

    public static let knownCases: [VolumeStatus] = [.creating, .available, .inUse, .error]

    public var rawValue: String {
        switch self {
        case .creating: return "CREATING"
        case .available: return "AVAILABLE"
        case .inUse: return "IN_USE"
        case .error: return "ERROR"
        case .unknown(let value): return value
        }
    }
}

/// The state of a snapshot or a custom image.
public enum SnapshotStatus: OpenEnum {
    case creating
    case available
    case error
    /// A value this version of the client does not know yet.
    case unknown(String)

    public static let knownCases: [SnapshotStatus] = [.creating, .available, .error]

    public var rawValue: String {
        switch self {
        case .creating: return "CREATING"
        case .available: return "AVAILABLE"
        case .error: return "ERROR"
        case .unknown(let value): return value
        }
    }
}

/// A storage type: `SSD` in Legacy regions, `HDD` and `NVMe` in Advanced ones.
public enum VolumeTypeEnum: OpenEnum {
    case ssd
    case hdd
    case nvme
    /// A value this version of the client does not know yet.
    case unknown(String)

    public static let knownCases: [VolumeTypeEnum] = [.ssd, .hdd, .nvme]

    public var rawValue: String {
        switch self {
        case .ssd: return "SSD"
        case .hdd: return "HDD"
        case .nvme: return "NVMe"
        case .unknown(let value): return value
        }
    }
}

/// A network protocol of a security or firewall rule.
public enum ProtocolEnum: OpenEnum {
    case tcp
    case udp
    case icmp
    case any
    /// A value this version of the client does not know yet.
    case unknown(String)

    public static let knownCases: [ProtocolEnum] = [.tcp, .udp, .icmp, .any]

    public var rawValue: String {
        switch self {
        case .tcp: return "tcp"
        case .udp: return "udp"
        case .icmp: return "icmp"
        case .any: return "any"
        case .unknown(let value): return value
        }
    }
}

/// The direction of traffic a rule applies to.
public enum DirectionEnum: OpenEnum {
    case ingress
    case egress
    /// A value this version of the client does not know yet.
    case unknown(String)

    public static let knownCases: [DirectionEnum] = [.ingress, .egress]

    public var rawValue: String {
        switch self {
        case .ingress: return "ingress"
        case .egress: return "egress"
        case .unknown(let value): return value
        }
    }
}

/// The IP version a rule applies to.
public enum EthertypeEnum: OpenEnum {
    case ipv4
    case ipv6
    /// A value this version of the client does not know yet.
    case unknown(String)

    public static let knownCases: [EthertypeEnum] = [.ipv4, .ipv6]

    public var rawValue: String {
        switch self {
        case .ipv4: return "IPv4"
        case .ipv6: return "IPv6"
        case .unknown(let value): return value
        }
    }
}

/// An account currency.
public enum CurrencyEnum: OpenEnum {
    case usd
    case eur
    case inr
    /// A value this version of the client does not know yet.
    case unknown(String)

    public static let knownCases: [CurrencyEnum] = [.usd, .eur, .inr]

    public var rawValue: String {
        switch self {
        case .usd: return "USD"
        case .eur: return "EUR"
        case .inr: return "INR"
        case .unknown(let value): return value
        }
    }
}

/// A kind of priced resource in a pricing request.
public enum ResourceTypeEnum: OpenEnum {
    case gpus
    case volumes
    case snapshots
    /// A value this version of the client does not know yet.
    case unknown(String)

    public static let knownCases: [ResourceTypeEnum] = [.gpus, .volumes, .snapshots]

    public var rawValue: String {
        switch self {
        case .gpus: return "gpus"
        case .volumes: return "volumes"
        case .snapshots: return "snapshots"
        case .unknown(let value): return value
        }
    }
}

/// What an instance boots from.
public enum BootSourceType: OpenEnum {
    case osImage
    case volume
    case customImage
    /// A value this version of the client does not know yet.
    case unknown(String)

    public static let knownCases: [BootSourceType] = [.osImage, .volume, .customImage]

    public var rawValue: String {
        switch self {
        case .osImage: return "os_image"
        case .volume: return "volume"
        case .customImage: return "custom_image"
        case .unknown(let value): return value
        }
    }
}
