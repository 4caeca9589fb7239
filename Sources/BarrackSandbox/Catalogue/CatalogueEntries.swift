/// A region and the tier whose GPU models and volume types it offers.
struct RegionInfo: Sendable, Equatable {
    let name: String
    let tier: Tier
    let location: String
}

/// A GPU model: its tier, memory, per-GPU-hour prices and the machine that comes with each count.
struct GPUModelInfo: Sendable, Equatable {
    let name: String
    /// The short form used in automatic instance names (`barrack-h100s-abc`).
    let shortName: String
    let tier: Tier
    let vramGB: Int
    let pricePerGPUHour: Prices
    /// Virtual CPUs and memory per GPU; a machine with n GPUs has n times as much.
    let vcpusPerGPU: Int
    let ramGBPerGPU: Int
}

/// A kind of volume, the tier that offers it and its price per TB-hour.
struct StorageTypeInfo: Sendable, Equatable {
    let name: String
    let tier: Tier
    let pricePerTBHour: Prices
}

/// An operating-system image that an instance or a bootable volume can start from.
struct OSImageInfo: Sendable, Equatable {
    let id: String
    let name: String
    /// `nil`: every tier.
    let onlyTier: Tier?
    let sizeGB: Int

    func isOffered(in tier: Tier) -> Bool { onlyTier.map { $0 == tier } ?? true }
}

/// A network protocol that security and firewall rules may name.
struct ProtocolInfo: Sendable, Equatable {
    let name: String
    /// Whether a rule of this protocol needs a port range (tcp, udp) or must not have one (icmp).
    let portRange: PortRangeUse
    let summary: String

    enum PortRangeUse: String, Sendable {
        case required
        case forbidden
        case optional
    }
}

/// A chat model of the AI service and its prices per 1,000 tokens.
struct AIModelInfo: Sendable, Equatable {
    let id: String
    let name: String
    let contextWindow: Int
    let promptPricePer1K: Prices
    let completionPricePer1K: Prices
}
