import BarrackAPI
import Foundation

/// What a platform looks like through its API reads: the starting point of a throw-away sandbox
/// in which `barrack plan` and `--dry-run` rehearse a script.
///
/// Every member is what a read operation answers (`list_instances`, `get_balance`, …), so a seed
/// can be taken from the real platform with nothing but reads, or from another sandbox the same
/// way. What the API does not show (the billing profile, the billing history) starts as in a fresh
/// sandbox: a complete profile and no past charges.
///
/// ```swift
/// let seed = SandboxSeed(now: Date(), balance: 120, currency: .usd, instances: listed)
/// let rehearsal = Sandbox(seed: seed)
/// ```
public struct SandboxSeed: Sendable {
    /// The instant the copy starts at.
    public var now: Date
    /// The account's balance, and its currency.
    public var balance: Double
    public var currency: CurrencyEnum
    public var instances: [VMInstance]
    public var volumes: [VolumeResponse]
    public var sshKeys: [SSHKeyResponse]
    public var firewalls: [FirewallResponse]
    public var scripts: [Script]
    public var snapshots: [Snapshot]
    public var images: [Image]
    /// Free GPUs as `get_gpu_stock` lists them; a region or model it leaves out has none.
    public var stock: [GPUStockItem]

    /// Creates a seed.
    public init(now: Date, balance: Double, currency: CurrencyEnum, instances: [VMInstance] = [],
                volumes: [VolumeResponse] = [], sshKeys: [SSHKeyResponse] = [], firewalls: [FirewallResponse] = [],
                scripts: [Script] = [], snapshots: [Snapshot] = [], images: [Image] = [], stock: [GPUStockItem] = []) {
        self.now = now
        self.balance = balance
        self.currency = currency
        self.instances = instances
        self.volumes = volumes
        self.sshKeys = sshKeys
        self.firewalls = firewalls
        self.scripts = scripts
        self.snapshots = snapshots
        self.images = images
        self.stock = stock
    }
}

extension SandboxState {
    /// The state a seed describes, on `catalogue`'s prices and rules.
    init(seed: SandboxSeed, catalogue: SandboxCatalogue) {
        let now = seed.now
        func date(_ text: String?) -> Date { text.flatMap { try? Date($0, strategy: .iso8601) } ?? now }
        // The region's tier as the catalogue has it; the wire's spelling may differ in case.
        func tier(_ wire: TierEnum, region: RegionEnum) -> Tier {
            catalogue.regions.first { $0.name == region.rawValue }?.tier
                ?? Tier.allCases.first { $0.rawValue.lowercased() == wire.rawValue.lowercased() } ?? .advanced
        }
        func rule(_ rule: VMSecurityRule) -> SecurityRule {
            SecurityRule(id: rule.id, direction: rule.direction.rawValue, ethertype: rule.ethertype.rawValue,
                         protocolName: rule.protocol.rawValue, remoteIPPrefix: rule.remoteIPPrefix ?? "0.0.0.0/0",
                         portRangeMin: rule.portRangeMin, portRangeMax: rule.portRangeMax, createdAt: date(rule.createdAt))
        }
        func boot(_ source: BootSource?) -> BootSpec {
            guard let source else { return BootSpec(kind: .osImage, id: "") }
            if let id = source.volumeID { return BootSpec(kind: .volume, id: id) }
            if let id = source.imageID { return BootSpec(kind: .customImage, id: id) }
            return BootSpec(kind: .osImage, id: source.osImageID ?? "")
        }
        let currency = Currency(rawValue: seed.currency.rawValue) ?? catalogue.initialCurrency
        var stock: [String: [String: Int]] = [:]
        for region in catalogue.regions {
            for model in catalogue.gpuModels(in: region.tier) { stock[region.name, default: [:]][model.name] = 0 }
        }
        for item in seed.stock { stock[item.region.rawValue, default: [:]][item.gpuModel.rawValue] = item.availableGpus }
        self.init(now: now, account: Account(credit: seed.balance, currency: currency, profile: catalogue.initialProfile),
                  stock: stock, random: SeededRandom(seed: UInt64(max(0, now.timeIntervalSince1970))))
        instances = seed.instances.map { vm in
            let status = InstanceStatus(rawValue: vm.status.rawValue) ?? .error
            return InstanceRecord(
                id: vm.id, name: vm.name, status: status, pending: Self.pendingTransition(from: status, at: now), gpuModel: vm.gpuModel.rawValue,
                gpuCount: vm.gpuCount, region: vm.region.rawValue, tier: tier(vm.tier, region: vm.region), bootSource: boot(vm.bootSource),
                osVolumeSizeGB: vm.osVolumeSizeGB, publicIPEnabled: vm.publicIP != nil, publicIP: vm.publicIP,
                privateIP: vm.privateIP, sshKeyIDs: vm.sshKeyIDs, volumeIDs: vm.volumeIDs, firewallIDs: vm.firewallIDs,
                securityRules: vm.securityRules.map(rule), startupScriptID: vm.startupScriptID, cloudInit: nil,
                hourlyCost: vm.hourlyCost, currency: currency,
                holdsStock: ![.hibernated, .deleted, .error].contains(status),
                createdAt: date(vm.createdAt), updatedAt: date(vm.updatedAt ?? vm.createdAt))
        }
        volumes = seed.volumes.map { volume in
            VolumeRecord(id: volume.id, name: volume.name, region: volume.region.rawValue, tier: tier(volume.tier, region: volume.region),
                         sizeGB: volume.sizeGB, volumeType: volume.volumeType.rawValue,
                         status: VolumeState(rawValue: volume.status.rawValue) ?? .available, readyAt: nil,
                         bootable: volume.bootable, osImageID: volume.osImageID, instanceID: volume.instanceID,
                         createdAt: date(volume.createdAt), updatedAt: date(volume.createdAt))
        }
        sshKeys = seed.sshKeys.map { key in
            SSHKeyRecord(id: key.id, name: key.name, publicKey: key.publicKey, fingerprint: key.fingerprint,
                         createdAt: date(key.createdAt))
        }
        firewalls = seed.firewalls.map { firewall in
            FirewallRecord(id: firewall.id, name: firewall.name, region: firewall.region.rawValue,
                           description: firewall.description ?? "", rules: firewall.rules.map(rule),
                           instanceIDs: firewall.attachments.map(\.instanceID), createdAt: date(firewall.createdAt),
                           updatedAt: date(firewall.createdAt))
        }
        scripts = seed.scripts.map { script in
            ScriptRecord(id: script.id, name: script.name, content: script.content, description: script.description ?? "",
                         createdAt: date(script.createdAt), updatedAt: date(script.updatedAt ?? script.createdAt))
        }
        let instancesByID = Dictionary(seed.instances.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        snapshots = seed.snapshots.map { snapshot in
            let source = instancesByID[snapshot.instanceID]
            return SnapshotRecord(
                id: snapshot.id, name: snapshot.name, description: snapshot.description ?? "",
                status: ArtifactStatus(rawValue: snapshot.status.rawValue) ?? .available, readyAt: nil,
                region: snapshot.region.rawValue, sizeGB: snapshot.sizeGB, instanceID: snapshot.instanceID,
                instanceName: source?.name ?? "", gpuModel: source?.gpuModel.rawValue ?? "",
                gpuCount: source?.gpuCount ?? 1, sshKeyIDs: source?.sshKeyIDs ?? [], bootSource: boot(source?.bootSource),
                createdAt: date(snapshot.createdAt))
        }
        images = seed.images.map { image in
            ImageRecord(id: image.id, name: image.name, description: image.description ?? "",
                        status: ArtifactStatus(rawValue: image.status.rawValue) ?? .available, readyAt: nil,
                        region: image.region.rawValue, sizeGB: image.sizeGB ?? 0, snapshotID: image.snapshotID,
                        createdAt: date(image.createdAt))
        }
        let ids = instances.map(\.id) + volumes.map(\.id) + sshKeys.map(\.id) + firewalls.map(\.id) + scripts.map(\.id)
            + snapshots.map(\.id) + images.map(\.id)
        issuedIDs = Set(ids)
    }
}

extension SandboxState {
    /// A seeded instance in a transitional status finishes it as the sandbox's own would: the
    /// API does not say when, so two minutes from the seed (a typical deploy takes 2–5).
    static func pendingTransition(from status: InstanceStatus, at now: Date) -> PendingTransition? {
        let target: InstanceStatus
        switch status {
        case .creating, .starting, .rebooting, .restoring: target = .active
        case .stopping: target = .shutoff
        case .hibernating: target = .hibernated
        case .deleting: target = .deleted
        case .active, .shutoff, .hibernated, .deleted, .error: return nil
        }
        return PendingTransition(target: target, endsAt: now + 120)
    }
}

extension Sandbox {
    /// A throw-away sandbox in memory, starting from `seed`: it is never saved, takes no lock, and
    /// its clock stands still unless advanced (a script's waits advance it).
    public convenience init(seed: SandboxSeed) {
        self.init(state: SandboxState(seed: seed, catalogue: .standard))
    }
}
