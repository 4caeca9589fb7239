import BarrackAPI

/// Which operation of the world answers which operation id: the endpoint table (in `BarrackAPI`)
/// says how a request names an operation; this says what the sandbox does for it.
extension World {
    /// Whether the operation may change the state, so the sandbox knows what to save.
    static func changesState(_ operation: OperationID) -> Bool {
        switch operation.endpoint.method {
        case .get: return false
        case .post: return operation != .quotePricing && operation != .getSnapshotImages
        case .put, .delete: return true
        }
    }

    mutating func perform(_ call: Call) throws(SandboxError) -> Reply {
        switch call.operation {
        case .getBalance: return try getBalance(call)
        case .getGPUStock: return try getGPUStock(call)
        case .getGPUSpecs: return try getGPUSpecs(call)
        case .listRegions: return try listRegions(call)
        case .getPricing: return try getPricing(call)
        case .quotePricing: return try quotePricing(call)
        case .deployInstance: return try deployInstance(call)
        case .listInstances: return try listInstances(call)
        case .getInstance: return try getInstance(call)
        case .getInstanceBilling: return try getInstanceBilling(call)
        case .startInstance: return try act(.start, call)
        case .stopInstance: return try act(.stop, call)
        case .rebootInstance: return try act(.reboot, call)
        case .hibernateInstance: return try act(.hibernate, call)
        case .restoreInstance: return try act(.restore, call)
        case .togglePublicIP: return try togglePublicIP(call)
        case .addSecurityRule: return try addSecurityRule(call)
        case .removeSecurityRule: return try removeSecurityRule(call)
        case .deleteInstance: return try act(.delete, call)
        case .listOSImages: return try listOSImages(call)
        case .listSSHKeys: return try listSSHKeys(call)
        case .getSSHKey: return try getSSHKey(call)
        case .createSSHKey: return try createSSHKey(call)
        case .deleteSSHKey: return try deleteSSHKey(call)
        case .listVolumes: return try listVolumes(call)
        case .createVolume: return try createVolume(call)
        case .getVolume: return try getVolume(call)
        case .deleteVolume: return try deleteVolume(call)
        case .resizeVolume: return try resizeVolume(call)
        case .cloneVolume: return try cloneVolume(call)
        case .attachVolumes: return try attachVolumes(call)
        case .detachVolumes: return try detachVolumes(call)
        case .listVolumeTypes: return try listVolumeTypes(call)
        case .getVolumeBilling: return try getVolumeBilling(call)
        case .listFirewalls: return try listFirewalls(call)
        case .getFirewall: return try getFirewall(call)
        case .listFirewallProtocols: return try listFirewallProtocols(call)
        case .listInstanceFirewalls: return try listInstanceFirewalls(call)
        case .listFirewallAttachableInstances: return try listFirewallAttachableInstances(call)
        case .createFirewall: return try createFirewall(call)
        case .deleteFirewall: return try deleteFirewall(call)
        case .addFirewallRule: return try addFirewallRule(call)
        case .removeFirewallRule: return try removeFirewallRule(call)
        case .attachFirewall: return try attachFirewall(call)
        case .listScripts: return try listScripts(call)
        case .getScript: return try getScript(call)
        case .createScript: return try createScript(call)
        case .updateScript: return try updateScript(call)
        case .deleteScript: return try deleteScript(call)
        case .deleteScripts: return try deleteScripts(call)
        case .listSnapshots: return try listSnapshots(call)
        case .getSnapshot: return try getSnapshot(call)
        case .listSnapshotEligibleInstances: return try listSnapshotEligibleInstances(call)
        case .getSnapshotBilling: return try getSnapshotBilling(call)
        case .createSnapshot: return try createSnapshot(call)
        case .deleteSnapshot: return try deleteSnapshot(call)
        case .restoreSnapshot: return try restoreSnapshot(call)
        case .listImages: return try listImages(call)
        case .getImage: return try getImage(call)
        case .createImage: return try createImage(call)
        case .deleteImage: return try deleteImage(call)
        case .getSnapshotImage: return try getSnapshotImage(call)
        case .getSnapshotImages: return try getSnapshotImages(call)
        case .listAIModels: return try listAIModels(call)
        case .chat: return try chat(call)
        case .getAIUsageSummary: return try getAIUsageSummary(call)
        case .getAIUsageHistory: return try getAIUsageHistory(call)
        }
    }
}
