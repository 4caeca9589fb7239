import BarrackAPI
import Foundation
import Testing

@testable import BarrackSandbox

/// The sandbox's answers where trying it against the contract found a defect; each is settled in
/// api/barrack.openapi.yaml and tested here.
@Suite struct ContractDecisionTests {
    @Test func anEmptySSHKeyListIsAMissingFieldForImageBoots() throws {
        let sandbox = try Harness()
        let osImage = sandbox.deploy(["ssh_key_ids": []])
        #expect(osImage.status == 400)
        #expect(osImage.code == "MISSING_FIELD")
        #expect(osImage["error"]?["details"]?["fields"] == ["ssh_key_ids"])
        let custom: JSONValue = ["type": "custom_image", "image_id": "BRK-000001I"]
        #expect(sandbox.deploy(legacy: true, ["boot_source": custom, "ssh_key_ids": []]).code == "MISSING_FIELD")
    }

    @Test func anEmptySSHKeyListOnAnAdvancedVolumeBootIsAsIfLeftOut() throws {
        let sandbox = try Harness()
        let volume = sandbox.post("/api/volumes/", ["name": "boot", "region": "FINLAND-1", "size_gb": 200,
                                                    "volume_type": "NVMe", "bootable": true,
                                                    "os_image_id": "ubuntu-22.04-r550-cuda12.4"])
        let volumeID = volume["volume"]?["id"]?.stringValue ?? ""
        sandbox.advance(60)
        let boot: JSONValue = ["type": "volume", "volume_id": .string(volumeID)]
        #expect(sandbox.deploy(["boot_source": boot, "ssh_key_ids": []]).status == 201)
    }

    @Test func hourlyCostCountsTheDataVolumes() throws {
        let sandbox = try Harness()
        let answer = sandbox.deploy(["new_data_volumes": [["size_gb": 1000, "volume_type": "NVMe"],
                                                          ["size_gb": 2000, "volume_type": "HDD"]]])
        // 2.49 GPU + 0.03 OS volume (100 GB NVMe) + 0.3 (1 TB NVMe) + 0.16 (2 TB HDD).
        #expect(answer["instance"]?["hourly_cost"]?.doubleValue == 2.98)
        let id = answer["instance"]?["id"]?.stringValue ?? ""
        sandbox.advance(600)
        #expect(sandbox.instance(id)["hourly_cost"]?.doubleValue == 2.98)
    }

    @Test func aLegacyCustomImageBootHasNoBilledOSVolume() throws {
        let sandbox = try Harness()
        let source = sandbox.deployActive(legacy: true, ["name": "source"])
        let snapshotID = sandbox.post("/api/snapshots/", ["instance_id": .string(source), "name": "base"])["snapshot"]?["id"]
        sandbox.advance(600)
        let imageID = sandbox.post("/api/images/", ["snapshot_id": snapshotID ?? .null, "name": "golden"])["image"]?["id"]
        sandbox.advance(600)
        let boot: JSONValue = ["type": "custom_image", "image_id": imageID ?? .null]
        let sized = sandbox.deploy(legacy: true, ["boot_source": boot, "os_volume_size_gb": 500])
        #expect(sized.code == "NOT_SUPPORTED_IN_TIER")
        let answer = sandbox.deploy(legacy: true, ["boot_source": boot])
        #expect(answer.status == 201)
        #expect(answer["instance"]?["hourly_cost"]?.doubleValue == 0.69)  // RTX-A6000 × 1, no NVMe volume
        #expect(answer["instance"]?["os_volume_size_gb"] == 100)
    }

    @Test func aRestoredSnapshotsDefaultNameIsAValidInstanceName() throws {
        let sandbox = try Harness()
        let source = sandbox.deployActive(legacy: true, ["name": "source"])
        let long = "Nightly backup v1.2 of the training box"
        let snapshotID = sandbox.post("/api/snapshots/", ["instance_id": .string(source), "name": .string(long)])["snapshot"]?["id"]?
            .stringValue ?? ""
        sandbox.advance(600)
        let first = sandbox.post("/api/snapshots/\(snapshotID)/restore/")
        #expect(first.status == 201)
        #expect(first["instance"]?["name"] == "Nightly-backup-v1-2-o-restored")
        let second = sandbox.post("/api/snapshots/\(snapshotID)/restore/", ["name": "  "])
        #expect(second["instance"]?["name"] == "Nightly-backup-v1-2-restored-2")
        let dots = sandbox.post("/api/snapshots/", ["instance_id": .string(source), "name": "..."])["snapshot"]?["id"]?
            .stringValue ?? ""
        sandbox.advance(600)
        #expect(sandbox.post("/api/snapshots/\(dots)/restore/")["instance"]?["name"] == "snapshot-restored")
    }

    @Test func aBlankNameOnDeployIsGenerated() throws {
        let sandbox = try Harness()
        for blank: JSONValue in ["", "   "] {
            let answer = sandbox.deploy(["name": blank])
            #expect(answer.status == 201)
            let name = answer["instance"]?["name"]?.stringValue ?? ""
            #expect(name.range(of: #"^barrack-h100s-[a-z]{3}$"#, options: .regularExpression) != nil, "got \(name)")
        }
        #expect(sandbox.deploy(["name": "-bad"]).code == "INVALID_NAME")
    }

    @Test func pricingTimestampIsISO8601() throws {
        let sandbox = try Harness()
        #expect(sandbox.get("/api/pricing/")["pricing_data"]?["metadata"]?["timestamp"] == "2026-01-01T00:00:00Z")
    }

    @Test func aWrongMethodIs405WithAListedCodeAndAllow() throws {
        let sandbox = try Harness()
        let answer = sandbox.request("PATCH", "/api/balance/")
        #expect(answer.status == 405)
        #expect(answer.code == "NOT_FOUND")
        #expect(answer.headers["Allow"] == "GET")
        #expect(answer["error"]?["details"]?["allowed"] == ["GET"])
        let clock = sandbox.request("GET", AdminRoutes.advanceClock)
        #expect(clock.status == 405)
        #expect(clock.code == "NOT_FOUND")
        #expect(clock.headers["Allow"] == "POST")
    }

    @Test func snapshotAndImageDescriptionsStopAt255() throws {
        let sandbox = try Harness()
        let source = sandbox.deployActive(legacy: true, ["name": "source"])
        let long = JSONValue.string(String(repeating: "d", count: 256))
        let refused = sandbox.post("/api/snapshots/", ["instance_id": .string(source), "name": "s", "description": long])
        #expect(refused.code == "INVALID_VALUE")
        #expect(refused["error"]?["details"]?["field"] == "description")
        let snapshotID = sandbox.post("/api/snapshots/", ["instance_id": .string(source), "name": "s",
                                                          "description": .string(String(repeating: "d", count: 255))])["snapshot"]?["id"]
        sandbox.advance(600)
        #expect(sandbox.post("/api/images/", ["snapshot_id": snapshotID ?? .null, "name": "i", "description": long]).code
                == "INVALID_VALUE")
    }

    @Test func aNameOfOnlySpacesIsRefused() throws {
        let sandbox = try Harness()
        let answer = sandbox.post("/api/volumes/", ["name": "   ", "region": "FINLAND-1", "size_gb": 100, "volume_type": "HDD"])
        #expect(answer.code == "INVALID_NAME")
        #expect(sandbox.post("/api/firewalls/", ["name": " ", "region": "FINLAND-1"]).code == "INVALID_NAME")
        #expect(sandbox.post("/api/volumes/", ["name": "data 1", "region": "FINLAND-1", "size_gb": 100,
                                               "volume_type": "HDD"]).status == 201)
    }

    @Test func unknownFieldsAreRefusedNamingTheField() throws {
        let sandbox = try Harness()
        let answer = sandbox.deploy(["os_volume_size": 500])
        #expect(answer.status == 400)
        #expect(answer.code == "INVALID_VALUE")
        #expect(answer["error"]?["details"]?["field"] == "os_volume_size")
        #expect(answer.message.contains("os_volume_size_gb"))
        let nested = sandbox.deploy(["new_data_volumes": [["size_gb": 100, "volume_typ": "NVMe"]]])
        #expect(nested["error"]?["details"]?["field"] == "new_data_volumes[0].volume_typ")
        #expect(sandbox.get("/api/instances/").arrayCount("instances") == 0)
    }
}

extension Answer {
    func arrayCount(_ key: String) -> Int { json[key]?.arrayValue?.count ?? -1 }
}
