/// The stable name of each of the platform's 67 operations (barrack-api.md section 7).
///
/// The raw value is the name the contract, the script built-ins and the tests use; the case order
/// is the contract's table order. `endpoint` gives each one's method, path and parameters.
public enum OperationID: String, CaseIterable, Sendable, Hashable, Codable {
    // Account and catalogue
    case getBalance = "get_balance"
    case getGPUStock = "get_gpu_stock"
    case getGPUSpecs = "get_gpu_specs"
    case listRegions = "list_regions"
    case getPricing = "get_pricing"
    case quotePricing = "quote_pricing"
    // Instances
    case deployInstance = "deploy_instance"
    case listInstances = "list_instances"
    case getInstance = "get_instance"
    case getInstanceBilling = "get_instance_billing"
    case startInstance = "start_instance"
    case stopInstance = "stop_instance"
    case rebootInstance = "reboot_instance"
    case hibernateInstance = "hibernate_instance"
    case restoreInstance = "restore_instance"
    case togglePublicIP = "toggle_public_ip"
    case addSecurityRule = "add_security_rule"
    case removeSecurityRule = "remove_security_rule"
    case deleteInstance = "delete_instance"
    case listOSImages = "list_os_images"
    // SSH keys
    case listSSHKeys = "list_ssh_keys"
    case getSSHKey = "get_ssh_key"
    case createSSHKey = "create_ssh_key"
    case deleteSSHKey = "delete_ssh_key"
    // Volumes
    case listVolumes = "list_volumes"
    case createVolume = "create_volume"
    case getVolume = "get_volume"
    case deleteVolume = "delete_volume"
    case resizeVolume = "resize_volume"
    case cloneVolume = "clone_volume"
    case attachVolumes = "attach_volumes"
    case detachVolumes = "detach_volumes"
    case listVolumeTypes = "list_volume_types"
    case getVolumeBilling = "get_volume_billing"
    // Firewalls
    case listFirewalls = "list_firewalls"
    case getFirewall = "get_firewall"
    case listFirewallProtocols = "list_firewall_protocols"
    case listInstanceFirewalls = "list_instance_firewalls"
    case listFirewallAttachableInstances = "list_firewall_attachable_instances"
    case createFirewall = "create_firewall"
    case deleteFirewall = "delete_firewall"
    case addFirewallRule = "add_firewall_rule"
    case removeFirewallRule = "remove_firewall_rule"
    case attachFirewall = "attach_firewall"
    // Startup scripts
    case listScripts = "list_scripts"
    case getScript = "get_script"
    case createScript = "create_script"
    case updateScript = "update_script"
    case deleteScript = "delete_script"
    case deleteScripts = "delete_scripts"
    // Snapshots and images
    case listSnapshots = "list_snapshots"
    case getSnapshot = "get_snapshot"
    case listSnapshotEligibleInstances = "list_snapshot_eligible_instances"
    case getSnapshotBilling = "get_snapshot_billing"
    case createSnapshot = "create_snapshot"
    case deleteSnapshot = "delete_snapshot"
    case restoreSnapshot = "restore_snapshot"
    case listImages = "list_images"
    case getImage = "get_image"
    case createImage = "create_image"
    case deleteImage = "delete_image"
    case getSnapshotImage = "get_snapshot_image"
    case getSnapshotImages = "get_snapshot_images"
    // AI
    case listAIModels = "list_ai_models"
    case chat = "chat"
    case getAIUsageSummary = "get_ai_usage_summary"
    case getAIUsageHistory = "get_ai_usage_history"
}

extension OperationID: CustomStringConvertible {
    public var description: String { rawValue }
}
