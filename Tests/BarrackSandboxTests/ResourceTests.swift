import BarrackAPI
import Foundation
import Testing

@testable import BarrackSandbox

/// barrack-api.md section 6: SSH keys, volumes, firewalls, scripts, snapshots, images, pricing, AI.
@Suite struct ResourceTests {
    @Test func sshKeysAreCheckedGeneratedLimitedAndProtected() throws {
        let sandbox = try Harness()
        let added = sandbox.post("/api/ssh-keys/", ["name": "laptop", "public_key": .string(publicKeyLine())])
        #expect(added.status == 201)
        #expect(added["ssh_key"]?["fingerprint"]?.stringValue?.hasPrefix("SHA256:") == true)
        #expect(added["ssh_key"]?["private_key"] == nil || added["ssh_key"]?["private_key"]?.isNull == true)
        let generated = sandbox.post("/api/ssh-keys/", ["name": "made.here"])
        #expect(generated["ssh_key"]?["private_key"]?.stringValue?.contains("BEGIN OPENSSH PRIVATE KEY") == true)
        let id = generated["ssh_key"]?["id"]?.stringValue ?? ""
        #expect(sandbox.get("/api/ssh-keys/\(id)/")["ssh_key"]?["private_key"] == nil)
        #expect(sandbox.post("/api/ssh-keys/", ["name": "laptop"]).code == "DUPLICATE_NAME")
        #expect(sandbox.post("/api/ssh-keys/", ["name": "bad name"]).code == "INVALID_NAME")
        #expect(sandbox.post("/api/ssh-keys/", ["name": "k", "public_key": "ssh-rsa !!!"]).code == "INVALID_VALUE")
        let mislabelled = publicKeyLine(type: "ssh-rsa", embeddedType: "ssh-ed25519")
        #expect(sandbox.post("/api/ssh-keys/", ["name": "k", "public_key": .string(mislabelled)]).code == "INVALID_VALUE")
        #expect(sandbox.post("/api/ssh-keys/", ["name": "k", "public_key": "ssh-dss AAAA"]).code == "INVALID_VALUE")
        for index in 3..<25 { sandbox.post("/api/ssh-keys/", ["name": .string("key\(index)")]) }
        #expect(sandbox.post("/api/ssh-keys/", ["name": "one-too-many"]).code == "LIMIT_REACHED")
        let instance = sandbox.deploy(["ssh_key_ids": [.string(id)]])["instance"]?["id"]?.stringValue ?? ""
        #expect(sandbox.delete("/api/ssh-keys/\(id)/").code == "IN_USE")
        sandbox.delete("/api/instances/\(instance)/")
        sandbox.advance(3600)
        sandbox.delete("/api/instances/\(instance)/")
        sandbox.advance(3600)
        #expect(sandbox.delete("/api/ssh-keys/\(id)/").status == 200)
    }

    @Test func volumesFollowTheirRules() throws {
        let sandbox = try Harness()
        func create(_ name: String, size: Int = 100, type: String = "HDD", region: String = "FINLAND-1") -> Answer {
            sandbox.post("/api/volumes/", ["name": .string(name), "region": .string(region), "size_gb": .int(size),
                                           "volume_type": .string(type)])
        }
        #expect(create("small", size: 99).code == "INVALID_VALUE")
        #expect(create("huge", size: 10_001).code == "INVALID_VALUE")
        #expect(create("ssd", type: "SSD").code == "INVALID_VALUE")
        #expect(create("bad/name").code == "INVALID_NAME")
        let first = create("volume1")
        #expect(first.status == 201)
        #expect(first["volume"]?["status"] == "CREATING")
        #expect(create("volume1").code == "DUPLICATE_NAME")
        #expect(sandbox.get("/api/volumes/")["next_name"] == "volume2")
        let id = first["volume"]?["id"]?.stringValue ?? ""
        #expect(sandbox.post("/api/volumes/\(id)/resize/", ["size_gb": 200]).code == "INVALID_STATE")
        sandbox.advance(60)
        #expect(sandbox.get("/api/volumes/\(id)/")["volume"]?["status"] == "AVAILABLE")
        #expect(sandbox.post("/api/volumes/\(id)/resize/", ["size_gb": 100]).code == "INVALID_VALUE")
        #expect(sandbox.post("/api/volumes/\(id)/resize/", ["size_gb": 10_001]).code == "INVALID_VALUE")
        #expect(sandbox.post("/api/volumes/\(id)/resize/", ["size_gb": 500])["volume"]?["size_gb"] == 500)
        let clone = sandbox.post("/api/volumes/\(id)/clone/", ["name": "copy"])["volume"]
        #expect(clone?["status"] == "AVAILABLE")
        #expect(clone?["size_gb"] == 500)
        #expect(clone?["region"] == "FINLAND-1")

        let instance = sandbox.deploy()["instance"]?["id"]?.stringValue ?? ""
        #expect(sandbox.post("/api/instances/\(instance)/volumes/attach/", ["volume_ids": [.string(id)]]).code == "INVALID_STATE")
        sandbox.advance(300)
        let elsewhere = create("far", region: "FINLAND-2")["volume"]?["id"]?.stringValue ?? ""
        sandbox.advance(60)
        #expect(sandbox.post("/api/instances/\(instance)/volumes/attach/", ["volume_ids": [.string(elsewhere)]]).code
            == "VOLUME_NOT_AVAILABLE")
        let attached = sandbox.post("/api/instances/\(instance)/volumes/attach/", ["volume_ids": [.string(id)]])
        #expect(attached["volumes"]?[0]?["status"] == "IN_USE")
        #expect(sandbox.delete("/api/volumes/\(id)/").code == "IN_USE")
        #expect(sandbox.post("/api/instances/\(instance)/volumes/attach/", ["volume_ids": [.string(id)]]).code
            == "VOLUME_NOT_AVAILABLE")
        #expect(sandbox.post("/api/instances/\(instance)/volumes/detach/", ["volume_ids": [.string(id)]]).status == 200)
        #expect(sandbox.delete("/api/volumes/\(id)/").status == 200)
        #expect(sandbox.get("/api/volumes/\(id)/").code == "NOT_FOUND")
    }

    @Test func bootVolumeCannotBeDetached() throws {
        let sandbox = try Harness()
        let volume = sandbox.post("/api/volumes/", ["name": "boot", "region": "CANADA-1", "size_gb": 100, "volume_type": "SSD",
                                                     "bootable": true, "os_image_id": "ubuntu-22.04-r550-cuda12.4"])
        let id = volume["volume"]?["id"] ?? .null
        sandbox.advance(60)
        let instance = sandbox.deployActive(legacy: true, ["boot_source": ["type": "volume", "volume_id": id]])
        let answer = sandbox.post("/api/instances/\(instance)/volumes/detach/", ["volume_ids": [id]])
        #expect(answer.code == "VOLUME_NOT_AVAILABLE")
        #expect(answer["error"]?["details"]?["reason"] == "boot_volume")
    }

    @Test func volumeCreationNeedsOneUnitOfCredit() throws {
        let sandbox = try Harness()
        try sandbox.sandbox.addCredit(-499.5)
        let answer = sandbox.post("/api/volumes/", ["name": "v", "region": "FINLAND-1", "size_gb": 100, "volume_type": "HDD"])
        #expect(answer.code == "INSUFFICIENT_CREDITS")
    }

    @Test func firewallsFollowTheirRules() throws {
        let sandbox = try Harness()
        #expect(sandbox.post("/api/firewalls/", ["name": "web"]).code == "MISSING_FIELD")
        let long = String(repeating: "d", count: 256)
        #expect(sandbox.post("/api/firewalls/", ["name": "web", "region": "FINLAND-1", "description": .string(long)]).code
            == "INVALID_VALUE")
        let firewall = sandbox.post("/api/firewalls/", ["name": "web", "region": "FINLAND-1"])
        let id = firewall["firewall"]?["id"]?.stringValue ?? ""
        #expect(id.hasSuffix("F"))
        let tcp: JSONValue = ["direction": "ingress", "ethertype": "IPv4", "protocol": "tcp",
                              "remote_ip_prefix": "0.0.0.0/0", "port_range_min": 443, "port_range_max": 443]
        #expect(sandbox.post("/api/firewalls/\(id)/rules/", tcp).status == 201)
        let badRules: [JSONValue] = [
            ["direction": "sideways", "ethertype": "IPv4", "protocol": "icmp"],
            ["direction": "ingress", "ethertype": "IPv5", "protocol": "icmp"],
            ["direction": "ingress", "ethertype": "IPv4", "protocol": "gre"],
            ["direction": "ingress", "ethertype": "IPv4", "protocol": "icmp", "port_range_min": 1, "port_range_max": 2],
            ["direction": "ingress", "ethertype": "IPv4", "protocol": "udp", "port_range_min": 0, "port_range_max": 2],
            ["direction": "ingress", "ethertype": "IPv4", "protocol": "udp", "port_range_min": 90, "port_range_max": 80],
            ["direction": "ingress", "ethertype": "IPv6", "protocol": "icmp", "remote_ip_prefix": "10.0.0.0/8"],
            ["direction": "ingress", "ethertype": "IPv4", "protocol": "icmp", "remote_ip_prefix": "10.0.0.0/33"],
        ]
        for rule in badRules { #expect(sandbox.post("/api/firewalls/\(id)/rules/", rule).code == "INVALID_VALUE") }

        let creating = sandbox.deploy()["instance"]?["id"]?.stringValue ?? ""
        #expect(sandbox.post("/api/firewalls/\(id)/attach/", ["instance_ids": [.string(creating)]]).code == "INVALID_STATE")
        sandbox.advance(300)
        let far = sandbox.deployActive(["region": "FINLAND-2"])
        #expect(sandbox.post("/api/firewalls/\(id)/attach/", ["instance_ids": [.string(far)]]).code == "INVALID_VALUE")
        #expect(sandbox.get("/api/firewalls/\(id)/available-instances/")["instances"]?.arrayValue?.count == 1)
        let attached = sandbox.post("/api/firewalls/\(id)/attach/", ["instance_ids": [.string(creating)]])
        #expect(attached["firewall"]?["attachments"]?[0]?["instance_id"]?.stringValue == creating)
        #expect(sandbox.get("/api/instances/\(creating)/firewalls/")["firewalls"]?[0]?["rules"]?.arrayValue?.count == 1)
        #expect(sandbox.delete("/api/firewalls/\(id)/").code == "IN_USE")
        sandbox.delete("/api/instances/\(creating)/")
        sandbox.advance(3600)
        #expect(sandbox.delete("/api/firewalls/\(id)/").status == 200)
        for index in 0..<25 { sandbox.post("/api/firewalls/", ["name": .string("fw\(index)"), "region": "FINLAND-1"]) }
        #expect(sandbox.post("/api/firewalls/", ["name": "fw25", "region": "FINLAND-1"]).code == "LIMIT_REACHED")
    }

    @Test func scriptsAreLimitedAndBulkDeletedWithAReportEach() throws {
        let sandbox = try Harness()
        let big = String(repeating: "x", count: 64 * 1024 + 1)
        #expect(sandbox.post("/api/scripts/", ["name": "big", "content": .string(big)]).code == "INVALID_VALUE")
        let a = sandbox.post("/api/scripts/", ["name": "a", "content": "echo a"])["script"]?["id"]?.stringValue ?? ""
        #expect(a.hasSuffix("SC"))
        let updated = sandbox.request("PUT", "/api/scripts/\(a)/", ["content": "echo b"])
        #expect(updated["script"]?["content"] == "echo b")
        #expect(updated["script"]?["name"] == "a")
        let report = sandbox.post("/api/scripts/bulk-delete/", ["script_ids": [.string(a), "BRK-000000SC"]])
        #expect(report["results"]?[0]?["deleted"] == true)
        #expect(report["results"]?[1]?["deleted"] == false)
        #expect(sandbox.get("/api/scripts/")["scripts"]?.arrayValue?.isEmpty == true)
    }

    @Test func snapshotsAndImagesAreLegacyOnlyAndRestore() throws {
        let sandbox = try Harness()
        let advanced = sandbox.deployActive()
        #expect(sandbox.post("/api/snapshots/", ["instance_id": .string(advanced), "name": "s"]).code == "NOT_SUPPORTED_IN_TIER")
        let legacy = sandbox.deployActive(legacy: true, ["name": "source"])
        #expect(sandbox.get("/api/snapshots/eligible-instances/")["instances"]?.arrayValue?.count == 1)
        let snapshot = sandbox.post("/api/snapshots/", ["instance_id": .string(legacy), "name": "nightly"])["snapshot"]
        let snapshotID = snapshot?["id"]?.stringValue ?? ""
        #expect(snapshot?["status"] == "CREATING")
        #expect(snapshot?["size_gb"] == 100)
        #expect(sandbox.status(legacy) == "ACTIVE")
        #expect(sandbox.post("/api/images/", ["snapshot_id": .string(snapshotID), "name": "img"]).code == "INVALID_STATE")
        #expect(sandbox.post("/api/snapshots/\(snapshotID)/restore/").code == "INVALID_STATE")
        sandbox.advance(3600)
        let restored = sandbox.post("/api/snapshots/\(snapshotID)/restore/")
        #expect(restored["instance"]?["name"] == "nightly-restored")
        #expect(restored["instance"]?["id"] != .string(legacy))
        let image = sandbox.post("/api/images/", ["snapshot_id": .string(snapshotID), "name": "golden"])["image"]
        let imageID = image?["id"]?.stringValue ?? ""
        #expect(sandbox.get("/api/snapshots/\(snapshotID)/image/")["image"]?["id"]?.stringValue == imageID)
        let batch = sandbox.post("/api/snapshots/images/", ["snapshot_ids": [.string(snapshotID)]])
        #expect(batch["relationships"]?[0]?["image"]?["id"]?.stringValue == imageID)
        let boot: JSONValue = ["type": "custom_image", "image_id": .string(imageID)]
        #expect(sandbox.deploy(legacy: true, ["boot_source": boot]).code == "INVALID_STATE")
        sandbox.advance(3600)
        #expect(sandbox.deploy(legacy: true, ["boot_source": boot]).status == 201)
        #expect(sandbox.delete("/api/snapshots/\(snapshotID)/").status == 200)
        #expect(sandbox.get("/api/images/\(imageID)/")["image"]?["snapshot_id"]?.stringValue == snapshotID)
        #expect(sandbox.status(legacy) == "ACTIVE")
    }

    @Test func pricingListsAndEstimates() throws {
        let sandbox = try Harness()
        let all = sandbox.get("/api/pricing/")["pricing_data"]
        #expect(all?["gpus"]?["pricing"]?["advanced"]?["B300-262GB"]?["prices"]?["USD"]?.doubleValue == 5.79)
        #expect(all?["volumes"]?["pricing"]?["legacy"]?["SSD"]?["prices"]?["INR"]?.doubleValue == 10)
        #expect(all?["snapshots"]?["pricing"]?["legacy"]?["prices"]?["EUR"]?.doubleValue == 0.1)
        #expect(all?["metadata"]?["volume_minimum_size_gb"] == 100)
        let filtered = sandbox.get("/api/pricing/", query: ["tier": "legacy", "resource_type": "gpus", "currency": "EUR"])
        #expect(filtered["pricing_data"]?["gpus"]?["pricing"]?["advanced"] == nil)
        #expect(filtered["pricing_data"]?["gpus"]?["pricing"]?["legacy"]?["L40"]?["prices"] == ["EUR": 1.09])
        #expect(filtered["pricing_data"]?["volumes"] == nil)
        let quote = sandbox.post("/api/pricing/", ["gpu_model": "H100-SXM5-80GB", "gpu_count": 4,
                                                    "volume_type": "NVMe", "volume_size_gb": 1000])
        #expect(quote["estimate"]?["hourly"]?.doubleValue == 10.26)  // 9.96 + 0.3
        #expect(quote["estimate"]?["breakdown"]?.arrayValue?.count == 2)
        #expect(sandbox.post("/api/pricing/", ["gpu_model": "H100-SXM5-80GB", "gpu_count": 3]).code == "INVALID_VALUE")
        #expect(sandbox.get("/api/pricing/", query: ["currency": "GBP"]).code == "INVALID_VALUE")
    }

    @Test func chatIsDeterministicCountedAndCharged() throws {
        let sandbox = try Harness()
        let request: JSONValue = ["model": "barrack-chat-small", "messages": [["role": "user", "content": "How do I deploy?"]]]
        let first = sandbox.post("/api/ai/chat/completions/", request)
        let second = sandbox.post("/api/ai/chat/completions/", request)
        #expect(first["choices"]?[0]?["message"]?["content"] == second["choices"]?[0]?["message"]?["content"])
        #expect(first["usage"]?["prompt_tokens"] == 8)  // 16 bytes / 4 + 4 per message
        let usage = first["usage"]
        let expected = 8.0 / 1000 * 0.0005 + Double(usage?["completion_tokens"]?.intValue ?? 0) / 1000 * 0.0015
        #expect(abs((usage?["cost"]?.doubleValue ?? 0) - expected) < 0.000_001)
        #expect(abs(sandbox.balance() - (500 - 2 * expected)) < 0.000_01)
        let short = sandbox.post("/api/ai/chat/completions/", ["model": "barrack-chat-small", "max_tokens": 3,
                                                                "messages": [["role": "user", "content": "hi"]]])
        #expect(short["choices"]?[0]?["finish_reason"] == "length")
        #expect(short["usage"]?["completion_tokens"] == 3)
        #expect(sandbox.post("/api/ai/chat/completions/", ["model": "gpt", "messages": [["role": "user", "content": "hi"]]])
            .code == "INVALID_VALUE")
        // An empty list where a list is required is as good as none (api/barrack.openapi.yaml).
        #expect(sandbox.post("/api/ai/chat/completions/", ["model": "barrack-chat-small", "messages": []]).code
            == "MISSING_FIELD")
        #expect(sandbox.get("/api/ai/usage/summary/")["summary"]?["total_requests"] == 3)
        #expect(sandbox.get("/api/ai/usage/history/", query: ["limit": "2"])["total_pages"] == 2)
        #expect(sandbox.get("/api/ai/models/")["models"]?.arrayValue?.count == 2)
    }

    @Test func catalogueOperationsDescribeEveryRegionAndModel() throws {
        let sandbox = try Harness()
        // 22 items: more than the default page of 20 (barrack-api.md section 1).
        #expect(sandbox.get("/api/gpu-stocks/")["total_pages"] == 2)
        let stock = sandbox.get("/api/gpu-stocks/", query: ["limit": "100"])["stocks"]?.arrayValue ?? []
        #expect(stock.count == 4 * 4 + 1 * 6)
        #expect(stock.allSatisfy { $0["available_gpus"] == 64 })
        #expect(sandbox.get("/api/gpu-stocks/", query: ["region": "CANADA-1"])["stocks"]?.arrayValue?.count == 6)
        #expect(sandbox.get("/api/gpu-specs/")["gpus"]?.arrayValue?.count == 10)
        #expect(sandbox.get("/api/regions/")["regions"]?.arrayValue?.count == 5)
        #expect(sandbox.get("/api/os-images/", query: ["region": "FINLAND-1"])["images"]?.arrayValue?.count == 5)
        #expect(sandbox.get("/api/os-images/", query: ["region": "CANADA-1"])["images"]?.arrayValue?.count == 4)
        #expect(sandbox.get("/api/volumes/types/", query: ["region": "CANADA-1"])["volume_types"]?[0]?["volume_type"] == "SSD")
        #expect(sandbox.get("/api/firewalls/protocols/")["protocols"]?.arrayValue?.count == 4)
        #expect(sandbox.get("/api/nowhere/").code == "NOT_FOUND")
        #expect(sandbox.request("PATCH", "/api/balance/").status == 405)
        #expect(sandbox.get("/api/balance").status == 200)  // without the trailing slash
    }
}
