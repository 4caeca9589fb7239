import BarrackAPI
import Foundation
import Testing

@testable import BarrackSandbox

/// barrack-api.md section 5: every action from every status, the transitional statuses and their
/// timings, and stock taken and returned.
@Suite struct InstanceStateMachineTests {
    /// Deploys an instance and drives it into `status` through the API (ERROR has no API path).
    static func instance(in status: InstanceStatus, _ sandbox: Harness) -> String {
        func act(_ id: String, _ action: String) { sandbox.post("/api/instances/\(id)/\(action)/") }
        func delete(_ id: String) { sandbox.delete("/api/instances/\(id)/") }
        if status == .creating { return sandbox.deploy()["instance"]?["id"]?.stringValue ?? "" }
        let id = sandbox.deployActive()
        let settle = { sandbox.advance(3600) }
        switch status {
        case .creating, .active: break
        case .stopping: act(id, "stop")
        case .shutoff: act(id, "stop"); settle()
        case .starting: act(id, "stop"); settle(); act(id, "start")
        case .rebooting: act(id, "reboot")
        case .hibernating: act(id, "hibernate")
        case .hibernated: act(id, "hibernate"); settle()
        case .restoring: act(id, "hibernate"); settle(); act(id, "restore")
        case .deleting: delete(id)
        case .deleted: delete(id); settle()
        case .error:
            sandbox.sandbox.edit { world in
                if let index = world.state.instances.firstIndex(where: { $0.id == id }) {
                    world.setStatus(.error, instanceAt: index)
                }
            }
        }
        return id
    }

    static let cases: [(InstanceStatus, InstanceAction)] = InstanceStatus.allCases.flatMap { status in
        InstanceAction.allCases.map { (status, $0) }
    }

    @Test(arguments: cases)
    func everyActionFromEveryStatus(status: InstanceStatus, action: InstanceAction) throws {
        let sandbox = try Harness()
        let id = Self.instance(in: status, sandbox)
        #expect(sandbox.status(id) == status.rawValue)
        let answer = action == .delete ? sandbox.delete("/api/instances/\(id)/")
            : sandbox.post("/api/instances/\(id)/\(action.rawValue)/")
        let table: [InstanceAction: Set<InstanceStatus>] = [
            .stop: [.active], .start: [.shutoff], .reboot: [.active], .hibernate: [.active, .shutoff],
            .restore: [.hibernated], .delete: [.active, .shutoff, .hibernated, .error],
        ]
        if table[action]?.contains(status) == true {
            #expect(answer.status == 200)
            #expect(answer["instance"]?["status"]?.stringValue == action.passesThrough.rawValue)
            sandbox.advance(3600)
            #expect(sandbox.status(id) == action.endsIn.rawValue)
        } else {
            #expect(answer.status == 409)
            #expect(answer.code == "INVALID_STATE")
            #expect(answer["error"]?["details"]?["status"]?.stringValue == status.rawValue)
            #expect(answer.message.contains(status.rawValue))
            #expect(sandbox.status(id) == status.rawValue)
        }
    }

    @Test func deployTakesTwoToFiveMinutesThenHasAddresses() throws {
        let sandbox = try Harness()
        let id = sandbox.deploy()["instance"]?["id"]?.stringValue ?? ""
        #expect(sandbox.instance(id)["public_ip"] == .null)
        sandbox.advance(119)
        #expect(sandbox.status(id) == "CREATING")
        sandbox.advance(181)
        #expect(sandbox.status(id) == "ACTIVE")
        #expect(sandbox.instance(id)["public_ip"]?.stringValue?.hasPrefix("203.0.113.") == true)
        #expect(sandbox.instance(id)["private_ip"]?.stringValue?.hasPrefix("10.20.") == true)
    }

    @Test func transitionsTakeTheirCatalogueTime() throws {
        let sandbox = try Harness()
        let id = sandbox.deployActive()
        let catalogue = SandboxCatalogue.standard
        sandbox.post("/api/instances/\(id)/stop/")
        sandbox.advance(catalogue.stopDuration - 1)
        #expect(sandbox.status(id) == "STOPPING")
        sandbox.advance(1)
        #expect(sandbox.status(id) == "SHUTOFF")
    }

    @Test func hibernationReturnsGPUsAndRestoreTakesThemAgain() throws {
        let sandbox = try Harness()
        let id = sandbox.deployActive(["gpu_count": 8])
        #expect(sandbox.stock() == 56)
        sandbox.post("/api/instances/\(id)/hibernate/")
        #expect(sandbox.stock() == 56)  // returned when HIBERNATED, not before
        sandbox.advance(3600)
        #expect(sandbox.stock() == 64)
        try sandbox.sandbox.setStock(region: "FINLAND-1", model: "H100-SXM5-80GB", gpus: 4)
        let refused = sandbox.post("/api/instances/\(id)/restore/")
        #expect(refused.code == "OUT_OF_STOCK")
        #expect(sandbox.status(id) == "HIBERNATED")
        try sandbox.sandbox.setStock(region: "FINLAND-1", model: "H100-SXM5-80GB", gpus: 8)
        #expect(sandbox.post("/api/instances/\(id)/restore/").status == 200)
        #expect(sandbox.stock() == 0)
        sandbox.advance(3600)
        #expect(sandbox.status(id) == "ACTIVE")
    }

    @Test func deleteReturnsGPUsAndDetachesButKeepsVolumes() throws {
        let sandbox = try Harness()
        let id = sandbox.deployActive(["gpu_count": 2, "new_data_volumes": [["size_gb": 100, "volume_type": "HDD"]]])
        let volumeID = sandbox.instance(id)["volume_ids"]?[0]?.stringValue ?? ""
        #expect(sandbox.get("/api/volumes/\(volumeID)/")["volume"]?["status"] == "IN_USE")
        sandbox.delete("/api/instances/\(id)/")
        #expect(sandbox.stock() == 62)
        sandbox.advance(3600)
        #expect(sandbox.stock() == 64)
        #expect(sandbox.status(id) == "DELETED")
        let volume = sandbox.get("/api/volumes/\(volumeID)/")["volume"]
        #expect(volume?["status"] == "AVAILABLE")
        #expect(volume?["instance_id"] == nil || volume?["instance_id"]?.isNull == true)
        // Deleted instances leave the list, and their name is free again.
        #expect(sandbox.get("/api/instances/")["total"] == 0)
        #expect(sandbox.get("/api/instances/", query: ["status": "DELETED"])["total"] == 1)
    }

    @Test func unknownInstanceIsNotFound() throws {
        let answer = try Harness().post("/api/instances/BRK-000000VM/stop/")
        #expect(answer.status == 404)
        #expect(answer.code == "NOT_FOUND")
    }

    @Test func publicIPToggleAndSecurityRulesAreLegacyOnly() throws {
        let sandbox = try Harness()
        let advanced = sandbox.deployActive()
        #expect(sandbox.post("/api/instances/\(advanced)/public-ip/").code == "NOT_SUPPORTED_IN_TIER")
        let rule: JSONValue = ["direction": "ingress", "ethertype": "IPv4", "protocol": "icmp"]
        #expect(sandbox.post("/api/instances/\(advanced)/security-rules/", rule).code == "NOT_SUPPORTED_IN_TIER")

        let legacy = sandbox.deployActive(legacy: true)
        #expect(sandbox.instance(legacy)["public_ip"]?.stringValue != nil)
        let off = sandbox.post("/api/instances/\(legacy)/public-ip/")  // absent enable: flip
        #expect(off["instance"]?["public_ip"] == nil || off["instance"]?["public_ip"]?.isNull == true)
        let on = sandbox.post("/api/instances/\(legacy)/public-ip/", ["enable": true])
        #expect(on["instance"]?["public_ip"]?.stringValue != nil)
        let added = sandbox.post("/api/instances/\(legacy)/security-rules/", rule)
        #expect(added.status == 201)
        let ruleID = added["rule"]?["id"]?.stringValue ?? ""
        #expect(ruleID.hasSuffix("R"))
        #expect(sandbox.delete("/api/instances/\(legacy)/security-rules/\(ruleID)/").status == 200)
        #expect(sandbox.delete("/api/instances/\(legacy)/security-rules/\(ruleID)/").code == "NOT_FOUND")
    }
}
