import BarrackAPI

/// The platform's enumerations as the built-ins check and complete them: the client's enums are
/// the one source, so a new region or model is added in one place. The REPL completes from the
/// public lists too.
///
///     Catalogue.regions.first  // "FINLAND-1"
public enum Catalogue {
    /// The region names, as the API spells them.
    public static let regions = RegionEnum.knownCases.map(\.rawValue)
    /// The GPU model names, as the API spells them (some are mixed-case).
    public static let gpuModels = GpuModelEnum.knownCases.map(\.rawValue)
    /// The instance statuses.
    public static let statuses = VMStatus.knownCases.map(\.rawValue)
    static let tiers = TierEnum.knownCases.map(\.rawValue)
    static let currencies = CurrencyEnum.knownCases.map(\.rawValue)
    static let volumeTypes = VolumeTypeEnum.knownCases.map(\.rawValue)
    static let resourceTypes = ResourceTypeEnum.knownCases.map(\.rawValue)
    static let directions = DirectionEnum.knownCases.map(\.rawValue)
    static let ethertypes = EthertypeEnum.knownCases.map(\.rawValue)
    static let protocols = ProtocolEnum.knownCases.map(\.rawValue)
}
