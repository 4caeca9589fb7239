import BarrackAPI
import Foundation
import Testing

@testable import BarrackSandbox

/// The rules of api/barrack.openapi.yaml's `x-cross-field-rules` that depend on what exists and
/// that the contract answers with a 400, found when schemathesis's stateful phase first reached
/// real instances, volumes and snapshots; api/fuzz_hooks.py keeps its valid requests to them, and
/// api/rules.py proves them against a running sandbox. Also the soft delete that api/schemathesis.toml
/// exempts from the use-after-free check.
@Suite struct StateRuleTests {
    @Test func aVolumeOnlyGrows() throws {
        let sandbox = try Harness()
        let created = sandbox.post("/api/volumes/", ["name": "data", "region": "FINLAND-1", "size_gb": 200,
                                                     "volume_type": "NVMe"])
        let id = created["volume"]?["id"]?.stringValue ?? ""
        sandbox.advance(60)
        let same = sandbox.post("/api/volumes/\(id)/resize/", ["size_gb": 200])
        #expect(same.status == 400)
        #expect(same.code == "INVALID_VALUE")
        #expect(sandbox.post("/api/volumes/\(id)/resize/", ["size_gb": 300]).status == 200)
    }

    @Test func legacyOnlyActionsRefuseAnAdvancedInstance() throws {
        let sandbox = try Harness()
        let id = sandbox.deployActive()
        let rule: JSONValue = ["direction": "ingress", "ethertype": "IPv4", "protocol": "any"]
        for answer in [sandbox.post("/api/instances/\(id)/public-ip/", ["enable": false]),
                       sandbox.post("/api/instances/\(id)/security-rules/", rule),
                       sandbox.post("/api/snapshots/", ["instance_id": .string(id), "name": "snap"])] {
            #expect(answer.status == 400)
            #expect(answer.code == "NOT_SUPPORTED_IN_TIER")
        }
    }

    @Test func aFirewallIsAttachedInItsRegionOnly() throws {
        let sandbox = try Harness()
        let legacy = sandbox.deployActive(legacy: true)
        let firewall = sandbox.post("/api/firewalls/", ["name": "web", "region": "FINLAND-1"])["firewall"]?["id"]
        let answer = sandbox.post("/api/firewalls/\(firewall?.stringValue ?? "")/attach/", ["instance_ids": [.string(legacy)]])
        #expect(answer.status == 400)
        #expect(answer.code == "INVALID_VALUE")
    }

    @Test func aVolumeListedTwiceIsAnInvalidValue() throws {
        let sandbox = try Harness()
        let id = sandbox.deployActive()
        let answer = sandbox.post("/api/instances/\(id)/volumes/detach/", ["volume_ids": ["0", "0"]])
        #expect(answer.status == 400)
        #expect(answer.code == "INVALID_VALUE")
    }

    @Test func aRestoreTakesALegacyModel() throws {
        let sandbox = try Harness()
        let source = sandbox.deployActive(legacy: true)
        let snapshot = sandbox.post("/api/snapshots/", ["instance_id": .string(source), "name": "base"])["snapshot"]?["id"]
        sandbox.advance(600)
        let path = "/api/snapshots/\(snapshot?.stringValue ?? "")/restore/"
        let advanced = sandbox.post(path, ["gpu_model": "H100-SXM5-80GB"])
        #expect(advanced.status == 400)
        #expect(advanced.code == "NOT_SUPPORTED_IN_TIER")
        #expect(sandbox.post(path, ["gpu_model": "L40"]).status == 201)
    }

    @Test func aDeletedInstanceStaysReadableWithItsBillingAndFirewalls() throws {
        let sandbox = try Harness()
        let id = sandbox.deployActive(legacy: true)
        #expect(sandbox.delete("/api/instances/\(id)/").status == 200)
        sandbox.advance(600)
        #expect(sandbox.status(id) == "DELETED")
        #expect(sandbox.get("/api/instances/\(id)/billing/").status == 200)
        #expect(sandbox.get("/api/instances/\(id)/firewalls/").status == 200)
    }
}
