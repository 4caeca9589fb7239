import BarrackAPI
import Foundation

/// Snapshots and custom images, Legacy only (barrack-api.md section 6).
extension World {
    func listSnapshots(_ call: Call) throws(SandboxError) -> Reply {
        let regionFilter = try call.query["region"].map { (name: String) throws(SandboxError) in try region(name).name }
        let snapshots = state.snapshots.filter { snapshot in regionFilter.map { $0 == snapshot.region } ?? true }
        return try Reply(SnapshotListResponse(snapshots: snapshots.map(model)), message: "Snapshots retrieved")
    }

    func getSnapshot(_ call: Call) throws(SandboxError) -> Reply {
        try Reply(SnapshotDetailResponse(snapshot: model(state.snapshots[try snapshotIndex(call.parameter("id"))])),
                  message: "Snapshot retrieved")
    }

    /// ACTIVE instances of Legacy regions.
    func listSnapshotEligibleInstances(_ call: Call) throws(SandboxError) -> Reply {
        let regionFilter = try call.query["region"].map { (name: String) throws(SandboxError) in try region(name).name }
        let eligible = state.instances.filter { instance in
            instance.tier == catalogue.snapshotTier && instance.status == .active
                && (regionFilter.map { $0 == instance.region } ?? true)
        }
        return try Reply(ListUserVMsResponse(instances: eligible.map(userVM)), message: "Eligible instances retrieved")
    }

    mutating func createSnapshot(_ call: Call) throws(SandboxError) -> Reply {
        let missing = call.body.missing(["instance_id", "name"])
        guard missing.isEmpty else { throw .missing(missing) }
        let name = try call.body.string("name") ?? ""
        let description = try description(in: call.body)
        try checkName(name, rule: catalogue.snapshotName, taken: state.snapshots.contains { $0.name == name },
                      scope: "the account")
        let instance = state.instances[try instanceIndex(try call.body.string("instance_id") ?? "")]
        guard instance.tier == catalogue.snapshotTier else {
            throw .notInTier("snapshots", tier: instance.tier, region: instance.region)
        }
        try requireActive(instance, doing: "snapshot")
        let size = instance.osVolumeSizeGB ?? state.volumes.first { $0.id == instance.bootSource.id }?.sizeGB
            ?? catalogue.legacyOSDiskGB
        let snapshot = SnapshotRecord(
            id: state.issueID(suffix: IDSuffix.snapshot, catalogue: catalogue), name: name, description: description,
            status: .creating, readyAt: now + catalogue.snapshotCreationDuration, region: instance.region, sizeGB: size,
            instanceID: instance.id, instanceName: instance.name, gpuModel: instance.gpuModel,
            gpuCount: instance.gpuCount, sshKeyIDs: instance.sshKeyIDs, bootSource: instance.bootSource, createdAt: now)
        state.snapshots.append(snapshot)
        openCharge(.snapshot, id: snapshot.id, name: name, rate: .storage, hourly: snapshotHourlyCost(sizeGB: size),
                   tier: instance.tier, sizeGB: size, description: "\(size) GB snapshot of \(instance.name)")
        return try Reply(SnapshotDetailResponse(snapshot: model(snapshot)), message: "Snapshot \(name) is being created",
                         status: 201, tier: instance.tier)
    }

    /// Instances and images made from the snapshot are left as they are.
    mutating func deleteSnapshot(_ call: Call) throws(SandboxError) -> Reply {
        let index = try snapshotIndex(call.parameter("id"))
        let snapshot = state.snapshots[index]
        guard snapshot.status == .available else {
            throw SandboxError(.invalidState, "cannot delete snapshot \(snapshot.id): it is still CREATING",
                               ["id": .string(snapshot.id), "status": .string(snapshot.status.rawValue)])
        }
        closeCharges(of: snapshot.id)
        state.snapshots.remove(at: index)
        return try Reply(DeletedResourceResponse(id: snapshot.id), message: "Snapshot \(snapshot.name) deleted")
    }

    /// A new instance from an AVAILABLE snapshot, with the deploy's rules for name, keys, stock
    /// and balance; defaults come from the snapshotted instance.
    mutating func restoreSnapshot(_ call: Call) throws(SandboxError) -> Reply {
        let snapshot = state.snapshots[try snapshotIndex(call.parameter("id"))]
        try requireCompleteProfile()
        guard snapshot.status == .available else {
            throw SandboxError(.invalidState, "cannot restore snapshot \(snapshot.id): it is \(snapshot.status.rawValue); "
                               + "restore needs AVAILABLE",
                               ["id": .string(snapshot.id), "status": .string(snapshot.status.rawValue)])
        }
        let region = try region(snapshot.region)
        let name: String
        if let given = try call.body.string("name"), !given.allSatisfy(\.isWhitespace) {
            try checkInstanceName(given, region: region.name)
            name = given
        } else {
            name = restoredName(of: snapshot.name, region: region.name)
        }
        let model = try gpuModel(try call.body.string("gpu_model") ?? snapshot.gpuModel)
        guard model.tier == region.tier else {
            throw .notInTier("GPU model \(model.name)", tier: region.tier, region: region.name)
        }
        let count = try call.body.int("gpu_count") ?? snapshot.gpuCount
        try checkGPUCount(count, field: "gpu_count")
        let sshKeyIDs = try call.body.strings("ssh_key_ids") ?? snapshot.sshKeyIDs.filter { id in
            state.sshKeys.contains { $0.id == id }
        }
        try checkSSHKeys(sshKeyIDs)
        try requireStock(region: region.name, model: model.name, count: count)
        let hourly = model.pricePerGPUHour[currency] * Double(count)
        try requireBalance(for: hourly, what: "restoring a snapshot")

        try takeStock(region: region.name, model: model.name, count: count)
        let id = state.issueID(suffix: IDSuffix.instance, catalogue: catalogue)
        let deployTime = Double.random(in: catalogue.deployDuration, using: &state.random)
        let instance = InstanceRecord(
            id: id, name: name, status: .creating, pending: PendingTransition(target: .active, endsAt: now + deployTime),
            gpuModel: model.name, gpuCount: count, region: region.name, tier: region.tier,
            bootSource: snapshot.bootSource, osVolumeSizeGB: snapshot.sizeGB, publicIPEnabled: true, publicIP: nil,
            privateIP: nil, sshKeyIDs: sshKeyIDs, volumeIDs: [], firewallIDs: [], securityRules: [],
            startupScriptID: nil, cloudInit: nil, hourlyCost: hourly, currency: currency, holdsStock: true,
            createdAt: now, updatedAt: now)
        state.instances.append(instance)
        return try Reply(VMResponse(instance: self.model(instance)),
                         message: "Snapshot \(snapshot.name) is being restored as \(name)", status: 201, tier: region.tier)
    }

    func listImages(_ call: Call) throws(SandboxError) -> Reply {
        let regionFilter = try call.query["region"].map { (name: String) throws(SandboxError) in try region(name).name }
        let images = state.images.filter { image in regionFilter.map { $0 == image.region } ?? true }
        return try Reply(ImageListResponse(images: images.map(model)), message: "Images retrieved")
    }

    func getImage(_ call: Call) throws(SandboxError) -> Reply {
        try Reply(ImageDetailResponse(image: model(state.images[try imageIndex(call.parameter("id"))])),
                  message: "Image retrieved")
    }

    mutating func createImage(_ call: Call) throws(SandboxError) -> Reply {
        let missing = call.body.missing(["snapshot_id", "name"])
        guard missing.isEmpty else { throw .missing(missing) }
        let name = try call.body.string("name") ?? ""
        let description = try description(in: call.body)
        try checkName(name, rule: catalogue.imageName, taken: state.images.contains { $0.name == name },
                      scope: "the account")
        let snapshot = state.snapshots[try snapshotIndex(try call.body.string("snapshot_id") ?? "")]
        guard snapshot.status == .available else {
            throw SandboxError(.invalidState, "cannot make an image of snapshot \(snapshot.id): it is "
                               + "\(snapshot.status.rawValue); this needs AVAILABLE",
                               ["id": .string(snapshot.id), "status": .string(snapshot.status.rawValue)])
        }
        let image = ImageRecord(
            id: state.issueID(suffix: IDSuffix.image, catalogue: catalogue), name: name, description: description,
            status: .creating, readyAt: now + catalogue.imageCreationDuration, region: snapshot.region,
            sizeGB: snapshot.sizeGB, snapshotID: snapshot.id, createdAt: now)
        state.images.append(image)
        return try Reply(ImageDetailResponse(image: model(image)), message: "Image \(name) is being created",
                         status: 201, tier: catalogue.snapshotTier)
    }

    mutating func deleteImage(_ call: Call) throws(SandboxError) -> Reply {
        let index = try imageIndex(call.parameter("id"))
        let image = state.images[index]
        let users = state.instances.filter {
            $0.status != .deleted && $0.bootSource.kind == .customImage && $0.bootSource.id == image.id
        }.map(\.id)
        guard users.isEmpty else {
            throw SandboxError(.inUse, "image \(image.name) boots instance " + users.joined(separator: ", "),
                               ["id": .string(image.id), "instance_ids": .array(users.map { .string($0) })])
        }
        state.images.remove(at: index)
        return try Reply(DeletedResourceResponse(id: image.id), message: "Image \(image.name) deleted")
    }

    func getSnapshotImage(_ call: Call) throws(SandboxError) -> Reply {
        let snapshot = state.snapshots[try snapshotIndex(call.parameter("id"))]
        return try Reply(relationship(snapshot.id), message: "Snapshot image retrieved")
    }

    func getSnapshotImages(_ call: Call) throws(SandboxError) -> Reply {
        guard let ids = try call.body.strings("snapshot_ids"), !ids.isEmpty else { throw .missing(["snapshot_ids"]) }
        for id in ids { _ = try snapshotIndex(id) }
        return try Reply(BatchSnapshotImageRelationshipResponse(relationships: ids.map(relationship)),
                         message: "Snapshot images retrieved")
    }

    private func relationship(_ snapshotID: String) -> SnapshotImageRelationshipResponse {
        SnapshotImageRelationshipResponse(snapshotID: snapshotID,
                                          image: state.images.first { $0.snapshotID == snapshotID }.map(model))
    }
}
