import BarrackAPI
import Foundation

/// `deploy_instance`: the validation of barrack-api.md section 4, in its order, first failure
/// wins; nothing changes until every check has passed.
extension World {
    /// The fields that only one tier's deployments may set.
    static let advancedOnlyDeployFields = ["startup_script_id", "data_volume_ids", "new_data_volumes"]
    static let legacyOnlyDeployFields = ["public_ip", "security_rules", "cloud_init"]

    mutating func deployInstance(_ call: Call) throws(SandboxError) -> Reply {
        let body = call.body
        try requireCompleteProfile()

        // Required fields, all named at once.
        var missing = body.missing(["gpu_model", "gpu_count", "region", "boot_source"])
        let bootFields = try body.object("boot_source")
        var bootKind: BootSpec.Kind?
        if let bootFields {
            if let typeName = try bootFields.string("type") {
                guard let kind = BootSpec.Kind(rawValue: typeName) else {
                    throw .invalidValue("boot_source.type", "boot_source.type must be one of "
                                        + BootSpec.Kind.allCases.map(\.rawValue).joined(separator: ", ")
                                        + ", not '\(typeName)'")
                }
                bootKind = kind
                missing += bootFields.missing([kind.idField])
                if kind != .volume { missing += body.missing(["ssh_key_ids"]) }
            } else {
                missing.append("boot_source.type")
            }
        }
        guard missing.isEmpty else { throw .missing(missing) }
        guard let bootFields, let bootKind else { throw .missing(["boot_source"]) }
        let model = try gpuModel(try body.string("gpu_model") ?? "")
        let count = try body.int("gpu_count") ?? 0
        try checkGPUCount(count, field: "gpu_count")
        let region = try region(try body.string("region") ?? "")
        let boot = BootSpec(kind: bootKind, id: try bootFields.string(bootKind.idField) ?? "")

        // Name.
        // A blank name (absent, empty or only spaces) is generated, as the platform says.
        let name: String
        if let given = try body.string("name"), !given.allSatisfy(\.isWhitespace) {
            try checkInstanceName(given, region: region.name)
            name = given
        } else {
            name = autoInstanceName(model: model, region: region.name)
        }

        // Tier rules.
        let tierPlan = try checkDeployTier(body, model: model, region: region, boot: boot)

        // SSH keys.
        let sshKeyIDs: [String]
        if boot.kind == .volume, region.tier == .advanced {
            if body.hasContent("ssh_key_ids") {
                throw SandboxError(
                    .sshKeyInvalidForVolumeBoot,
                    "ssh_key_ids must be left out when booting from a volume in an Advanced region: "
                        + "the volume's own SSH configuration is used",
                    ["region": .string(region.name), "volume_id": .string(boot.id)])
            }
            sshKeyIDs = []
        } else {
            sshKeyIDs = try body.strings("ssh_key_ids") ?? []
            try checkSSHKeys(sshKeyIDs)
        }

        // Boot volume, image and data volumes.
        try checkBootSource(boot, region: region)
        let dataVolumeIDs = try body.strings("data_volume_ids") ?? []
        try checkDataVolumes(dataVolumeIDs, region: region.name, bootVolumeID: boot.kind == .volume ? boot.id : nil)
        let newVolumes = try checkNewDataVolumes(try body.objects("new_data_volumes") ?? [], region: region)

        // Stock, then balance.
        try requireStock(region: region.name, model: model.name, count: count)
        let osVolumeGB = tierPlan.osVolumeSizeGB
        let instanceHourly = model.pricePerGPUHour[currency] * Double(count)
            + (tierPlan.osVolumeBilled ? hourlyCost(sizeGB: osVolumeGB ?? 0, volumeType: catalogue.osVolumeType) : 0)
        let volumesHourly = dataVolumeIDs.compactMap { id in state.volumes.first { $0.id == id } }
            .reduce(0) { $0 + hourlyCost(sizeGB: $1.sizeGB, volumeType: $1.volumeType) }
            + newVolumes.reduce(0) { $0 + hourlyCost(sizeGB: $1.sizeGB, volumeType: $1.volumeType) }
        try requireBalance(for: instanceHourly + volumesHourly, what: "deploy")

        // Every check passed: change the world.
        try takeStock(region: region.name, model: model.name, count: count)
        let id = state.issueID(suffix: IDSuffix.instance, catalogue: catalogue)
        var volumeIDs: [String] = boot.kind == .volume ? [boot.id] : []
        volumeIDs += dataVolumeIDs
        for volume in newVolumes {
            volumeIDs.append(createVolume(name: volume.name, region: region, sizeGB: volume.sizeGB,
                                          volumeType: volume.volumeType, bootable: false, osImageID: nil,
                                          instanceID: id))
        }
        for volumeID in volumeIDs {
            if let index = state.volumes.firstIndex(where: { $0.id == volumeID }) {
                state.volumes[index].instanceID = id
                if state.volumes[index].status == .available { state.volumes[index].status = .inUse }
                state.volumes[index].updatedAt = now
            }
        }
        let rules = tierPlan.securityRules.map { issueRule($0) }
        let deployTime = Double.random(in: catalogue.deployDuration, using: &state.random)
        let instance = InstanceRecord(
            id: id, name: name, status: .creating,
            pending: PendingTransition(target: .active, endsAt: now + deployTime),
            gpuModel: model.name, gpuCount: count, region: region.name, tier: region.tier, bootSource: boot,
            osVolumeSizeGB: osVolumeGB, publicIPEnabled: tierPlan.publicIP, publicIP: nil, privateIP: nil,
            sshKeyIDs: sshKeyIDs, volumeIDs: volumeIDs, firewallIDs: [], securityRules: rules,
            startupScriptID: tierPlan.startupScriptID, cloudInit: tierPlan.cloudInit, hourlyCost: instanceHourly,
            currency: currency, holdsStock: true, createdAt: now, updatedAt: now)
        state.instances.append(instance)
        return try Reply(VMResponse(instance: self.model(instance)), message: "Instance \(name) is being deployed",
                         status: 201, tier: region.tier)
    }

    /// What the tier-specific fields of a deploy amount to, once checked.
    struct TierPlan {
        var osVolumeSizeGB: Int?
        var osVolumeBilled: Bool
        var publicIP: Bool
        var securityRules: [SecurityRuleDraft]
        var cloudInit: String?
        var startupScriptID: String?
    }

    /// Refuses any field or boot of the other tier with `NOT_SUPPORTED_IN_TIER`, then checks the
    /// values of this tier's fields.
    private func checkDeployTier(_ body: Fields, model: GPUModelInfo, region: RegionInfo, boot: BootSpec)
        throws(SandboxError) -> TierPlan
    {
        guard model.tier == region.tier else {
            throw SandboxError(
                .notSupportedInTier,
                "GPU model \(model.name) is a \(model.tier.rawValue) model; region \(region.name) is \(region.tier.rawValue) "
                    + "and offers " + catalogue.gpuModels(in: region.tier).map(\.name).joined(separator: ", "),
                ["gpu_model": .string(model.name), "tier": .string(region.tier.rawValue), "region": .string(region.name)])
        }
        let foreign = region.tier == .advanced ? Self.legacyOnlyDeployFields : Self.advancedOnlyDeployFields
        if let field = foreign.first(where: body.has) {
            throw .notInTier(field, tier: region.tier, region: region.name)
        }
        if boot.kind == .customImage, region.tier != catalogue.snapshotTier {
            throw .notInTier("boot_source custom_image", tier: region.tier, region: region.name)
        }
        // The NVMe OS volume is the Advanced tier's; a Legacy image boot (OS or custom image) has a
        // fixed disk included in the GPU price, as custom images are Legacy only.
        let osVolumeApplies = boot.kind != .volume && region.tier == .advanced
        var plan = TierPlan(osVolumeSizeGB: nil, osVolumeBilled: osVolumeApplies, publicIP: true, securityRules: [],
                            cloudInit: nil, startupScriptID: nil)
        if let size = try body.int("os_volume_size_gb") {
            guard osVolumeApplies else {
                if boot.kind == .volume {
                    throw .invalidValue("os_volume_size_gb", "os_volume_size_gb applies to image boots; a volume boot uses the volume")
                }
                throw .notInTier("os_volume_size_gb", tier: region.tier, region: region.name)
            }
            guard catalogue.osVolumeSizeRange.contains(size) else {
                throw .invalidValue("os_volume_size_gb", "os_volume_size_gb must be \(catalogue.osVolumeSizeRange.lowerBound)"
                                    + " to \(catalogue.osVolumeSizeRange.upperBound); got \(size)")
            }
            plan.osVolumeSizeGB = size
        } else if osVolumeApplies {
            plan.osVolumeSizeGB = catalogue.defaultOSVolumeSizeGB
        } else if boot.kind == .osImage {
            plan.osVolumeSizeGB = catalogue.legacyOSDiskGB
        } else if boot.kind == .customImage {
            plan.osVolumeSizeGB = state.images.first { $0.id == boot.id }?.sizeGB ?? catalogue.legacyOSDiskGB
        }
        if region.tier == .legacy {
            plan.publicIP = try body.bool("public_ip") ?? true
            var rules: [SecurityRuleDraft] = []
            for fields in try body.objects("security_rules") ?? [] {
                rules.append(try SecurityRuleDraft(fields, catalogue: catalogue))
            }
            plan.securityRules = rules
            if let cloudInit = try body.string("cloud_init") {
                guard cloudInit.utf8.count <= catalogue.cloudInitMaxBytes else {
                    throw .invalidValue("cloud_init", "cloud_init is \(cloudInit.utf8.count) bytes; at most "
                                        + "\(catalogue.cloudInitMaxBytes) are allowed")
                }
                plan.cloudInit = cloudInit
            }
        } else if let scriptID = try body.string("startup_script_id") {
            _ = try scriptIndex(scriptID)
            plan.startupScriptID = scriptID
        }
        return plan
    }

    /// The image of an image boot must exist in the region's tier and be ready; a volume boot's
    /// volume must be AVAILABLE, bootable and in the region.
    private func checkBootSource(_ boot: BootSpec, region: RegionInfo) throws(SandboxError) {
        switch boot.kind {
        case .osImage:
            guard let image = catalogue.osImage(id: boot.id), image.isOffered(in: region.tier) else {
                throw .invalidValue("boot_source.os_image_id", "OS image '\(boot.id)' is not offered in \(region.name); "
                                    + "images there are " + catalogue.osImages(in: region.tier).map(\.id).joined(separator: ", "))
            }
        case .customImage:
            let image = state.images[try imageIndex(boot.id)]
            guard image.region == region.name else {
                throw .invalidValue("boot_source.image_id",
                                    "image \(image.id) is in \(image.region); it can only boot instances there, not in \(region.name)")
            }
            guard image.status == .available else {
                throw SandboxError(.invalidState, "image \(image.id) is \(image.status.rawValue); booting needs AVAILABLE",
                                   ["id": .string(image.id), "status": .string(image.status.rawValue)])
            }
        case .volume:
            let volume = try availableVolume(boot.id, region: region.name, role: "boot volume")
            guard volume.bootable else {
                throw volumeNotAvailable(volume.id, "volume \(volume.id) is not bootable", reason: "not_bootable")
            }
        }
    }

    private func checkDataVolumes(_ ids: [String], region: String, bootVolumeID: String?) throws(SandboxError) {
        var seen: Set<String> = []
        for id in ids {
            guard seen.insert(id).inserted, id != bootVolumeID else {
                throw .invalidValue("data_volume_ids", "volume \(id) is listed twice")
            }
            _ = try availableVolume(id, region: region, role: "data volume")
        }
    }

    /// A volume that can be attached in `region` now, or `VOLUME_NOT_AVAILABLE` saying why not.
    func availableVolume(_ id: String, region: String, role: String) throws(SandboxError) -> VolumeRecord {
        guard let volume = state.volumes.first(where: { $0.id == id }) else {
            throw volumeNotAvailable(id, "\(role) \(id) does not exist", reason: "missing")
        }
        guard volume.region == region else {
            throw volumeNotAvailable(id, "\(role) \(id) is in \(volume.region), not \(region)", reason: "other_region")
        }
        if let owner = volume.instanceID {
            throw volumeNotAvailable(id, "\(role) \(id) is attached to instance \(owner)", reason: "attached")
        }
        guard volume.status == .available else {
            throw volumeNotAvailable(id, "\(role) \(id) is \(volume.status.rawValue); it must be AVAILABLE",
                                     reason: volume.status.rawValue.lowercased())
        }
        return volume
    }

    func volumeNotAvailable(_ id: String, _ message: String, reason: String) -> SandboxError {
        SandboxError(.volumeNotAvailable, message, ["volume_id": .string(id), "reason": .string(reason)])
    }

    struct NewVolume {
        var name: String
        var sizeGB: Int
        var volumeType: String
    }

    private mutating func checkNewDataVolumes(_ list: [Fields], region: RegionInfo) throws(SandboxError) -> [NewVolume] {
        var result: [NewVolume] = []
        var names = Set(state.volumes.map(\.name))
        for fields in list {
            let missing = fields.missing(["size_gb", "volume_type"])
            guard missing.isEmpty else { throw .missing(missing) }
            let size = try fields.int("size_gb") ?? 0
            let type = try fields.string("volume_type") ?? ""
            try checkVolumeSize(size, field: fields.name("size_gb"))
            try checkVolumeType(type, region: region, field: fields.name("volume_type"))
            let name = try fields.string("name") ?? nextVolumeName(avoiding: names)
            try checkName(name, rule: catalogue.volumeName, taken: names.contains(name), scope: "the account")
            names.insert(name)
            result.append(NewVolume(name: name, sizeGB: size, volumeType: type))
        }
        return result
    }

    // MARK: Shared with snapshot restore

    func requireCompleteProfile() throws(SandboxError) {
        let missing = state.account.profile.missingFields
        guard missing.isEmpty else {
            throw SandboxError(.profileIncomplete, "complete the account profile before deploying; missing: "
                               + missing.joined(separator: ", "),
                               ["missing_fields": .array(missing.map { .string($0) })])
        }
    }

    func checkGPUCount(_ count: Int, field: String) throws(SandboxError) {
        guard catalogue.gpuCounts.contains(count) else {
            throw .invalidValue(field, "\(field) must be one of "
                                + catalogue.gpuCounts.map(String.init).joined(separator: ", ") + "; got \(count)")
        }
    }

    /// The instance naming rule, and uniqueness among the account's instances in the region.
    func checkInstanceName(_ name: String, region: String) throws(SandboxError) {
        let taken = state.instances.contains { $0.name == name && $0.region == region && $0.status != .deleted }
        try checkName(name, rule: catalogue.instanceName, taken: taken, scope: region)
    }

    /// `INVALID_NAME` when `name` breaks `rule`, `DUPLICATE_NAME` when it is `taken`.
    func checkName(_ name: String, rule: NameRule, taken: Bool, scope: String) throws(SandboxError) {
        if let problem = rule.violation(of: name) {
            throw SandboxError(.invalidName, problem, ["name": .string(name)])
        }
        if taken {
            throw SandboxError(.duplicateName, "\(rule.what) '\(name)' is already used in \(scope)",
                               ["name": .string(name)])
        }
    }

    /// `barrack-{gpu}-{random}`, unique in the region.
    mutating func autoInstanceName(model: GPUModelInfo, region: String) -> String {
        while true {
            let name = catalogue.autoNamePrefix + model.shortName + "-"
                + state.random.lowercaseLetters(catalogue.autoNameSuffixLength)
            if !state.instances.contains(where: { $0.name == name && $0.region == region && $0.status != .deleted }) {
                return name
            }
        }
    }

    func checkSSHKeys(_ ids: [String]) throws(SandboxError) {
        let unknown = ids.filter { id in !state.sshKeys.contains { $0.id == id } }
        guard unknown.isEmpty else {
            throw SandboxError(.sshKeyNotFound, "no SSH key with id " + unknown.joined(separator: ", "),
                               ["ssh_key_ids": .array(unknown.map { .string($0) })])
        }
    }

    /// `INSUFFICIENT_CREDITS` unless the balance covers one hour at `hourly`.
    func requireBalance(for hourly: Double, what: String) throws(SandboxError) {
        let available = balance
        guard available >= hourly else {
            throw SandboxError(
                .insufficientCredits,
                "\(what) needs a balance of at least one hour of its cost, \(Self.money(hourly)) \(currency.rawValue); "
                    + "the balance is \(Self.money(available)) \(currency.rawValue)",
                ["required": .double(Self.money(hourly)), "available": .double(Self.money(available)),
                 "currency": .string(currency.rawValue)])
        }
    }
}
