import BarrackPlatform

/// The platform words Tab offers: regions, GPU models and instance statuses.
public struct CompletionAtoms: Sendable {
    /// Region names.
    public var regions: [String]
    /// GPU model names; the mixed-case ones are only offered inside a string.
    public var gpuModels: [String]
    /// Instance statuses.
    public var statuses: [String]

    /// Words of each kind.
    public init(regions: [String], gpuModels: [String], statuses: [String]) {
        self.regions = regions
        self.gpuModels = gpuModels
        self.statuses = statuses
    }

    /// The platform's catalogue, the same lists the built-ins check their arguments against.
    public static let standard = CompletionAtoms(
        regions: Catalogue.regions, gpuModels: Catalogue.gpuModels, statuses: Catalogue.statuses
    )

    /// Every word, in a string's spelling.
    public var all: [String] { regions + gpuModels + statuses }

    /// The words that fit the value of a keyword argument named `label`; nil when its values are
    /// not platform words.
    public func values(forArgument label: String) -> [String]? {
        switch label {
        case "region": return regions
        case "gpu", "gpu_model", "model": return gpuModels
        case "status": return statuses
        default: return nil
        }
    }
}
