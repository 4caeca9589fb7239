extension BuiltinTable {
    static let account: [PlatformBuiltinSpec] = [
        PlatformBuiltinSpec(
            name: "balance", operation: .getBalance, group: "account",
            summary: "The account's credit balance and currency.", returns: "map",
            example: "print balance().balance", parameters: []),
    ]

    static let catalogue: [PlatformBuiltinSpec] = [
        PlatformBuiltinSpec(
            name: "gpu_stock", operation: .getGPUStock, group: "catalogue",
            summary: "GPUs in stock, per region, model and count.", returns: "list of maps",
            example: "gpu_stock in FINLAND-1",
            parameters: [Parameters.region, Parameters.query("gpu_model", .choice(Catalogue.gpuModels), "Only this model.")]),
        PlatformBuiltinSpec(
            name: "gpu_specs", operation: .getGPUSpecs, group: "catalogue",
            summary: "The specifications of the GPU models.", returns: "list of maps",
            example: "gpu_specs gpu_model: \"H100-SXM5-80GB\"",
            parameters: [Parameters.query("gpu_model", .choice(Catalogue.gpuModels), "Only this model.")]),
        PlatformBuiltinSpec(
            name: "regions", operation: .listRegions, group: "catalogue",
            summary: "The regions and their tiers.", returns: "list of maps", example: "regions", parameters: []),
        PlatformBuiltinSpec(
            name: "os_images", operation: .listOSImages, group: "catalogue",
            summary: "The OS images a deployment can boot.", returns: "list of maps",
            example: "os_images in FINLAND-1", parameters: [Parameters.region]),
        PlatformBuiltinSpec(
            name: "volume_types", operation: .listVolumeTypes, group: "catalogue",
            summary: "The volume types of a region's tier.", returns: "list of maps",
            example: "volume_types in ICELAND-1", parameters: [Parameters.region]),
        PlatformBuiltinSpec(
            name: "pricing", operation: .getPricing, group: "pricing",
            summary: "Prices per hour of GPUs, volumes and snapshots.", returns: "map",
            example: "pricing resource_type: \"gpus\" currency: EUR", parameters: pricingFilters(body: false)),
        PlatformBuiltinSpec(
            name: "quote", operation: .quotePricing, group: "pricing",
            summary: "The hourly cost of a configuration before deploying it.", returns: "map with estimate",
            example: "quote gpu: \"H100-SXM5-80GB\" x 8 tier: ADVANCED", parameters: pricingFilters(body: true)),
    ]

    /// `pricing` filters by query; `quote` sends the same fields as a `PricingRequest` body.
    static func pricingFilters(body: Bool) -> [PlatformParameter] {
        func field(_ name: String, _ kind: PlatformParameter.Kind, _ summary: String, field: String? = nil) -> PlatformParameter {
            body ? Parameters.body(name, kind, summary, field: field) : Parameters.query(name, kind, summary, field: field)
        }
        var parameters = [
            field("tier", .choice(Catalogue.tiers), "Only this tier."),
            field("currency", .choice(Catalogue.currencies), "Prices in this currency."),
            field("resource_type", .choice(Catalogue.resourceTypes), "Only gpus, volumes or snapshots."),
        ]
        if body {
            parameters.append(field("gpu", .gpu, "The GPUs to price: model x count."))
        } else {
            parameters.append(field("gpu_model", .choice(Catalogue.gpuModels), "Only this model."))
            parameters.append(field("gpu_count", .int, "GPUs per instance."))
        }
        parameters.append(field("volume_type", .choice(Catalogue.volumeTypes), "A volume type to price."))
        parameters.append(field("volume_size", .size, "A volume size to price.", field: "volume_size_gb"))
        return parameters
    }
}
