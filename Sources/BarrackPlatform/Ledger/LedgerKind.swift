import BarrackAPI

/// The kinds of resource the ledger keeps: those that bill by the hour once made. SSH keys,
/// firewalls and startup scripts cost nothing and are not recorded.
public enum LedgerKind: String, Sendable, CaseIterable {
    case instance, volume, snapshot, image

    /// The kind a create makes: a deploy or a snapshot's restore makes an instance, a create or a
    /// clone a volume, and so on; nil for every other operation.
    public static func created(by operation: OperationID) -> LedgerKind? {
        switch operation {
        case .deployInstance, .restoreSnapshot: return .instance
        case .createVolume, .cloneVolume: return .volume
        case .createSnapshot: return .snapshot
        case .createImage: return .image
        default: return nil
        }
    }

    /// The kind a deletion removes; nil for every other operation.
    public static func deleted(by operation: OperationID) -> LedgerKind? {
        LedgerKind.allCases.first { $0.delete == operation }
    }

    /// The read of one resource of this kind (by `id`).
    public var read: OperationID {
        switch self {
        case .instance: return .getInstance
        case .volume: return .getVolume
        case .snapshot: return .getSnapshot
        case .image: return .getImage
        }
    }

    /// The listing a create's resource is looked for in by name.
    public var list: OperationID {
        switch self {
        case .instance: return .listInstances
        case .volume: return .listVolumes
        case .snapshot: return .listSnapshots
        case .image: return .listImages
        }
    }

    /// The deletion of one resource of this kind (by `id`).
    public var delete: OperationID {
        switch self {
        case .instance: return .deleteInstance
        case .volume: return .deleteVolume
        case .snapshot: return .deleteSnapshot
        case .image: return .deleteImage
        }
    }

    /// `2 instances`, `1 volume`.
    public func counted(_ count: Int) -> String {
        "\(count) \(rawValue)\(count == 1 ? "" : "s")"
    }
}
