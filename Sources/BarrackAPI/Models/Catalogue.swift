/// Whether one GPU count of a model can be deployed now.
public struct GPUStockConfiguration: Codable, Sendable, Equatable {
    public var gpuCount: Int
    public var available: Bool

    public init(gpuCount: Int, available: Bool) {
        self.gpuCount = gpuCount
        self.available = available
    }

    enum CodingKeys: String, CodingKey {
        case gpuCount = "gpu_count"
        case available
    }
}

/// The stock of one GPU model in one region.
public struct GPUStockItem: Codable, Sendable, Equatable {
    public var region: RegionEnum
    public var tier: TierEnum
    public var gpuModel: GpuModelEnum
    /// GPUs free right now.
    public var availableGpus: Int
    public var configurations: [GPUStockConfiguration]

    public init(
        region: RegionEnum,
        tier: TierEnum,
        gpuModel: GpuModelEnum,
        availableGpus: Int,
        configurations: [GPUStockConfiguration]
    ) {
        self.region = region
        self.tier = tier
        self.gpuModel = gpuModel
        self.availableGpus = availableGpus
        self.configurations = configurations
    }

    enum CodingKeys: String, CodingKey {
        case region
        case tier
        case gpuModel = "gpu_model"
        case availableGpus = "available_gpus"
        case configurations
    }
}

/// The answer of `get_gpu_stock`.
public struct GPUStocksResponse: Codable, Sendable, Equatable {
    public var stocks: [GPUStockItem]

    public init(stocks: [GPUStockItem]) {
        self.stocks = stocks
    }
}

/// The machine that comes with a GPU count of a model.
public struct VMFlavor: Codable, Sendable, Equatable {
    public var gpuCount: Int
    public var vcpus: Int
    public var ramGB: Int

    public init(gpuCount: Int, vcpus: Int, ramGB: Int) {
        self.gpuCount = gpuCount
        self.vcpus = vcpus
        self.ramGB = ramGB
    }

    enum CodingKeys: String, CodingKey {
        case gpuCount = "gpu_count"
        case vcpus
        case ramGB = "ram_gb"
    }
}

/// Hardware details of a GPU model.
public struct Specs: Codable, Sendable, Equatable {
    public var architecture: String?
    public var memoryType: String?
    public var interconnect: String?

    public init(architecture: String? = nil, memoryType: String? = nil, interconnect: String? = nil) {
        self.architecture = architecture
        self.memoryType = memoryType
        self.interconnect = interconnect
    }

    enum CodingKeys: String, CodingKey {
        case architecture
        case memoryType = "memory_type"
        case interconnect
    }
}

/// One GPU model: its tier, memory, counts and machines.
public struct GPUSpec: Codable, Sendable, Equatable {
    public var gpuModel: GpuModelEnum
    public var tier: TierEnum
    public var vramGB: Int
    public var gpuCounts: [Int]
    public var specs: Specs?
    public var flavors: [VMFlavor]?

    public init(
        gpuModel: GpuModelEnum,
        tier: TierEnum,
        vramGB: Int,
        gpuCounts: [Int],
        specs: Specs? = nil,
        flavors: [VMFlavor]? = nil
    ) {
        self.gpuModel = gpuModel
        self.tier = tier
        self.vramGB = vramGB
        self.gpuCounts = gpuCounts
        self.specs = specs
        self.flavors = flavors
    }

    enum CodingKeys: String, CodingKey {
        case gpuModel = "gpu_model"
        case tier
        case vramGB = "vram_gb"
        case gpuCounts = "gpu_counts"
        case specs
        case flavors
    }
}

/// Facts about a specifications answer as a whole.
public struct SpecsMetadata: Codable, Sendable, Equatable {
    public var totalModels: Int?
    public var tiers: [TierEnum]?

    public init(totalModels: Int? = nil, tiers: [TierEnum]? = nil) {
        self.totalModels = totalModels
        self.tiers = tiers
    }

    enum CodingKeys: String, CodingKey {
        case totalModels = "total_models"
        case tiers
    }
}

/// The answer of `get_gpu_specs`.
public struct GPUSpecsResponse: Codable, Sendable, Equatable {
    public var gpus: [GPUSpec]
    public var metadata: SpecsMetadata?

    public init(gpus: [GPUSpec], metadata: SpecsMetadata? = nil) {
        self.gpus = gpus
        self.metadata = metadata
    }
}

/// A region, its tier and what it offers.
public struct Region: Codable, Sendable, Equatable {
    public var name: RegionEnum
    public var tier: TierEnum
    public var gpuModels: [GpuModelEnum]
    public var volumeTypes: [VolumeTypeEnum]
    public var description: String?

    public init(
        name: RegionEnum,
        tier: TierEnum,
        gpuModels: [GpuModelEnum],
        volumeTypes: [VolumeTypeEnum],
        description: String? = nil
    ) {
        self.name = name
        self.tier = tier
        self.gpuModels = gpuModels
        self.volumeTypes = volumeTypes
        self.description = description
    }

    enum CodingKeys: String, CodingKey {
        case name
        case tier
        case gpuModels = "gpu_models"
        case volumeTypes = "volume_types"
        case description
    }
}

/// The answer of `list_regions`.
public struct RegionsResponse: Codable, Sendable, Equatable {
    public var regions: [Region]

    public init(regions: [Region]) {
        self.regions = regions
    }
}

/// An operating-system image that instances and bootable volumes start from.
public struct OSImage: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var regions: [RegionEnum]
    public var docker: Bool?
    public var cudaVersion: String?
    public var driverVersion: String?

    public init(
        id: String,
        name: String,
        regions: [RegionEnum],
        docker: Bool? = nil,
        cudaVersion: String? = nil,
        driverVersion: String? = nil
    ) {
        self.id = id
        self.name = name
        self.regions = regions
        self.docker = docker
        self.cudaVersion = cudaVersion
        self.driverVersion = driverVersion
    }

    enum CodingKeys: String, CodingKey {
        case id
        case name
        case regions
        case docker
        case cudaVersion = "cuda_version"
        case driverVersion = "driver_version"
    }
}

/// The answer of `list_os_images`.
public struct OSImagesResponse: Codable, Sendable, Equatable {
    public var images: [OSImage]

    public init(images: [OSImage]) {
        self.images = images
    }
}
