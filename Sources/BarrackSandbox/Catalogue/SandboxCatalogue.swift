import Foundation

/// Every fact of the simulated platform, in one place.
///
/// Facts marked [reference], [deploy guide] or [older guide] come from the platform's published
/// documentation through barrack-api.md; facts marked [chosen] are the project's own, and a
/// correction from the platform is a change of one line here. Nothing else in the sandbox writes a
/// price, a limit, a duration or a name of the catalogue down.
struct SandboxCatalogue: Sendable {
    static let standard = SandboxCatalogue()

    // MARK: Regions, GPU models, storage [deploy guide; prices as barrack-api.md section 2 marks them]

    let regions: [RegionInfo] = [
        RegionInfo(name: "FINLAND-1", tier: .advanced, location: "Helsinki, Finland"),
        RegionInfo(name: "FINLAND-2", tier: .advanced, location: "Helsinki, Finland"),
        RegionInfo(name: "FINLAND-3", tier: .advanced, location: "Kajaani, Finland"),
        RegionInfo(name: "ICELAND-1", tier: .advanced, location: "Reykjavik, Iceland"),
        RegionInfo(name: "CANADA-1", tier: .legacy, location: "Montreal, Canada"),
    ]

    /// CPU and memory per GPU are [chosen]; the platform publishes them per flavour only.
    let gpuModels: [GPUModelInfo] = [
        GPUModelInfo(name: "B300-262GB", shortName: "b300", tier: .advanced, vramGB: 262,
                     pricePerGPUHour: Prices(5.79, 5.99, 499), vcpusPerGPU: 32, ramGBPerGPU: 256),
        GPUModelInfo(name: "B200-180GB", shortName: "b200", tier: .advanced, vramGB: 180,
                     pricePerGPUHour: Prices(4.49, 4.69, 389), vcpusPerGPU: 28, ramGBPerGPU: 224),
        GPUModelInfo(name: "H200-141GB", shortName: "h200", tier: .advanced, vramGB: 141,
                     pricePerGPUHour: Prices(3.29, 3.49, 289), vcpusPerGPU: 24, ramGBPerGPU: 192),
        GPUModelInfo(name: "H100-SXM5-80GB", shortName: "h100s", tier: .advanced, vramGB: 80,
                     pricePerGPUHour: Prices(2.49, 2.69, 209), vcpusPerGPU: 20, ramGBPerGPU: 180),
        GPUModelInfo(name: "H100-PCIe-NVLink-80GB", shortName: "h100nvl", tier: .legacy, vramGB: 80,
                     pricePerGPUHour: Prices(2.29, 2.39, 199), vcpusPerGPU: 16, ramGBPerGPU: 120),
        GPUModelInfo(name: "H100-PCIe-80GB", shortName: "h100p", tier: .legacy, vramGB: 80,
                     pricePerGPUHour: Prices(2.25, 2.05, 195), vcpusPerGPU: 16, ramGBPerGPU: 120),
        GPUModelInfo(name: "A100-PCIe-NVLink-80GB", shortName: "a100nvl", tier: .legacy, vramGB: 80,
                     pricePerGPUHour: Prices(1.59, 1.45, 135), vcpusPerGPU: 12, ramGBPerGPU: 90),
        GPUModelInfo(name: "A100-PCIe-80GB", shortName: "a100p", tier: .legacy, vramGB: 80,
                     pricePerGPUHour: Prices(1.55, 1.39, 135), vcpusPerGPU: 12, ramGBPerGPU: 90),
        GPUModelInfo(name: "L40", shortName: "l40", tier: .legacy, vramGB: 48,
                     pricePerGPUHour: Prices(1.19, 1.09, 99), vcpusPerGPU: 8, ramGBPerGPU: 60),
        GPUModelInfo(name: "RTX-A6000", shortName: "a6000", tier: .legacy, vramGB: 48,
                     pricePerGPUHour: Prices(0.69, 0.75, 49), vcpusPerGPU: 8, ramGBPerGPU: 45),
    ]

    /// GPU counts a deployment may ask for [deploy guide].
    let gpuCounts: [Int] = [1, 2, 4, 8]

    /// Storage per TB-hour [reference].
    let volumeTypes: [StorageTypeInfo] = [
        StorageTypeInfo(name: "SSD", tier: .legacy, pricePerTBHour: Prices(0.1, 0.1, 10)),
        StorageTypeInfo(name: "HDD", tier: .advanced, pricePerTBHour: Prices(0.08, 0.1, 8)),
        StorageTypeInfo(name: "NVMe", tier: .advanced, pricePerTBHour: Prices(0.3, 0.35, 30)),
    ]

    /// The type of an Advanced instance's OS volume, billed with the instance [deploy guide].
    let osVolumeType = "NVMe"

    /// Snapshots per 100 GB-hour, Legacy only [reference].
    let snapshotPricePer100GBHour = Prices(0.1, 0.1, 10)
    let snapshotTier: Tier = .legacy

    /// A hibernated instance per hour [older guide].
    let hibernatedPricePerHour = Prices(0.01, 0.01, 1.00)

    /// Image names [older guide]; ids and sizes [chosen].
    let osImages: [OSImageInfo] = [
        OSImageInfo(id: "ubuntu-22.04-r550-cuda12.4", name: "Ubuntu Server 22.04 LTS R550 CUDA 12.4",
                    onlyTier: nil, sizeGB: 30),
        OSImageInfo(id: "ubuntu-22.04-r550-cuda12.4-docker",
                    name: "Ubuntu Server 22.04 LTS R550 CUDA 12.4 with Docker", onlyTier: nil, sizeGB: 35),
        OSImageInfo(id: "ubuntu-20.04-r535-cuda12.2", name: "Ubuntu Server 20.04 LTS R535 CUDA 12.2",
                    onlyTier: nil, sizeGB: 30),
        OSImageInfo(id: "ubuntu-20.04-r535-cuda12.2-docker",
                    name: "Ubuntu Server 20.04 LTS R535 CUDA 12.2 with Docker", onlyTier: nil, sizeGB: 35),
        OSImageInfo(id: "ubuntu-24.04-r570-cuda12.8", name: "Ubuntu Server 24.04 LTS R570 CUDA 12.8",
                    onlyTier: .advanced, sizeGB: 30),
    ]

    /// Protocols of security and firewall rules [older guide].
    let protocols: [ProtocolInfo] = [
        ProtocolInfo(name: "tcp", portRange: .required, summary: "Transmission Control Protocol"),
        ProtocolInfo(name: "udp", portRange: .required, summary: "User Datagram Protocol"),
        ProtocolInfo(name: "icmp", portRange: .forbidden, summary: "Internet Control Message Protocol"),
        ProtocolInfo(name: "any", portRange: .optional, summary: "Every protocol"),
    ]

    /// Chat models and their prices per 1,000 tokens [chosen].
    let aiModels: [AIModelInfo] = [
        AIModelInfo(id: "barrack-chat-small", name: "Barrack Chat Small", contextWindow: 8_192,
                    promptPricePer1K: Prices(0.0005, 0.0005, 0.04), completionPricePer1K: Prices(0.0015, 0.0014, 0.12)),
        AIModelInfo(id: "barrack-chat-large", name: "Barrack Chat Large", contextWindow: 32_768,
                    promptPricePer1K: Prices(0.003, 0.0028, 0.25), completionPricePer1K: Prices(0.015, 0.014, 1.25)),
    ]

    // MARK: Limits

    /// OS volume of image boots [deploy guide]; also the largest data volume [chosen, same bound].
    let osVolumeSizeRange = 100...10_000
    let defaultOSVolumeSizeGB = 100
    /// The fixed OS disk of a Legacy OS-image boot, included in the GPU price [chosen].
    let legacyOSDiskGB = 100
    /// Volumes [reference: 100 GB minimum; maximum chosen].
    let volumeSizeRange = 100...10_000
    /// The smallest balance that may create a volume [older guide].
    let volumeCreationMinimumBalance = Prices(1.00, 1.00, 100)
    /// Cloud-init user data, in bytes [older guide: 16 KB].
    let cloudInitMaxBytes = 16 * 1024
    /// Startup script content, in bytes [chosen: 64 KB].
    let scriptContentMaxBytes = 64 * 1024
    let descriptionMaxLength = 255
    let sshKeyLimit = 25
    let firewallLimit = 25
    /// Pagination [chosen]: pages count from 1.
    let defaultPageLimit = 20
    let maxPageLimit = 100
    /// The last page a request may ask for [chosen]: a billion, so that no offset overflows and
    /// the API document can give the bound a generated client keeps to.
    let maxPage = 1_000_000_000

    // MARK: Names [deploy guide for instances, older guide for the others]

    let instanceName = NameRule(what: "instance name", lengths: 3...30, extraCharacters: "-_",
                                edgeForbidden: "-_")
    let sshKeyName = NameRule(what: "SSH key name", lengths: 1...50, extraCharacters: "_-.")
    let volumeName = NameRule(what: "volume name", lengths: 1...50, extraCharacters: " -_.")
    let firewallName = NameRule(what: "firewall name", lengths: 1...50, extraCharacters: " -_.")
    let snapshotName = NameRule(what: "snapshot name", lengths: 1...50, extraCharacters: " -_.")
    let imageName = NameRule(what: "image name", lengths: 1...50, extraCharacters: " -_.")
    /// Script names are [chosen] like volume names.
    let scriptName = NameRule(what: "script name", lengths: 1...50, extraCharacters: " -_.")
    /// Automatic instance names: `barrack-{gpu}-{3 random letters}` [deploy guide].
    let autoNamePrefix = "barrack-"
    /// A restored snapshot's instance is `<snapshot>-restored` unless named [older guide].
    let restoredNameSuffix = "-restored"
    let autoNameSuffixLength = 3
    /// Volume names proposed as `next_name` [schema name]: `volume1`, `volume2`, …
    let nextVolumeNamePrefix = "volume"

    // MARK: Ids [instance: deploy guide; V, S, billing: reference; others chosen]

    let idPrefix = "BRK-"
    let idDigits = 6
    let billingIDSuffix = "B"

    // MARK: Timings in simulated seconds [chosen, within the deploy guide's 2–5 minutes]

    let deployDuration: ClosedRange<Double> = 120...300
    let stopDuration: Double = 30
    let startDuration: Double = 60
    let rebootDuration: Double = 45
    let hibernateDuration: Double = 90
    let restoreDuration: Double = 120
    let deleteDuration: Double = 20
    let volumeCreationDuration: Double = 15
    let snapshotCreationDuration: Double = 120
    let imageCreationDuration: Double = 60

    /// Simulated seconds per real second by default: a 2–5 minute deploy takes 2–5 real seconds.
    let defaultSpeed: Double = 60

    // MARK: A fresh account [issue: 500 USD, a complete profile, one SSH key named `default`]

    let initialCredit: Double = 500
    let initialCurrency: Currency = .usd
    let initialProfile = Profile(fullName: "Sandbox User", billingAddressLine1: "1 Sandbox Street",
                                 postalCode: "00100", country: "FI")
    let defaultSSHKeyName = "default"
    /// Free GPUs of every model in every region of its tier: eight 8-GPU machines [chosen].
    let initialStockPerModel = 64
    /// Where the simulated clock starts on a fresh sandbox [chosen]: a fixed instant keeps runs
    /// reproducible.
    let epoch = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

    // MARK: Networks [chosen: documentation ranges of RFC 5737, never routed]

    let publicIPPrefix = "203.0.113."
    let privateIPPrefix = "10.20."

    // MARK: Look-ups

    func region(named name: String) -> RegionInfo? { regions.first { $0.name == name } }
    func gpuModel(named name: String) -> GPUModelInfo? { gpuModels.first { $0.name == name } }
    func volumeType(named name: String) -> StorageTypeInfo? { volumeTypes.first { $0.name == name } }
    func osImage(id: String) -> OSImageInfo? { osImages.first { $0.id == id } }
    func protocolInfo(named name: String) -> ProtocolInfo? { protocols.first { $0.name == name } }
    func aiModel(id: String) -> AIModelInfo? { aiModels.first { $0.id == id } }

    func gpuModels(in tier: Tier) -> [GPUModelInfo] { gpuModels.filter { $0.tier == tier } }
    func volumeTypes(in tier: Tier) -> [StorageTypeInfo] { volumeTypes.filter { $0.tier == tier } }
    func osImages(in tier: Tier) -> [OSImageInfo] { osImages.filter { $0.isOffered(in: tier) } }
}

/// The letters that end each kind of id (barrack-api.md section 1); part of the
/// catalogue, kept beside it.
enum IDSuffix {
    static let instance = "VM"
    static let volume = "V"
    static let snapshot = "S"
    static let sshKey = "K"
    static let firewall = "F"
    static let image = "I"
    static let script = "SC"
    static let rule = "R"
    static let aiTransaction = "AI"
}
