import BarrackAPI

/// What a platform built-in does to the account: the one place that says which built-ins change
/// the platform (and so are rehearsed, never sent, under `--dry-run` and `barrack plan`) and
/// which may raise the hourly spend (and so pass the budget guard first).
///
/// The switch is exhaustive: a new operation does not compile until it is classified.
public enum PlatformEffect: String, Sendable {
    /// Only reads: sent to the platform even in a dry run.
    case read
    /// Changes the platform without adding an hourly charge: deletions, stops, keys, firewalls,
    /// scripts, attachments, an AI chat (billed per token, not per hour).
    case change
    /// May add an hourly charge: deploys, starts, restores, new or bigger volumes, snapshots,
    /// images.
    case spend

    /// The effect of `operation`.
    public static func of(_ operation: OperationID) -> PlatformEffect {
        switch operation {
        case .getBalance, .getGPUStock, .getGPUSpecs, .listRegions, .getPricing, .quotePricing,
             .listInstances, .getInstance, .getInstanceBilling, .listOSImages,
             .listSSHKeys, .getSSHKey, .listVolumes, .getVolume, .listVolumeTypes, .getVolumeBilling,
             .listFirewalls, .getFirewall, .listFirewallProtocols, .listInstanceFirewalls,
             .listFirewallAttachableInstances, .listScripts, .getScript,
             .listSnapshots, .getSnapshot, .listSnapshotEligibleInstances, .getSnapshotBilling,
             .listImages, .getImage, .getSnapshotImage, .getSnapshotImages,
             .listAIModels, .getAIUsageSummary, .getAIUsageHistory:
            return .read
        case .deployInstance, .startInstance, .restoreInstance, .createVolume, .resizeVolume, .cloneVolume,
             .createSnapshot, .restoreSnapshot, .createImage:
            return .spend
        case .stopInstance, .rebootInstance, .hibernateInstance, .togglePublicIP, .addSecurityRule,
             .removeSecurityRule, .deleteInstance, .createSSHKey, .deleteSSHKey, .deleteVolume,
             .attachVolumes, .detachVolumes, .createFirewall, .deleteFirewall, .addFirewallRule,
             .removeFirewallRule, .attachFirewall, .createScript, .updateScript, .deleteScript,
             .deleteScripts, .deleteSnapshot, .deleteImage, .chat:
            return .change
        }
    }

    /// Whether the operation changes the platform.
    public var changes: Bool { self != .read }
}

extension PlatformBuiltinSpec {
    /// What the built-in does to the account.
    var effect: PlatformEffect { PlatformEffect.of(operation) }
}
