import BarrackAPI

/// The two kinds of region; each allows its own deployment features (barrack-api.md section 2).
public enum Tier: String, Codable, Sendable, CaseIterable {
    case advanced = "Advanced"
    case legacy = "Legacy"
}

extension Tier {
    /// The client model's form of this tier (the platform writes it in lower case).
    var wire: TierEnum {
        switch self {
        case .advanced: return .advanced
        case .legacy: return .legacy
        }
    }
}
