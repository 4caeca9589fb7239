import BarrackAPI
import Foundation

/// Turns the sandbox's records into the client's models, so that the sandbox answers with exactly
/// the JSON the client decodes.
extension World {
    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// Money as the platform shows it: rounded to a millionth, which keeps 4 × 2.49 / 60 = 0.166
    /// exact and hides the float noise of sums.
    static func money(_ amount: Double) -> Double {
        (amount * 1_000_000).rounded() / 1_000_000
    }

    func model(_ record: InstanceRecord) -> VMInstance {
        VMInstance(
            id: record.id, name: record.name, status: VMStatus(rawValue: record.status.rawValue),
            gpuModel: GpuModelEnum(rawValue: record.gpuModel), gpuCount: record.gpuCount,
            region: RegionEnum(rawValue: record.region), tier: record.tier.wire,
            bootSource: model(record.bootSource), osVolumeSizeGB: record.osVolumeSizeGB,
            publicIP: record.publicIP, privateIP: record.privateIP, sshKeyIDs: record.sshKeyIDs,
            volumeIDs: record.volumeIDs, firewallIDs: record.firewallIDs,
            securityRules: record.securityRules.map(model), startupScriptID: record.startupScriptID,
            hourlyCost: Self.money(record.hourlyCost + dataVolumesHourlyCost(of: record)), currency: record.currency.wire,
            createdAt: Self.timestamp(record.createdAt), updatedAt: Self.timestamp(record.updatedAt))
    }

    func model(_ boot: BootSpec) -> BootSource {
        switch boot.kind {
        case .osImage: return .osImage(boot.id)
        case .volume: return .volume(boot.id)
        case .customImage: return .customImage(boot.id)
        }
    }

    func model(_ rule: SecurityRule) -> VMSecurityRule {
        VMSecurityRule(
            id: rule.id, direction: DirectionEnum(rawValue: rule.direction),
            ethertype: EthertypeEnum(rawValue: rule.ethertype), protocol: ProtocolEnum(rawValue: rule.protocolName),
            remoteIPPrefix: rule.remoteIPPrefix, portRangeMin: rule.portRangeMin, portRangeMax: rule.portRangeMax,
            createdAt: Self.timestamp(rule.createdAt))
    }

    func userVM(_ record: InstanceRecord) -> UserVM {
        UserVM(id: record.id, name: record.name, status: VMStatus(rawValue: record.status.rawValue),
               region: RegionEnum(rawValue: record.region), gpuModel: GpuModelEnum(rawValue: record.gpuModel),
               gpuCount: record.gpuCount, osVolumeSizeGB: record.osVolumeSizeGB)
    }

    /// What the data volumes attached to an instance cost per hour (its boot volume aside): an
    /// instance's `hourly_cost` is its GPUs, its OS volume and these (barrack-api.md section 4),
    /// though each volume is billed as a volume of its own.
    func dataVolumesHourlyCost(of record: InstanceRecord) -> Double {
        let bootVolumeID = record.bootSource.kind == .volume ? record.bootSource.id : nil
        return record.volumeIDs.filter { $0 != bootVolumeID }.reduce(0) { total, id in
            guard let volume = state.volumes.first(where: { $0.id == id }) else { return total }
            return total + hourlyCost(sizeGB: volume.sizeGB, volumeType: volume.volumeType)
        }
    }

    /// A volume's price per hour: size in TB × its type's rate.
    func hourlyCost(sizeGB: Int, volumeType: String) -> Double {
        let rate = catalogue.volumeType(named: volumeType)?.pricePerTBHour[currency] ?? 0
        return Double(sizeGB) / 1000 * rate
    }

    func model(_ record: VolumeRecord) -> VolumeResponse {
        VolumeResponse(
            id: record.id, name: record.name, region: RegionEnum(rawValue: record.region), tier: record.tier.wire,
            sizeGB: record.sizeGB, volumeType: VolumeTypeEnum(rawValue: record.volumeType),
            status: VolumeStatus(rawValue: record.status.rawValue), bootable: record.bootable,
            osImageID: record.osImageID, instanceID: record.instanceID,
            hourlyCost: Self.money(hourlyCost(sizeGB: record.sizeGB, volumeType: record.volumeType)),
            currency: currency.wire, createdAt: Self.timestamp(record.createdAt))
    }

    func model(_ record: SSHKeyRecord, privateKey: String? = nil) -> SSHKeyResponse {
        SSHKeyResponse(id: record.id, name: record.name, publicKey: record.publicKey,
                       fingerprint: record.fingerprint, createdAt: Self.timestamp(record.createdAt),
                       privateKey: privateKey)
    }

    func model(_ record: FirewallRecord) -> FirewallResponse {
        let attachments = record.instanceIDs.map { id in
            FirewallAttachment(instanceID: id, instanceName: state.instances.first { $0.id == id }?.name)
        }
        return FirewallResponse(
            id: record.id, name: record.name, description: record.description,
            region: RegionEnum(rawValue: record.region), rules: record.rules.map(model),
            attachments: attachments, createdAt: Self.timestamp(record.createdAt))
    }

    func model(_ record: ScriptRecord) -> Script {
        Script(id: record.id, name: record.name, content: record.content, description: record.description,
               createdAt: Self.timestamp(record.createdAt), updatedAt: Self.timestamp(record.updatedAt))
    }

    /// A snapshot's price per hour: size in units of 100 GB × the snapshot rate.
    func snapshotHourlyCost(sizeGB: Int) -> Double {
        Double(sizeGB) / 100 * catalogue.snapshotPricePer100GBHour[currency]
    }

    func model(_ record: SnapshotRecord) -> Snapshot {
        Snapshot(id: record.id, name: record.name, description: record.description, instanceID: record.instanceID,
                 region: RegionEnum(rawValue: record.region), sizeGB: record.sizeGB,
                 status: SnapshotStatus(rawValue: record.status.rawValue),
                 hourlyCost: Self.money(snapshotHourlyCost(sizeGB: record.sizeGB)),
                 createdAt: Self.timestamp(record.createdAt))
    }

    func model(_ record: ImageRecord) -> Image {
        Image(id: record.id, name: record.name, description: record.description, snapshotID: record.snapshotID,
              region: RegionEnum(rawValue: record.region), status: SnapshotStatus(rawValue: record.status.rawValue),
              sizeGB: record.sizeGB, createdAt: Self.timestamp(record.createdAt))
    }

    func model(_ record: AIUsageRecord) -> AITransaction {
        AITransaction(id: record.id, model: record.model, promptTokens: record.promptTokens,
                      completionTokens: record.completionTokens,
                      totalTokens: record.promptTokens + record.completionTokens, cost: Self.money(record.cost),
                      currency: record.currency.wire, createdAt: Self.timestamp(record.createdAt))
    }
}
