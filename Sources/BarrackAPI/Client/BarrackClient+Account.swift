/// Account, catalogue and pricing operations.
extension BarrackClient {
    /// The account's balance (`get_balance`).
    public func getBalance() async throws -> APIResponse<CreditBalanceResponse> {
        try await send(.getBalance)
    }

    /// GPU stock per region and model (`get_gpu_stock`).
    public func getGPUStock(region: RegionEnum? = nil, gpuModel: GpuModelEnum? = nil) async throws
        -> APIResponse<GPUStocksResponse>
    {
        try await sendEveryPage(.getGPUStock, query: ["region": region?.rawValue, "gpu_model": gpuModel?.rawValue])
    }

    /// GPU models and their hardware (`get_gpu_specs`).
    public func getGPUSpecs(gpuModel: GpuModelEnum? = nil) async throws -> APIResponse<GPUSpecsResponse> {
        try await sendEveryPage(.getGPUSpecs, query: ["gpu_model": gpuModel?.rawValue])
    }

    /// Regions, their tiers and what they offer (`list_regions`).
    public func listRegions() async throws -> APIResponse<RegionsResponse> {
        try await sendEveryPage(.listRegions)
    }

    /// Price lists, narrowed by the request's fields (`get_pricing`, a GET with a query).
    public func getPricing(_ request: PricingRequest = PricingRequest()) async throws -> APIResponse<PricingResponse> {
        try await send(.getPricing, query: Self.query(of: request))
    }

    /// Price lists and, for a full configuration, an hourly estimate (`quote_pricing`, a POST).
    public func quotePricing(_ request: PricingRequest) async throws -> APIResponse<PricingResponse> {
        try await send(.quotePricing, body: request)
    }

    /// The pricing request's fields as query parameters: the same names as its JSON keys.
    static func query(of request: PricingRequest) -> [String: String?] {
        [
            "tier": request.tier?.rawValue, "currency": request.currency?.rawValue,
            "resource_type": request.resourceType?.rawValue, "gpu_model": request.gpuModel?.rawValue,
            "gpu_count": request.gpuCount.map(String.init), "volume_type": request.volumeType?.rawValue,
            "volume_size_gb": request.volumeSizeGB.map(String.init),
        ]
    }

    /// The OS images of a region, or of every region (`list_os_images`).
    public func listOSImages(region: RegionEnum? = nil) async throws -> APIResponse<OSImagesResponse> {
        try await sendEveryPage(.listOSImages, query: ["region": region?.rawValue])
    }
}
