import Foundation

/// What the account will spend per hour once every change under way has finished, and short
/// descriptions of resources: what `barrack plan` reports about a rehearsal.
extension World {
    /// The hourly rate of every resource at the status it is heading for: a CREATING or STARTING
    /// instance already counts at its full rate, a HIBERNATING one at the hibernated rate, a
    /// DELETING one not at all; volumes and snapshots at their storage rates.
    var steadyHourlySpend: Double {
        var total = 0.0
        for instance in state.instances {
            switch instance.pending?.target ?? instance.status {
            case .creating, .active, .starting, .stopping, .shutoff, .rebooting, .restoring:
                total += instance.hourlyCost
            case .hibernating, .hibernated:
                total += catalogue.hibernatedPricePerHour[currency]
            case .deleting, .deleted, .error:
                break
            }
        }
        for volume in state.volumes { total += hourlyCost(sizeGB: volume.sizeGB, volumeType: volume.volumeType) }
        for snapshot in state.snapshots { total += snapshotHourlyCost(sizeGB: snapshot.sizeGB) }
        return Self.money(total)
    }

    /// The name, region and GPUs (`H100-SXM5-80GB x 8`) of the resource with this id, if any.
    func summary(ofResource id: String) -> (name: String, region: String?, gpus: String?)? {
        if let instance = state.instances.first(where: { $0.id == id }) {
            return (instance.name, instance.region, "\(instance.gpuModel) x \(instance.gpuCount)")
        }
        if let volume = state.volumes.first(where: { $0.id == id }) { return (volume.name, volume.region, nil) }
        if let snapshot = state.snapshots.first(where: { $0.id == id }) { return (snapshot.name, snapshot.region, nil) }
        if let image = state.images.first(where: { $0.id == id }) { return (image.name, image.region, nil) }
        if let firewall = state.firewalls.first(where: { $0.id == id }) { return (firewall.name, firewall.region, nil) }
        if let key = state.sshKeys.first(where: { $0.id == id }) { return (key.name, nil, nil) }
        if let script = state.scripts.first(where: { $0.id == id }) { return (script.name, nil, nil) }
        return nil
    }
}
