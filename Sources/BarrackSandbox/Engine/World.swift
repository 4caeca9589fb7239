import Foundation

/// The simulated platform at one instant: the state, the catalogue, and the rules that move the
/// state through time.
///
/// Time moves only through `advance(to:)`, which replays every change that falls due — transitions
/// ending, volumes and snapshots becoming available, the balance running out — in the order they
/// happen. Nothing runs on timers, so a sandbox read after an hour of simulated time is exactly
/// the sandbox that lived through that hour.
struct World: Sendable {
    var state: SandboxState
    let catalogue: SandboxCatalogue

    var now: Date { state.now }
    var currency: Currency { state.account.currency }

    // MARK: Money

    /// Credit less every charge up to now.
    var balance: Double {
        let charged = state.charges.reduce(0) { $0 + $1.cost(at: now) }
        let ai = state.aiUsage.reduce(0) { $0 + $1.cost }
        return state.account.credit - charged - ai
    }

    /// What the account spends per second right now, over every open billing record.
    var spendPerSecond: Double {
        state.charges.filter { $0.end == nil }.reduce(0) { $0 + $1.perMinuteRate } / 60
    }

    // MARK: Time

    /// Brings the world up to `target`, applying every change that falls due on the way, in order.
    mutating func advance(to target: Date) {
        while target > now {
            let next = nextEvent()
            let runOutAt = balanceRunsOutAt()
            let step = [next?.time, runOutAt, target].compactMap { $0 }.min() ?? target
            state.now = max(now, step)
            if let runOutAt, runOutAt <= step {
                hibernateForEmptyBalance()
            } else if let next, next.time <= step {
                apply(next)
            }
        }
        if balanceRunsOutAt().map({ $0 <= now }) == true { hibernateForEmptyBalance() }
    }

    /// When the balance reaches zero at the current rate of spending, if instances run at full rate.
    ///
    /// Only full-rate instances are hibernated when credit runs out; volumes, snapshots and
    /// hibernated instances keep billing and may take the balance below zero, as a platform's
    /// storage does, and a new deploy then needs fresh credit.
    private func balanceRunsOutAt() -> Date? {
        guard state.instances.contains(where: { $0.status.billing == .fullRate }) else { return nil }
        let spend = spendPerSecond
        guard spend > 0 else { return nil }
        return now + max(0, balance) / spend
    }

    private mutating func hibernateForEmptyBalance() {
        for index in state.instances.indices where state.instances[index].status.billing == .fullRate {
            begin(.hibernate, instanceAt: index)
        }
    }

    private enum Event {
        case instance(Int)
        case volume(Int)
        case snapshot(Int)
        case image(Int)
    }

    private func nextEvent() -> (time: Date, event: Event)? {
        var best: (time: Date, event: Event)?
        func consider(_ time: Date?, _ event: Event) {
            guard let time else { return }
            if best.map({ time < $0.time }) ?? true { best = (time, event) }
        }
        for (index, instance) in state.instances.enumerated() { consider(instance.pending?.endsAt, .instance(index)) }
        for (index, volume) in state.volumes.enumerated() { consider(volume.readyAt, .volume(index)) }
        for (index, snapshot) in state.snapshots.enumerated() { consider(snapshot.readyAt, .snapshot(index)) }
        for (index, image) in state.images.enumerated() { consider(image.readyAt, .image(index)) }
        return best
    }

    private mutating func apply(_ next: (time: Date, event: Event)) {
        switch next.event {
        case .instance(let index):
            finishTransition(instanceAt: index)
        case .volume(let index):
            state.volumes[index].readyAt = nil
            state.volumes[index].status = state.volumes[index].instanceID == nil ? .available : .inUse
            state.volumes[index].updatedAt = now
        case .snapshot(let index):
            state.snapshots[index].readyAt = nil
            state.snapshots[index].status = .available
        case .image(let index):
            state.images[index].readyAt = nil
            state.images[index].status = .available
        }
    }

    // MARK: Instance statuses

    /// Starts `action` on the instance: it shows the action's transitional status until the
    /// action's duration has passed.
    mutating func begin(_ action: InstanceAction, instanceAt index: Int) {
        let ends = now + action.duration(in: catalogue)
        setStatus(action.passesThrough, instanceAt: index)
        state.instances[index].pending = PendingTransition(target: action.endsIn, endsAt: ends)
    }

    private mutating func finishTransition(instanceAt index: Int) {
        guard let pending = state.instances[index].pending else { return }
        state.instances[index].pending = nil
        let instance = state.instances[index]
        switch pending.target {
        case .active:
            if instance.privateIP == nil { state.instances[index].privateIP = newPrivateIP() }
            if instance.publicIPEnabled, instance.publicIP == nil { state.instances[index].publicIP = newPublicIP() }
        case .hibernated:
            returnStock(instanceAt: index)
        case .deleted:
            returnStock(instanceAt: index)
            releaseAttachments(instanceAt: index)
        default:
            break
        }
        setStatus(pending.target, instanceAt: index)
    }

    /// Sets the status and bills from now at the new status's rate.
    mutating func setStatus(_ status: InstanceStatus, instanceAt index: Int) {
        let instance = state.instances[index]
        closeCharges(of: instance.id)
        state.instances[index].status = status
        state.instances[index].updatedAt = now
        switch status.billing {
        case .fullRate:
            // The GPUs and the OS volume are two records, so that a GPU record's per-minute rate is
            // the reference's arithmetic exactly (4 × 2.49 / 60 = 0.166).
            let gpuHourly = (catalogue.gpuModel(named: instance.gpuModel)?.pricePerGPUHour[instance.currency] ?? 0)
                * Double(instance.gpuCount)
            openCharge(.instance, id: instance.id, name: instance.name, rate: .full, hourly: gpuHourly,
                       tier: instance.tier, gpuModel: instance.gpuModel, gpuCount: instance.gpuCount,
                       description: "\(instance.gpuCount) × \(instance.gpuModel), \(status.rawValue)")
            let osVolumeHourly = instance.hourlyCost - gpuHourly
            if osVolumeHourly > 0.000_000_1 {
                openCharge(.instance, id: instance.id, name: instance.name, rate: .storage, hourly: osVolumeHourly,
                           tier: instance.tier, gpuModel: instance.gpuModel, gpuCount: instance.gpuCount,
                           sizeGB: instance.osVolumeSizeGB, volumeType: catalogue.osVolumeType,
                           description: "\(instance.osVolumeSizeGB ?? 0) GB \(catalogue.osVolumeType) OS volume")
            }
        case .hibernatedRate:
            openCharge(.instance, id: instance.id, name: instance.name, rate: .hibernated,
                       hourly: catalogue.hibernatedPricePerHour[currency], tier: instance.tier,
                       gpuModel: instance.gpuModel, gpuCount: instance.gpuCount,
                       description: "\(instance.gpuCount) × \(instance.gpuModel), hibernated")
        case .none:
            break
        }
    }

    mutating func returnStock(instanceAt index: Int) {
        let instance = state.instances[index]
        guard instance.holdsStock else { return }
        state.stock[instance.region, default: [:]][instance.gpuModel, default: 0] += instance.gpuCount
        state.instances[index].holdsStock = false
    }

    /// `OUT_OF_STOCK` unless `count` GPUs of `model` are free in `region`; takes nothing.
    func requireStock(region: String, model: String, count: Int) throws(SandboxError) {
        let free = state.stock[region]?[model] ?? 0
        guard free >= count else {
            throw SandboxError(
                .outOfStock, "\(model) × \(count) is out of stock in \(region): \(free) GPUs free",
                ["region": .string(region), "gpu_model": .string(model), "gpu_count": .int(count),
                 "available_gpus": .int(free)])
        }
    }

    /// Takes GPUs from stock, or refuses with `OUT_OF_STOCK`.
    mutating func takeStock(region: String, model: String, count: Int) throws(SandboxError) {
        try requireStock(region: region, model: model, count: count)
        state.stock[region, default: [:]][model, default: 0] -= count
    }

    private mutating func releaseAttachments(instanceAt index: Int) {
        let id = state.instances[index].id
        for volumeIndex in state.volumes.indices where state.volumes[volumeIndex].instanceID == id {
            state.volumes[volumeIndex].instanceID = nil
            if state.volumes[volumeIndex].status == .inUse { state.volumes[volumeIndex].status = .available }
            state.volumes[volumeIndex].updatedAt = now
        }
        for firewallIndex in state.firewalls.indices {
            state.firewalls[firewallIndex].instanceIDs.removeAll { $0 == id }
        }
        state.instances[index].volumeIDs = []
        state.instances[index].firewallIDs = []
        state.instances[index].publicIP = nil
        state.instances[index].privateIP = nil
    }

    // MARK: Billing records

    mutating func openCharge(
        _ resource: ChargeRecord.Resource, id: String, name: String, rate: ChargeRecord.Rate, hourly: Double,
        tier: Tier, gpuModel: String? = nil, gpuCount: Int? = nil, sizeGB: Int? = nil, volumeType: String? = nil,
        description: String
    ) {
        let suffix: String
        switch resource {
        case .instance: suffix = IDSuffix.instance
        case .volume: suffix = IDSuffix.volume
        case .snapshot: suffix = IDSuffix.snapshot
        }
        let billingID = state.issueID(suffix: suffix + catalogue.billingIDSuffix, catalogue: catalogue)
        state.charges.append(ChargeRecord(
            billingID: billingID, resource: resource, resourceID: id, resourceName: name, rate: rate,
            gpuModel: gpuModel, gpuCount: gpuCount, sizeGB: sizeGB, volumeType: volumeType, tier: tier,
            start: now, end: nil, perMinuteRate: hourly / 60, currency: currency, description: description))
    }

    mutating func closeCharges(of resourceID: String) {
        for index in state.charges.indices where state.charges[index].resourceID == resourceID && state.charges[index].end == nil {
            state.charges[index].end = now
        }
    }

    // MARK: Look-ups

    func instanceIndex(_ id: String) throws(SandboxError) -> Int {
        guard let index = state.instances.firstIndex(where: { $0.id == id }) else { throw .notFound("instance", id) }
        return index
    }

    func volumeIndex(_ id: String) throws(SandboxError) -> Int {
        guard let index = state.volumes.firstIndex(where: { $0.id == id }) else { throw .notFound("volume", id) }
        return index
    }

    func firewallIndex(_ id: String) throws(SandboxError) -> Int {
        guard let index = state.firewalls.firstIndex(where: { $0.id == id }) else { throw .notFound("firewall", id) }
        return index
    }

    func snapshotIndex(_ id: String) throws(SandboxError) -> Int {
        guard let index = state.snapshots.firstIndex(where: { $0.id == id }) else { throw .notFound("snapshot", id) }
        return index
    }

    func imageIndex(_ id: String) throws(SandboxError) -> Int {
        guard let index = state.images.firstIndex(where: { $0.id == id }) else { throw .notFound("image", id) }
        return index
    }

    func scriptIndex(_ id: String) throws(SandboxError) -> Int {
        guard let index = state.scripts.firstIndex(where: { $0.id == id }) else { throw .notFound("script", id) }
        return index
    }

    func sshKeyIndex(_ id: String) throws(SandboxError) -> Int {
        guard let index = state.sshKeys.firstIndex(where: { $0.id == id }) else { throw .notFound("SSH key", id) }
        return index
    }

    /// The region of `name`, or `INVALID_VALUE` listing the regions.
    func region(_ name: String, field: String = "region") throws(SandboxError) -> RegionInfo {
        guard let region = catalogue.region(named: name) else {
            throw .invalidValue(field, "unknown region '\(name)'; regions are "
                                + catalogue.regions.map(\.name).joined(separator: ", "))
        }
        return region
    }

    // MARK: Addresses

    mutating func newPublicIP() -> String {
        catalogue.publicIPPrefix + String(Int.random(in: 2...254, using: &state.random))
    }

    mutating func newPrivateIP() -> String {
        catalogue.privateIPPrefix + String(Int.random(in: 0...255, using: &state.random)) + "."
            + String(Int.random(in: 2...254, using: &state.random))
    }
}
