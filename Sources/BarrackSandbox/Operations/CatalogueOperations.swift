import BarrackAPI
import Foundation

/// The account balance and the read-only catalogue: stock, specs, regions, images, volume types,
/// protocols.
extension World {
    func getBalance(_ call: Call) throws(SandboxError) -> Reply {
        try Reply(CreditBalanceResponse(balance: Balance(amount: Self.cents(balance), currency: currency.wire)),
                  message: "Balance retrieved")
    }

    func getGPUStock(_ call: Call) throws(SandboxError) -> Reply {
        let regionFilter = try call.query["region"].map { (name: String) throws(SandboxError) in try region(name).name }
        let modelFilter = try call.query["gpu_model"].map { (name: String) throws(SandboxError) in try gpuModel(name).name }
        var items: [GPUStockItem] = []
        for region in catalogue.regions where regionFilter.map({ $0 == region.name }) ?? true {
            for model in catalogue.gpuModels(in: region.tier) where modelFilter.map({ $0 == model.name }) ?? true {
                let free = state.stock[region.name]?[model.name] ?? 0
                items.append(GPUStockItem(
                    region: RegionEnum(rawValue: region.name), tier: region.tier.wire,
                    gpuModel: GpuModelEnum(rawValue: model.name), availableGpus: free,
                    configurations: catalogue.gpuCounts.map { GPUStockConfiguration(gpuCount: $0, available: free >= $0) }))
            }
        }
        return try Reply(GPUStocksResponse(stocks: items), message: "GPU stock retrieved")
    }

    func getGPUSpecs(_ call: Call) throws(SandboxError) -> Reply {
        let filter = try call.query["gpu_model"].map { (name: String) throws(SandboxError) in try gpuModel(name).name }
        let specs = catalogue.gpuModels.filter { model in filter.map { $0 == model.name } ?? true }.map { model in
            GPUSpec(gpuModel: GpuModelEnum(rawValue: model.name), tier: model.tier.wire, vramGB: model.vramGB,
                    gpuCounts: catalogue.gpuCounts,
                    flavors: catalogue.gpuCounts.map {
                        VMFlavor(gpuCount: $0, vcpus: model.vcpusPerGPU * $0, ramGB: model.ramGBPerGPU * $0)
                    })
        }
        return try Reply(GPUSpecsResponse(gpus: specs, metadata: SpecsMetadata(totalModels: specs.count,
                                                                                tiers: Tier.allCases.map(\.wire))),
                         message: "GPU specifications retrieved")
    }

    func listRegions(_ call: Call) throws(SandboxError) -> Reply {
        let regions = catalogue.regions.map { region in
            Region(name: RegionEnum(rawValue: region.name), tier: region.tier.wire,
                   gpuModels: catalogue.gpuModels(in: region.tier).map { GpuModelEnum(rawValue: $0.name) },
                   volumeTypes: catalogue.volumeTypes(in: region.tier).map { VolumeTypeEnum(rawValue: $0.name) },
                   description: region.location)
        }
        return try Reply(RegionsResponse(regions: regions), message: "Regions retrieved")
    }

    func listOSImages(_ call: Call) throws(SandboxError) -> Reply {
        let tierFilter = try call.query["region"].map { (name: String) throws(SandboxError) in try region(name).tier }
        let images = catalogue.osImages.filter { image in tierFilter.map(image.isOffered) ?? true }.map { image in
            OSImage(id: image.id, name: image.name,
                    regions: catalogue.regions.filter { image.isOffered(in: $0.tier) }.map { RegionEnum(rawValue: $0.name) },
                    docker: image.name.hasSuffix("with Docker"),
                    cudaVersion: image.name.components(separatedBy: "CUDA ").last?.components(separatedBy: " ").first,
                    driverVersion: image.name.components(separatedBy: " ").first { $0.hasPrefix("R") && $0.dropFirst().allSatisfy(\.isNumber) })
        }
        return try Reply(OSImagesResponse(images: images), message: "OS images retrieved")
    }

    func listVolumeTypes(_ call: Call) throws(SandboxError) -> Reply {
        let tierFilter = try call.query["region"].map { (name: String) throws(SandboxError) in try region(name).tier }
        let types = catalogue.volumeTypes.filter { type in tierFilter.map { $0 == type.tier } ?? true }.map { type in
            VolumeTypeInfo(
                volumeType: VolumeTypeEnum(rawValue: type.name), tier: type.tier.wire,
                pricePerTBHour: type.pricePerTBHour[currency], currency: currency.wire,
                minSizeGB: catalogue.volumeSizeRange.lowerBound, maxSizeGB: catalogue.volumeSizeRange.upperBound)
        }
        return try Reply(GetVolumeTypesResponse(volumeTypes: types), message: "Volume types retrieved")
    }

    func listFirewallProtocols(_ call: Call) throws(SandboxError) -> Reply {
        let protocols = catalogue.protocols.map {
            SupportedProtocol(name: ProtocolEnum(rawValue: $0.name), requiresPorts: $0.portRange == .required,
                              description: $0.summary)
        }
        return try Reply(GetSupportedProtocolsResponse(protocols: protocols), message: "Protocols retrieved")
    }

    /// The GPU model `name`, or `INVALID_VALUE` listing the models.
    func gpuModel(_ name: String, field: String = "gpu_model") throws(SandboxError) -> GPUModelInfo {
        guard let model = catalogue.gpuModel(named: name) else {
            throw .invalidValue(field, "unknown GPU model '\(name)'; models are "
                                + catalogue.gpuModels.map(\.name).joined(separator: ", "))
        }
        return model
    }
}
