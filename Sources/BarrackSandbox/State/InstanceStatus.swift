import BarrackAPI

/// The statuses of an instance (barrack-api.md section 5, `VMStatus`).
public enum InstanceStatus: String, Codable, Sendable, CaseIterable {
    case creating = "CREATING"
    case active = "ACTIVE"
    case stopping = "STOPPING"
    case shutoff = "SHUTOFF"
    case starting = "STARTING"
    case rebooting = "REBOOTING"
    case hibernating = "HIBERNATING"
    case hibernated = "HIBERNATED"
    case restoring = "RESTORING"
    case deleting = "DELETING"
    case deleted = "DELETED"
    case error = "ERROR"

    /// Whether the instance is on its way from one status to another.
    var isTransitional: Bool { VMStatus(rawValue: rawValue).isTransitional }

    /// What an hour in this status costs: ACTIVE and SHUTOFF the full rate, HIBERNATED the
    /// hibernated rate, every other status nothing (barrack-api.md section 3).
    var billing: BillingKind {
        switch self {
        case .active, .shutoff: return .fullRate
        case .hibernated: return .hibernatedRate
        default: return .none
        }
    }

    enum BillingKind: Sendable {
        case fullRate
        case hibernatedRate
        case none
    }
}
