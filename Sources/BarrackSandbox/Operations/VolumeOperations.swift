import BarrackAPI
import Foundation

/// Volumes: create, read, resize, clone, delete, attach and detach (barrack-api.md section 6).
extension World {
    func listVolumes(_ call: Call) throws(SandboxError) -> Reply {
        let regionFilter = try call.query["region"].map { (name: String) throws(SandboxError) in try region(name).name }
        let matching = state.volumes.filter { volume in regionFilter.map { $0 == volume.region } ?? true }
        let (page, pagination) = try call.paginate(matching, catalogue)
        let nextName = nextVolumeName(avoiding: Set(state.volumes.map(\.name)))
        return try Reply(GetVolumesWithNextNameResponse(volumes: page.map(model), nextName: nextName),
                         message: "Volumes retrieved", pagination: pagination)
    }

    func getVolume(_ call: Call) throws(SandboxError) -> Reply {
        let volume = state.volumes[try volumeIndex(call.parameter("id"))]
        return try Reply(GetVolumeDetailsResponse(volume: model(volume)), message: "Volume retrieved", tier: volume.tier)
    }

    mutating func createVolume(_ call: Call) throws(SandboxError) -> Reply {
        let body = call.body
        let missing = body.missing(["name", "region", "size_gb", "volume_type"])
        guard missing.isEmpty else { throw .missing(missing) }
        let name = try body.string("name") ?? ""
        try checkName(name, rule: catalogue.volumeName, taken: state.volumes.contains { $0.name == name },
                      scope: "the account")
        let region = try region(try body.string("region") ?? "")
        let size = try body.int("size_gb") ?? 0
        try checkVolumeSize(size, field: "size_gb")
        let type = try body.string("volume_type") ?? ""
        try checkVolumeType(type, region: region, field: "volume_type")
        let bootable = try body.bool("bootable") ?? false
        let osImageID = try body.string("os_image_id")
        if bootable {
            guard let osImageID else { throw .missing(["os_image_id"]) }
            guard let image = catalogue.osImage(id: osImageID), image.isOffered(in: region.tier) else {
                throw .invalidValue("os_image_id", "OS image '\(osImageID)' is not offered in \(region.name)")
            }
        } else if osImageID != nil {
            throw .invalidValue("os_image_id", "os_image_id needs bootable: true")
        }
        try requireVolumeCreationBalance()
        let id = createVolume(name: name, region: region, sizeGB: size, volumeType: type, bootable: bootable,
                              osImageID: osImageID, instanceID: nil)
        let volume = state.volumes[try volumeIndex(id)]
        return try Reply(GetVolumeDetailsResponse(volume: model(volume)), message: "Volume \(name) is being created",
                         status: 201, tier: region.tier)
    }

    mutating func deleteVolume(_ call: Call) throws(SandboxError) -> Reply {
        let index = try volumeIndex(call.parameter("id"))
        let volume = state.volumes[index]
        if let owner = volume.instanceID {
            throw SandboxError(.inUse, "volume \(volume.id) is attached to instance \(owner); detach it first",
                               ["id": .string(volume.id), "instance_id": .string(owner)])
        }
        try requireSettled(volume, doing: "delete")
        closeCharges(of: volume.id)
        state.volumes.remove(at: index)
        return try Reply(DeletedResourceResponse(id: volume.id), message: "Volume \(volume.name) deleted")
    }

    mutating func resizeVolume(_ call: Call) throws(SandboxError) -> Reply {
        let index = try volumeIndex(call.parameter("id"))
        let volume = state.volumes[index]
        guard let size = try call.body.int("size_gb") else { throw .missing(["size_gb"]) }
        try requireSettled(volume, doing: "resize")
        guard size > volume.sizeGB else {
            throw .invalidValue("size_gb", "a volume only grows: \(volume.id) is \(volume.sizeGB) GB, so size_gb must "
                                + "be more than that; got \(size)")
        }
        guard size <= catalogue.volumeSizeRange.upperBound else {
            throw .invalidValue("size_gb", "size_gb must be at most \(catalogue.volumeSizeRange.upperBound); got \(size)")
        }
        closeCharges(of: volume.id)
        state.volumes[index].sizeGB = size
        state.volumes[index].updatedAt = now
        openVolumeCharge(state.volumes[index])
        return try Reply(GetVolumeDetailsResponse(volume: model(state.volumes[index])),
                         message: "Volume \(volume.name) resized to \(size) GB", tier: volume.tier)
    }

    mutating func cloneVolume(_ call: Call) throws(SandboxError) -> Reply {
        let source = state.volumes[try volumeIndex(call.parameter("id"))]
        guard let name = try call.body.string("name") else { throw .missing(["name"]) }
        try checkName(name, rule: catalogue.volumeName, taken: state.volumes.contains { $0.name == name },
                      scope: "the account")
        try requireSettled(source, doing: "clone")
        try requireVolumeCreationBalance()
        guard let region = catalogue.region(named: source.region) else { throw .notFound("region", source.region) }
        let id = createVolume(name: name, region: region, sizeGB: source.sizeGB, volumeType: source.volumeType,
                              bootable: source.bootable, osImageID: source.osImageID, instanceID: nil, ready: true)
        let clone = state.volumes[try volumeIndex(id)]
        return try Reply(GetVolumeDetailsResponse(volume: model(clone)),
                         message: "Volume \(source.name) cloned as \(name)", status: 201, tier: clone.tier)
    }

    /// Instance ACTIVE, volumes AVAILABLE in its region; all or none are attached.
    mutating func attachVolumes(_ call: Call) throws(SandboxError) -> Reply {
        let index = try instanceIndex(call.parameter("id"))
        let instance = state.instances[index]
        let ids = try volumeIDs(call.body)
        try requireActive(instance, doing: "attach volumes to")
        for id in ids { _ = try availableVolume(id, region: instance.region, role: "volume") }
        for id in ids {
            let volumeIndex = try volumeIndex(id)
            state.volumes[volumeIndex].instanceID = instance.id
            state.volumes[volumeIndex].status = .inUse
            state.volumes[volumeIndex].updatedAt = now
        }
        state.instances[index].volumeIDs += ids
        state.instances[index].updatedAt = now
        return try volumesReply(instanceAt: index, ids, message: "Volumes attached")
    }

    /// Instance ACTIVE; each volume attached to it and not its boot volume.
    mutating func detachVolumes(_ call: Call) throws(SandboxError) -> Reply {
        let index = try instanceIndex(call.parameter("id"))
        let instance = state.instances[index]
        let ids = try volumeIDs(call.body)
        try requireActive(instance, doing: "detach volumes from")
        for id in ids {
            let volume = state.volumes[try volumeIndex(id)]
            guard volume.instanceID == instance.id else {
                throw volumeNotAvailable(id, "volume \(id) is not attached to instance \(instance.id)", reason: "not_attached")
            }
            if instance.bootSource.kind == .volume, instance.bootSource.id == id {
                throw volumeNotAvailable(id, "volume \(id) is the boot volume of instance \(instance.id) and cannot be detached",
                                         reason: "boot_volume")
            }
        }
        for id in ids {
            let volumeIndex = try volumeIndex(id)
            state.volumes[volumeIndex].instanceID = nil
            state.volumes[volumeIndex].status = .available
            state.volumes[volumeIndex].updatedAt = now
        }
        state.instances[index].volumeIDs.removeAll(where: ids.contains)
        state.instances[index].updatedAt = now
        return try volumesReply(instanceAt: index, ids, message: "Volumes detached")
    }

    // MARK: Helpers

    private func volumeIDs(_ body: Fields) throws(SandboxError) -> [String] {
        guard let ids = try body.strings("volume_ids"), !ids.isEmpty else { throw .missing(["volume_ids"]) }
        guard Set(ids).count == ids.count else { throw .invalidValue("volume_ids", "volume_ids lists a volume twice") }
        return ids
    }

    private func volumesReply(instanceAt index: Int, _ ids: [String], message: String) throws(SandboxError) -> Reply {
        let volumes = ids.compactMap { id in state.volumes.first { $0.id == id } }.map(model)
        let instance = state.instances[index]
        return try Reply(AttachVolumesResponse(instance: model(instance), volumes: volumes), message: message,
                         tier: instance.tier)
    }

    func requireActive(_ instance: InstanceRecord, doing what: String) throws(SandboxError) {
        guard instance.status == .active else {
            throw SandboxError(.invalidState, "cannot \(what) instance \(instance.id): it is \(instance.status.rawValue); "
                               + "this needs ACTIVE",
                               ["id": .string(instance.id), "status": .string(instance.status.rawValue),
                                "allowed_statuses": ["ACTIVE"]])
        }
    }

    private func requireSettled(_ volume: VolumeRecord, doing what: String) throws(SandboxError) {
        guard volume.status != .creating else {
            throw SandboxError(.invalidState, "cannot \(what) volume \(volume.id): it is still CREATING",
                               ["id": .string(volume.id), "status": .string(volume.status.rawValue)])
        }
    }

    /// Creating a volume needs 1.00 USD / 1.00 EUR / 100 INR [older guide].
    private func requireVolumeCreationBalance() throws(SandboxError) {
        let needed = catalogue.volumeCreationMinimumBalance[currency]
        let available = balance
        guard available >= needed else {
            throw SandboxError(.insufficientCredits, "creating a volume needs a balance of at least \(needed) "
                               + "\(currency.rawValue); the balance is \(Self.money(available)) \(currency.rawValue)",
                               ["required": .double(needed), "available": .double(Self.money(available)),
                                "currency": .string(currency.rawValue)])
        }
    }

    func checkVolumeSize(_ size: Int, field: String) throws(SandboxError) {
        guard catalogue.volumeSizeRange.contains(size) else {
            throw .invalidValue(field, "\(field) must be \(catalogue.volumeSizeRange.lowerBound) to "
                                + "\(catalogue.volumeSizeRange.upperBound) GB; got \(size)")
        }
    }

    func checkVolumeType(_ type: String, region: RegionInfo, field: String) throws(SandboxError) {
        let offered = catalogue.volumeTypes(in: region.tier)
        guard offered.contains(where: { $0.name == type }) else {
            throw .invalidValue(field, "volume type '\(type)' is not offered in \(region.name); types there are "
                                + offered.map(\.name).joined(separator: ", "))
        }
    }

    /// `volume1`, `volume2`, …: the first not in `names`.
    func nextVolumeName(avoiding names: Set<String>) -> String {
        var number = 1
        while names.contains(catalogue.nextVolumeNamePrefix + String(number)) { number += 1 }
        return catalogue.nextVolumeNamePrefix + String(number)
    }

    /// Adds a volume that bills from now; it is CREATING for a while unless `ready`.
    @discardableResult
    mutating func createVolume(
        name: String, region: RegionInfo, sizeGB: Int, volumeType: String, bootable: Bool, osImageID: String?,
        instanceID: String?, ready: Bool = false
    ) -> String {
        let id = state.issueID(suffix: IDSuffix.volume, catalogue: catalogue)
        let settled: VolumeState = instanceID == nil ? .available : .inUse
        let volume = VolumeRecord(
            id: id, name: name, region: region.name, tier: region.tier, sizeGB: sizeGB, volumeType: volumeType,
            status: ready ? settled : .creating, readyAt: ready ? nil : now + catalogue.volumeCreationDuration,
            bootable: bootable, osImageID: osImageID, instanceID: instanceID, createdAt: now, updatedAt: now)
        state.volumes.append(volume)
        openVolumeCharge(volume)
        return id
    }

    private mutating func openVolumeCharge(_ volume: VolumeRecord) {
        openCharge(.volume, id: volume.id, name: volume.name, rate: .storage,
                   hourly: hourlyCost(sizeGB: volume.sizeGB, volumeType: volume.volumeType), tier: volume.tier,
                   sizeGB: volume.sizeGB, volumeType: volume.volumeType,
                   description: "\(volume.sizeGB) GB \(volume.volumeType) volume")
    }
}
