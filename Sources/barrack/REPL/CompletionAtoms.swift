/// The platform words Tab offers: regions, GPU models and instance statuses.
///
/// They are the catalogue of the platform's API reference (section 2 and 5), kept in this one
/// small table until the platform's built-ins bring the live catalogue; then `standard` is the one
/// thing to replace.
struct CompletionAtoms: Sendable {
    /// Region names.
    var regions: [String]
    /// GPU model names; the mixed-case ones are only offered inside a string.
    var gpuModels: [String]
    /// Instance statuses.
    var statuses: [String]

    /// The platform's catalogue.
    static let standard = CompletionAtoms(
        regions: ["FINLAND-1", "FINLAND-2", "FINLAND-3", "ICELAND-1", "CANADA-1"],
        gpuModels: [
            "B300-262GB", "B200-180GB", "H200-141GB", "H100-SXM5-80GB", "H100-PCIe-NVLink-80GB",
            "H100-PCIe-80GB", "A100-PCIe-NVLink-80GB", "A100-PCIe-80GB", "L40", "RTX-A6000",
        ],
        statuses: [
            "CREATING", "ACTIVE", "STOPPING", "SHUTOFF", "STARTING", "REBOOTING", "HIBERNATING",
            "HIBERNATED", "RESTORING", "DELETING", "DELETED", "ERROR",
        ]
    )

    /// Every word, in a string's spelling.
    var all: [String] { regions + gpuModels + statuses }

    /// The words that fit the value of a keyword argument named `label`; nil when its values are
    /// not platform words.
    func values(forArgument label: String) -> [String]? {
        switch label {
        case "region": return regions
        case "gpu", "gpu_model", "model": return gpuModels
        case "status": return statuses
        default: return nil
        }
    }
}
