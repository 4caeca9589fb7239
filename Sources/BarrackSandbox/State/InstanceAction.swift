/// The actions that move an instance between statuses, and the table of which status allows which
/// action (barrack-api.md section 5).
public enum InstanceAction: String, Sendable, CaseIterable {
    case stop
    case start
    case reboot
    case hibernate
    case restore
    case delete

    /// The statuses the action may start from.
    var allowedFrom: Set<InstanceStatus> {
        switch self {
        case .stop: return [.active]
        case .start: return [.shutoff]
        case .reboot: return [.active]
        case .hibernate: return [.active, .shutoff]
        case .restore: return [.hibernated]
        // "Any status that is not transitional" — a DELETED instance is gone, so not it either.
        case .delete: return [.active, .shutoff, .hibernated, .error]
        }
    }

    /// The transitional status the instance shows while the action runs.
    var passesThrough: InstanceStatus {
        switch self {
        case .stop: return .stopping
        case .start: return .starting
        case .reboot: return .rebooting
        case .hibernate: return .hibernating
        case .restore: return .restoring
        case .delete: return .deleting
        }
    }

    /// The status the instance reaches when the action is done.
    var endsIn: InstanceStatus {
        switch self {
        case .stop: return .shutoff
        case .start, .reboot, .restore: return .active
        case .hibernate: return .hibernated
        case .delete: return .deleted
        }
    }

    /// How long the transition takes, in simulated seconds.
    func duration(in catalogue: SandboxCatalogue) -> Double {
        switch self {
        case .stop: return catalogue.stopDuration
        case .start: return catalogue.startDuration
        case .reboot: return catalogue.rebootDuration
        case .hibernate: return catalogue.hibernateDuration
        case .restore: return catalogue.restoreDuration
        case .delete: return catalogue.deleteDuration
        }
    }

    /// The `INVALID_STATE` refusal for an instance in `status`, naming the statuses it needs.
    func refusal(instanceID: String, status: InstanceStatus) -> SandboxError {
        let needed = InstanceStatus.allCases.filter(allowedFrom.contains).map(\.rawValue)
        return SandboxError(
            .invalidState,
            "cannot \(rawValue) instance \(instanceID): it is \(status.rawValue); \(rawValue) needs "
                + needed.joined(separator: " or "),
            ["id": .string(instanceID), "status": .string(status.rawValue), "action": .string(rawValue),
             "allowed_statuses": .array(needed.map { .string($0) })])
    }
}
