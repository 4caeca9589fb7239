import BarrackAPI
import Foundation
import Testing

@testable import BarrackSandbox

/// barrack-api.md section 4: each validation error of the deploy guide, their order, and that a
/// failed deploy changes nothing.
@Suite struct DeployValidationTests {
    @Test func validDeployIsCreatingWithCostAndTakesStock() throws {
        let sandbox = try Harness()
        let answer = sandbox.deploy(["gpu_count": 4])
        #expect(answer.status == 201)
        #expect(answer["instance"]?["status"] == "CREATING")
        // 4 × 2.49 + 100 GB NVMe × 0.3 / 1000 = 9.96 + 0.03.
        #expect(answer["instance"]?["hourly_cost"]?.doubleValue == 9.99)
        #expect(answer["tier"] == "advanced")
        #expect(sandbox.stock() == 60)
        let id = answer["instance"]?["id"]?.stringValue ?? ""
        #expect(id.range(of: #"^BRK-\d{6}VM$"#, options: .regularExpression) != nil)
    }

    @Test func incompleteProfileComesFirst() throws {
        let sandbox = try Harness()
        try sandbox.sandbox.setProfileComplete(false)
        let answer = sandbox.post("/api/instances/", JSONValue.object([:]))
        #expect(answer.status == 403)
        #expect(answer.code == "PROFILE_INCOMPLETE")
        #expect(answer["error"]?["details"]?["missing_fields"]?.arrayValue?.count == 4)
    }

    @Test func missingFieldsAreAllNamed() throws {
        let sandbox = try Harness()
        let answer = sandbox.post("/api/instances/", ["gpu_count": 1])
        #expect(answer.status == 400)
        #expect(answer.code == "MISSING_FIELD")
        #expect(answer["error"]?["details"]?["fields"] == ["gpu_model", "region", "boot_source"])
    }

    @Test func imageBootNeedsSSHKeysAndTheImageID() throws {
        let sandbox = try Harness()
        let answer = sandbox.deploy(["ssh_key_ids": nil, "boot_source": ["type": "os_image"]])
        #expect(answer.code == "MISSING_FIELD")
        #expect(answer["error"]?["details"]?["fields"] == ["boot_source.os_image_id", "ssh_key_ids"])
    }

    @Test func gpuCountMustBeOneTwoFourOrEight() throws {
        let sandbox = try Harness()
        #expect(sandbox.deploy(["gpu_count": 3]).code == "INVALID_VALUE")
        #expect(sandbox.deploy(["gpu_count": "4"]).code == "INVALID_VALUE")
        #expect(sandbox.deploy(["gpu_count": 8]).status == 201)
    }

    @Test func unknownRegionModelOrImageIsInvalidValue() throws {
        let sandbox = try Harness()
        #expect(sandbox.deploy(["region": "MARS-1"]).code == "INVALID_VALUE")
        #expect(sandbox.deploy(["gpu_model": "Z900"]).code == "INVALID_VALUE")
        let image = sandbox.deploy(["boot_source": ["type": "os_image", "os_image_id": "windows"]])
        #expect(image.code == "INVALID_VALUE")
        let advancedOnly = sandbox.deploy(legacy: true, ["boot_source": ["type": "os_image", "os_image_id": "ubuntu-24.04-r570-cuda12.8"]])
        #expect(advancedOnly.code == "INVALID_VALUE")
    }

    @Test(arguments: ["ab", "-abc", "abc_", "has space", "ünïcode", String(repeating: "a", count: 31)])
    func badNamesAreInvalidName(name: String) throws {
        let sandbox = try Harness()
        let answer = sandbox.deploy(["name": .string(name)])
        #expect(answer.code == "INVALID_NAME")
        #expect(answer.status == 400)
    }

    @Test(arguments: ["abc", "a-b_c", "Trainer-01", String(repeating: "a", count: 30)])
    func goodNamesAreAccepted(name: String) throws {
        #expect(try Harness().deploy(["name": .string(name)])["instance"]?["name"]?.stringValue == name)
    }

    @Test func namesAreUniquePerRegion() throws {
        let sandbox = try Harness()
        #expect(sandbox.deploy(["name": "trainer"]).status == 201)
        let again = sandbox.deploy(["name": "trainer"])
        #expect(again.code == "DUPLICATE_NAME")
        #expect(again.status == 409)
        #expect(sandbox.deploy(["name": "trainer", "region": "FINLAND-2"]).status == 201)
    }

    @Test func anInstanceBeingDeletedNoLongerHoldsItsName() throws {
        let sandbox = try Harness()
        let id = sandbox.deployActive(["name": "trainer"])
        #expect(sandbox.delete("/api/instances/\(id)/").status == 200)
        #expect(sandbox.status(id) == "DELETING")
        #expect(sandbox.deploy(["name": "trainer"]).status == 201)
    }

    @Test func automaticNamesFollowThePattern() throws {
        let name = try Harness().deploy()["instance"]?["name"]?.stringValue ?? ""
        #expect(name.range(of: #"^barrack-h100s-[a-z]{3}$"#, options: .regularExpression) != nil)
    }

    @Test func modelOfTheOtherTierIsNotSupported() throws {
        let answer = try Harness().deploy(["gpu_model": "RTX-A6000"])
        #expect(answer.code == "NOT_SUPPORTED_IN_TIER")
        #expect(answer.status == 400)
    }

    @Test(arguments: ["public_ip", "security_rules", "cloud_init"])
    func legacyFieldsAreRefusedInAdvancedRegions(field: String) throws {
        let value: JSONValue = field == "public_ip" ? true : field == "security_rules" ? [] : "#cloud-config"
        let answer = try Harness().deploy([field: value])
        #expect(answer.code == "NOT_SUPPORTED_IN_TIER")
        #expect(answer["error"]?["details"]?["feature"]?.stringValue == field)
    }

    @Test(arguments: ["startup_script_id", "data_volume_ids", "new_data_volumes"])
    func advancedFieldsAreRefusedInLegacyRegions(field: String) throws {
        let value: JSONValue = field == "startup_script_id" ? "BRK-000001SC" : []
        let answer = try Harness().deploy(legacy: true, [field: value])
        #expect(answer.code == "NOT_SUPPORTED_IN_TIER")
    }

    @Test func osVolumeSizeIsAdvancedOnlyAndBounded() throws {
        let sandbox = try Harness()
        #expect(sandbox.deploy(legacy: true, ["os_volume_size_gb": 200]).code == "NOT_SUPPORTED_IN_TIER")
        #expect(sandbox.deploy(["os_volume_size_gb": 99]).code == "INVALID_VALUE")
        #expect(sandbox.deploy(["os_volume_size_gb": 10_001]).code == "INVALID_VALUE")
        let big = sandbox.deploy(["os_volume_size_gb": 1000])
        #expect(big["instance"]?["os_volume_size_gb"] == 1000)
        #expect(big["instance"]?["hourly_cost"]?.doubleValue == 2.79)  // 2.49 + 1 TB × 0.3
    }

    @Test func customImageBootIsLegacyOnly() throws {
        let answer = try Harness().deploy(["boot_source": ["type": "custom_image", "image_id": "BRK-000001I"]])
        #expect(answer.code == "NOT_SUPPORTED_IN_TIER")
    }

    @Test func cloudInitIsLimitedTo16KB() throws {
        let sandbox = try Harness()
        let tooLong = String(repeating: "x", count: 16 * 1024 + 1)
        #expect(sandbox.deploy(legacy: true, ["cloud_init": .string(tooLong)]).code == "INVALID_VALUE")
        #expect(sandbox.deploy(legacy: true, ["cloud_init": "#cloud-config"]).status == 201)
    }

    @Test func unknownSSHKeyIsSSHKeyNotFound() throws {
        let answer = try Harness().deploy(["ssh_key_ids": ["BRK-999999K"]])
        #expect(answer.code == "SSH_KEY_NOT_FOUND")
        #expect(answer.status == 404)
    }

    @Test func sshKeysWithAnAdvancedVolumeBootAreRefused() throws {
        let sandbox = try Harness()
        let volume = sandbox.post("/api/volumes/", ["name": "boot", "region": "FINLAND-1", "size_gb": 100,
                                                     "volume_type": "NVMe", "bootable": true,
                                                     "os_image_id": "ubuntu-22.04-r550-cuda12.4"])
        let volumeID = volume["volume"]?["id"] ?? .null
        sandbox.advance(60)
        let boot: JSONValue = ["type": "volume", "volume_id": volumeID]
        let answer = sandbox.deploy(["boot_source": boot])
        #expect(answer.code == "SSH_KEY_INVALID_FOR_VOLUME_BOOT")
        #expect(answer.status == 400)
        let fine = sandbox.deploy(["boot_source": boot, "ssh_key_ids": nil])
        #expect(fine.status == 201)
        #expect(fine["instance"]?["volume_ids"] == [volumeID])
    }

    @Test func bootVolumeMustBeAvailable() throws {
        let sandbox = try Harness()
        func volume(_ name: String, region: String, bootable: Bool) -> JSONValue {
            var body: JSONObject = ["name": .string(name), "region": .string(region), "size_gb": 100,
                                    "volume_type": region == "CANADA-1" ? "SSD" : "NVMe", "bootable": .bool(bootable)]
            if bootable { body["os_image_id"] = "ubuntu-22.04-r550-cuda12.4" }
            return sandbox.post("/api/volumes/", .object(body))["volume"]?["id"] ?? .null
        }
        let creating = volume("creating", region: "FINLAND-1", bootable: true)
        let reason = { (id: JSONValue) -> String? in
            let answer = sandbox.deploy(["ssh_key_ids": nil, "boot_source": ["type": "volume", "volume_id": id]])
            #expect(answer.code == "VOLUME_NOT_AVAILABLE")
            return answer["error"]?["details"]?["reason"]?.stringValue
        }
        #expect(reason(creating) == "creating")
        let elsewhere = volume("elsewhere", region: "FINLAND-2", bootable: true)
        let plain = volume("plain", region: "FINLAND-1", bootable: false)
        let data = volume("data", region: "FINLAND-1", bootable: false)
        sandbox.advance(60)
        #expect(reason("BRK-999999V") == "missing")
        #expect(reason(elsewhere) == "other_region")
        #expect(reason(plain) == "not_bootable")
        #expect(sandbox.deploy(["data_volume_ids": [data]]).status == 201)
        #expect(reason(data) == "attached")
    }

    @Test func outOfStockIsCheckedAtSubmission() throws {
        let sandbox = try Harness()
        try sandbox.sandbox.setStock(region: "FINLAND-1", model: "H100-SXM5-80GB", gpus: 2)
        let answer = sandbox.deploy(["gpu_count": 4])
        #expect(answer.code == "OUT_OF_STOCK")
        #expect(answer.status == 409)
        #expect(answer["error"]?["details"]?["available_gpus"] == 2)
        #expect(sandbox.deploy(["gpu_count": 2]).status == 201)
        #expect(sandbox.deploy(["gpu_count": 1]).code == "OUT_OF_STOCK")
    }

    @Test func balanceMustCoverOneHour() throws {
        let sandbox = try Harness()
        try sandbox.sandbox.addCredit(-495)  // 5.00 left
        let answer = sandbox.deploy(["gpu_count": 2])  // 4.98 + 0.03 = 5.01 per hour
        #expect(answer.code == "INSUFFICIENT_CREDITS")
        #expect(answer.status == 402)
        #expect(answer["error"]?["details"]?["required"]?.doubleValue == 5.01)
        #expect(answer["error"]?["details"]?["available"]?.doubleValue == 5)
        #expect(sandbox.deploy(["gpu_count": 1]).status == 201)
    }

    @Test func firstFailureWinsInTheDocumentedOrder() throws {
        let sandbox = try Harness()
        try sandbox.sandbox.setStock(region: "FINLAND-1", model: "H100-SXM5-80GB", gpus: 0)
        try sandbox.sandbox.addCredit(-500)
        // Everything wrong at once; each fix reveals the next check.
        var body: [String: JSONValue] = ["name": "x", "cloud_init": "#!", "ssh_key_ids": ["BRK-999999K"],
                                         "data_volume_ids": ["BRK-999999V"], "gpu_model": nil]
        try sandbox.sandbox.setProfileComplete(false)
        #expect(sandbox.deploy(body).code == "PROFILE_INCOMPLETE")
        try sandbox.sandbox.setProfileComplete(true)
        #expect(sandbox.deploy(body).code == "MISSING_FIELD")
        body["gpu_model"] = "H100-SXM5-80GB"
        #expect(sandbox.deploy(body).code == "INVALID_NAME")
        body["name"] = nil
        #expect(sandbox.deploy(body).code == "NOT_SUPPORTED_IN_TIER")
        body["cloud_init"] = nil
        #expect(sandbox.deploy(body).code == "SSH_KEY_NOT_FOUND")
        body["ssh_key_ids"] = [.string(sandbox.defaultKeyID)]
        #expect(sandbox.deploy(body).code == "VOLUME_NOT_AVAILABLE")
        body["data_volume_ids"] = nil
        #expect(sandbox.deploy(body).code == "OUT_OF_STOCK")
        try sandbox.sandbox.setStock(region: "FINLAND-1", model: "H100-SXM5-80GB", gpus: 8)
        #expect(sandbox.deploy(body).code == "INSUFFICIENT_CREDITS")
        try sandbox.sandbox.addCredit(100)
        #expect(sandbox.deploy(body).status == 201)
    }

    @Test func failedDeployChangesNothing() throws {
        let sandbox = try Harness()
        let before = sandbox.sandbox.inspect { $0.state }
        // Passes every check up to the balance, with a new data volume that must not be created.
        try sandbox.sandbox.addCredit(-499.99)
        let afterCredit = sandbox.sandbox.inspect { $0.state }
        let answer = sandbox.deploy(["gpu_count": 8, "new_data_volumes": [["size_gb": 500, "volume_type": "HDD"]]])
        #expect(answer.code == "INSUFFICIENT_CREDITS")
        let after = sandbox.sandbox.inspect { $0.state }
        #expect(after == afterCredit)
        #expect(after.stock == before.stock)
        #expect(after.volumes.isEmpty && after.instances.isEmpty && after.charges.isEmpty)
    }

    @Test func newDataVolumesAreCreatedAndAttached() throws {
        let sandbox = try Harness()
        let answer = sandbox.deploy(["new_data_volumes": [["size_gb": 500, "volume_type": "HDD", "name": "scratch"]]])
        let ids = answer["instance"]?["volume_ids"]?.arrayValue ?? []
        #expect(ids.count == 1)
        let volume = sandbox.get("/api/volumes/\(ids.first?.stringValue ?? "")/")["volume"]
        #expect(volume?["name"] == "scratch")
        #expect(volume?["instance_id"] == answer["instance"]?["id"])
        #expect(sandbox.deploy(["new_data_volumes": [["size_gb": 50, "volume_type": "HDD"]]]).code == "INVALID_VALUE")
        #expect(sandbox.deploy(["new_data_volumes": [["size_gb": 500, "volume_type": "SSD"]]]).code == "INVALID_VALUE")
    }

    @Test func startupScriptMustExist() throws {
        let sandbox = try Harness()
        #expect(sandbox.deploy(["startup_script_id": "BRK-999999SC"]).code == "NOT_FOUND")
        let script = sandbox.post("/api/scripts/", ["name": "setup", "content": "#!/bin/sh\necho hi"])
        let id = script["script"]?["id"] ?? .null
        #expect(sandbox.deploy(["startup_script_id": id])["instance"]?["startup_script_id"] == id)
    }

    @Test func legacySecurityRulesAreCheckedAndKept() throws {
        let sandbox = try Harness()
        let bad = sandbox.deploy(legacy: true, ["security_rules": [["direction": "ingress", "ethertype": "IPv4",
                                                                    "protocol": "tcp"]]])
        #expect(bad.code == "MISSING_FIELD")
        #expect(bad["error"]?["details"]?["fields"] == ["security_rules[0].port_range_min", "security_rules[0].port_range_max"])
        let good = sandbox.deploy(legacy: true, ["public_ip": false, "security_rules": [
            ["direction": "ingress", "ethertype": "IPv4", "protocol": "tcp", "remote_ip_prefix": "10.0.0.0/8",
             "port_range_min": 22, "port_range_max": 22]]])
        #expect(good["instance"]?["security_rules"]?.arrayValue?.count == 1)
        let id = good["instance"]?["id"]?.stringValue ?? ""
        sandbox.advance(300)
        #expect(sandbox.instance(id)["public_ip"] == nil || sandbox.instance(id)["public_ip"]?.isNull == true)
    }
}
