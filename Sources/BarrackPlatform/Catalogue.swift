import BarrackAPI

/// The platform's enumerations as the built-ins check and complete them: the client's enums are
/// the one source, so a new region or model is added in one place.
enum Catalogue {
    static let regions = RegionEnum.knownCases.map(\.rawValue)
    static let gpuModels = GpuModelEnum.knownCases.map(\.rawValue)
    static let statuses = VMStatus.knownCases.map(\.rawValue)
    static let tiers = TierEnum.knownCases.map(\.rawValue)
    static let currencies = CurrencyEnum.knownCases.map(\.rawValue)
    static let volumeTypes = VolumeTypeEnum.knownCases.map(\.rawValue)
    static let resourceTypes = ResourceTypeEnum.knownCases.map(\.rawValue)
    static let directions = DirectionEnum.knownCases.map(\.rawValue)
    static let ethertypes = EthertypeEnum.knownCases.map(\.rawValue)
    static let protocols = ProtocolEnum.knownCases.map(\.rawValue)
}
