import BarrackAPI
import Foundation
import Testing

@testable import BarrackSandbox

/// barrack-api.md sections 3 and 6: per-minute billing from the simulated clock, what each status
/// costs, and what happens when the balance runs out.
@Suite struct BillingTests {
    @Test func theBalanceIsAnsweredToTheCent() throws {
        let sandbox = try Harness()
        _ = sandbox.deployActive(["gpu_count": 4])
        sandbox.advance(300)  // 0.1665 a minute: the balance holds fractions of a cent
        let shown = sandbox.shownBalance()
        #expect(shown == (sandbox.balance() * 100).rounded() / 100)
        #expect(shown != sandbox.balance())
    }

    @Test func perMinuteRateFollowsTheReferenceArithmetic() throws {
        let sandbox = try Harness()
        let id = sandbox.deploy(["gpu_count": 4])["instance"]?["id"]?.stringValue ?? ""
        sandbox.advance(300)
        let records = sandbox.get("/api/instances/\(id)/billing/")["records"]?.arrayValue ?? []
        let gpu = records.first { $0["gpu_count"] == 4 && $0["description"]?.stringValue?.contains("OS volume") == false }
        #expect(gpu?["per_minute_rate"]?.doubleValue == 0.166)  // 4 × 2.49 / 60
        #expect(gpu?["status"] == "active")
        #expect(gpu?["end_time"] == nil || gpu?["end_time"]?.isNull == true)
    }

    @Test func creatingIsFreeAndActiveBillsEveryMinute() throws {
        let sandbox = try Harness()
        let id = sandbox.deploy(["gpu_count": 4])["instance"]?["id"]?.stringValue ?? ""
        sandbox.advance(300)  // CREATING for at most 300 s: nothing billed for it
        let activeSince = sandbox.sandbox.inspect { world in
            world.state.charges.first { $0.resourceID == id }?.start
        }
        let start = try #require(activeSince)
        let now = sandbox.sandbox.inspect { $0.now }
        sandbox.advance(600 - now.timeIntervalSince(start))  // exactly 10 minutes ACTIVE
        // 10 × (0.166 GPUs + 0.0005 OS volume).
        #expect(abs(sandbox.balance() - (500 - 1.665)) < 0.000_01)
        let summary = sandbox.get("/api/instances/\(id)/billing/")["summary"]
        #expect(summary?["totalCost"]?.doubleValue == 1.665)
        #expect(summary?["activeCount"] == 2)
    }

    @Test func stoppedBillsFullRateAndHibernatedTheHibernatedRate() throws {
        let sandbox = try Harness()
        let id = sandbox.deployActive()
        sandbox.post("/api/instances/\(id)/stop/")
        sandbox.advance(30)
        let shutoff = sandbox.balance()
        sandbox.advance(3600)
        #expect(abs(shutoff - sandbox.balance() - 2.52) < 0.000_01)  // 2.49 + 0.03 per hour
        sandbox.post("/api/instances/\(id)/hibernate/")
        sandbox.advance(90)
        let hibernated = sandbox.balance()
        sandbox.advance(3600)
        #expect(abs(hibernated - sandbox.balance() - 0.01) < 0.000_01)
        let summary = sandbox.get("/api/instances/\(id)/billing/")["summary"]
        #expect(summary?["hibernatedCount"] == 1)
        #expect((summary?["completedCount"]?.intValue ?? 0) >= 3)
    }

    @Test func emptyBalanceHibernatesRunningInstances() throws {
        let sandbox = try Harness()
        let id = sandbox.deployActive(["gpu_count": 8])  // 19.92 + 0.03 per hour
        let other = sandbox.deployActive(legacy: true)
        let left = sandbox.balance()
        sandbox.advance(left / (19.95 + 0.69) * 3600 + 1)
        #expect(sandbox.status(id) == "HIBERNATING")
        #expect(sandbox.status(other) == "HIBERNATING")
        sandbox.advance(3600)
        #expect(sandbox.status(id) == "HIBERNATED")
        #expect(sandbox.stock() == 64)
        #expect(sandbox.balance() < 0.05)
        #expect(sandbox.deploy().code == "INSUFFICIENT_CREDITS")
    }

    @Test func volumesAndSnapshotsBillWhileTheyExist() throws {
        let sandbox = try Harness()
        let volume = sandbox.post("/api/volumes/", ["name": "data", "region": "FINLAND-1", "size_gb": 1000, "volume_type": "NVMe"])
        let volumeID = volume["volume"]?["id"]?.stringValue ?? ""
        #expect(volume["volume"]?["hourly_cost"]?.doubleValue == 0.3)
        let start = sandbox.balance()
        sandbox.advance(3600)
        #expect(abs(start - sandbox.balance() - 0.3) < 0.000_01)
        let billing = sandbox.get("/api/volumes/\(volumeID)/billing/")
        #expect(billing["summary"]?["totalCost"]?.doubleValue == 0.3)
        #expect(billing["records"]?[0]?["per_minute_rate"]?.doubleValue == 0.005)
        sandbox.delete("/api/volumes/\(volumeID)/")
        let afterDelete = sandbox.balance()
        sandbox.advance(3600)
        #expect(sandbox.balance() == afterDelete)

        let legacy = sandbox.deployActive(legacy: true)
        let snapshot = sandbox.post("/api/snapshots/", ["instance_id": .string(legacy), "name": "snap"])
        let snapshotID = snapshot["snapshot"]?["id"]?.stringValue ?? ""
        #expect(snapshot["snapshot"]?["hourly_cost"]?.doubleValue == 0.1)  // 100 GB × 0.1 per 100 GB-hour
        sandbox.advance(3600)
        #expect(sandbox.get("/api/snapshots/\(snapshotID)/billing/")["summary"]?["totalCost"]?.doubleValue == 0.1)
    }

    @Test func billingListsArePaginated() throws {
        let sandbox = try Harness()
        let id = sandbox.deployActive()
        for _ in 0..<3 {
            sandbox.post("/api/instances/\(id)/reboot/")
            sandbox.advance(60)
        }
        let page = sandbox.get("/api/instances/\(id)/billing/", query: ["limit": "2", "page": "2"])
        #expect(page["limit"] == 2)
        #expect(page["page"] == 2)
        #expect(page["total"] == 8)
        #expect(page["total_pages"] == 4)
        #expect(page["records"]?.arrayValue?.count == 2)
        #expect(sandbox.get("/api/instances/", query: ["limit": "101"]).code == "INVALID_VALUE")
        #expect(sandbox.get("/api/instances/", query: ["page": "0"]).code == "INVALID_VALUE")
    }
}
