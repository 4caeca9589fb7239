import BarrackAPI
import Foundation

/// Billing records and summaries, computed from the simulated clock (barrack-api.md section 6).
extension World {
    func getInstanceBilling(_ call: Call) throws(SandboxError) -> Reply {
        let instance = state.instances[try instanceIndex(call.parameter("id"))]
        let charges = charges(of: instance.id)
        let (page, pagination) = try call.paginate(charges, catalogue)
        let records = page.map { charge in
            BillingRecord(
                billingID: charge.billingID, instanceID: instance.id, vmName: charge.resourceName,
                gpuType: GpuModelEnum(rawValue: charge.gpuModel ?? instance.gpuModel),
                gpuCount: charge.gpuCount ?? instance.gpuCount, tier: charge.tier.wire,
                startTime: Self.timestamp(charge.start), endTime: charge.end.map(Self.timestamp),
                totalDurationMinutes: Self.money(charge.minutes(at: now)), perMinuteRate: Self.money(charge.perMinuteRate),
                totalCost: Self.money(charge.cost(at: now)), currency: charge.currency.wire,
                status: recordStatus(charge), description: charge.description)
        }
        let summary = BillingSummary(
            totalMinutes: Self.money(totalMinutes(charges)),
            activeCount: charges.filter { recordStatus($0) == "active" }.count,
            completedCount: charges.filter { recordStatus($0) == "completed" }.count,
            hibernatedCount: charges.filter { recordStatus($0) == "hibernated" }.count,
            averageUsage: Self.money(charges.isEmpty ? 0 : totalMinutes(charges) / Double(charges.count)),
            totalCost: Self.money(totalCost(charges)))
        return try Reply(Billing(records: records, summary: summary, currency: currency.wire),
                         message: "Billing records retrieved", tier: instance.tier, pagination: pagination)
    }

    func getVolumeBilling(_ call: Call) throws(SandboxError) -> Reply {
        let volume = state.volumes[try volumeIndex(call.parameter("id"))]
        return try storageBilling(VolumeStorage.self, call, id: volume.id, sizeGB: volume.sizeGB, tier: volume.tier,
                                  message: "Volume billing retrieved")
    }

    func getSnapshotBilling(_ call: Call) throws(SandboxError) -> Reply {
        let snapshot = state.snapshots[try snapshotIndex(call.parameter("id"))]
        return try storageBilling(SnapshotStorage.self, call, id: snapshot.id, sizeGB: snapshot.sizeGB,
                                  tier: catalogue.snapshotTier, message: "Snapshot billing retrieved")
    }

    /// The billing records of a volume or a snapshot, one page, with their summary.
    private func storageBilling<Kind: StorageResourceKind>(
        _ kind: Kind.Type, _ call: Call, id: String, sizeGB: Int, tier: Tier, message: String
    ) throws(SandboxError) -> Reply {
        let charges = charges(of: id)
        let (page, pagination) = try call.paginate(charges, catalogue)
        let records = page.map { charge in
            StorageBillingRecord<Kind>(
                billingID: charge.billingID, resourceID: id, resourceName: charge.resourceName,
                sizeGB: charge.sizeGB ?? sizeGB, tier: charge.tier.wire, startTime: Self.timestamp(charge.start),
                endTime: charge.end.map(Self.timestamp), totalDurationMinutes: Self.money(charge.minutes(at: now)),
                perMinuteRate: Self.money(charge.perMinuteRate), totalCost: Self.money(charge.cost(at: now)),
                currency: charge.currency.wire, status: recordStatus(charge), description: charge.description)
        }
        return try Reply(StorageBillingResponse<Kind>(records: records, summary: storageSummary(charges),
                                                      currency: currency.wire),
                         message: message, tier: tier, pagination: pagination)
    }

    private func charges(of resourceID: String) -> [ChargeRecord] {
        state.charges.filter { $0.resourceID == resourceID }
    }

    /// `active` while billing at full or storage rate, `hibernated` while billing the hibernated
    /// rate, `completed` once closed.
    private func recordStatus(_ charge: ChargeRecord) -> String {
        guard charge.end == nil else { return "completed" }
        return charge.rate == .hibernated ? "hibernated" : "active"
    }

    private func totalMinutes(_ charges: [ChargeRecord]) -> Double {
        charges.reduce(0) { $0 + $1.minutes(at: now) }
    }

    private func totalCost(_ charges: [ChargeRecord]) -> Double {
        charges.reduce(0) { $0 + $1.cost(at: now) }
    }

    private func storageSummary(_ charges: [ChargeRecord]) -> VolumeBillingSummary {
        let minutes = totalMinutes(charges)
        return VolumeBillingSummary(
            totalMinutes: Self.money(minutes), activeCount: charges.filter { $0.end == nil }.count,
            averageUsage: Self.money(charges.isEmpty ? 0 : minutes / Double(charges.count)),
            totalSizeGB: Double(charges.last?.sizeGB ?? 0), totalCost: Self.money(totalCost(charges)))
    }
}
