import BarrackAPI

/// The kinds of resource the ledger keeps: those that bill by the hour once made. SSH keys,
/// firewalls and startup scripts cost nothing and are not recorded.
public enum LedgerKind: String, Sendable, CaseIterable {
    /// A GPU instance: deployed, or restored from a snapshot.
    case instance
    /// A volume: created, or cloned from another.
    case volume
    /// A snapshot of an instance.
    case snapshot
    /// An image made from a snapshot.
    case image

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

    /// How many of each kind `kinds` holds, in this enum's order: `2 instances, 1 volume`.
    public static func tally(_ kinds: [LedgerKind]) -> String {
        allCases.compactMap { kind -> String? in
            let count = kinds.filter { $0 == kind }.count
            return count > 0 ? kind.counted(count) : nil
        }.joined(separator: ", ")
    }
}
