import BarrackAPI
import Foundation
import XCTest

/// Every operation's request, checked against the contract's table (barrack-api.md section 7),
/// written out here independently of the endpoint table so that a wrong row fails.
final class OperationRequestTests: XCTestCase {
    struct Expected {
        let operation: OperationID
        let method: String
        let target: String
        let body: JSONValue?
        let call: @Sendable (BarrackClient) async throws -> Void
    }

    static let rule = VMSecurityRuleRequest(
        direction: .ingress, ethertype: .ipv4, protocol: .tcp, remoteIPPrefix: "0.0.0.0/0", portRangeMin: 22,
        portRangeMax: 22)
    static let ruleJSON: JSONValue = [
        "direction": "ingress", "ethertype": "IPv4", "protocol": "tcp", "remote_ip_prefix": "0.0.0.0/0",
        "port_range_min": 22, "port_range_max": 22,
    ]

    // One row per operation, in the contract's order.
    static let expectations: [Expected] = [
        Expected(operation: .getBalance, method: "GET", target: "/api/balance/", body: nil) { _ = try await $0.getBalance() },
        Expected(operation: .getGPUStock, method: "GET", target: "/api/gpu-stocks/?region=FINLAND-1&gpu_model=H100-SXM5-80GB&page=1&limit=100", body: nil) {
            _ = try await $0.getGPUStock(region: .finland1, gpuModel: .h100SXM5)
        },
        Expected(operation: .getGPUSpecs, method: "GET", target: "/api/gpu-specs/?gpu_model=L40&page=1&limit=100", body: nil) {
            _ = try await $0.getGPUSpecs(gpuModel: .l40)
        },
        Expected(operation: .listRegions, method: "GET", target: "/api/regions/?page=1&limit=100", body: nil) { _ = try await $0.listRegions() },
        Expected(operation: .getPricing, method: "GET", target: "/api/pricing/?tier=advanced&currency=EUR&resource_type=gpus&gpu_model=B200-180GB&gpu_count=2", body: nil) {
            _ = try await $0.getPricing(PricingRequest(tier: .advanced, currency: .eur, resourceType: .gpus, gpuModel: .b200, gpuCount: 2))
        },
        Expected(operation: .quotePricing, method: "POST", target: "/api/pricing/",
                 body: ["tier": "legacy", "resource_type": "volumes", "volume_type": "SSD", "volume_size_gb": 500]) {
            _ = try await $0.quotePricing(PricingRequest(tier: .legacy, resourceType: .volumes, volumeType: .ssd, volumeSizeGB: 500))
        },
        Expected(operation: .deployInstance, method: "POST", target: "/api/instances/",
                 body: ["gpu_model": "H100-SXM5-80GB", "gpu_count": 4, "region": "FINLAND-1",
                        "boot_source": ["type": "os_image", "os_image_id": "BRK-100001I"],
                        "ssh_key_ids": ["BRK-200001K"], "name": "trainer-1"]) {
            _ = try await $0.deployInstance(DeploymentRequest(
                gpuModel: .h100SXM5, gpuCount: 4, region: .finland1, bootSource: .osImage("BRK-100001I"),
                sshKeyIDs: ["BRK-200001K"], name: "trainer-1"))
        },
        Expected(operation: .listInstances, method: "GET", target: "/api/instances/?region=CANADA-1&status=ACTIVE&page=2&limit=50", body: nil) {
            _ = try await $0.listInstances(region: .canada1, status: .active, page: 2, limit: 50)
        },
        Expected(operation: .getInstance, method: "GET", target: "/api/instances/BRK-482913VM/", body: nil) {
            _ = try await $0.getInstance(id: "BRK-482913VM")
        },
        Expected(operation: .getInstanceBilling, method: "GET", target: "/api/instances/BRK-482913VM/billing/?page=1&limit=20", body: nil) {
            _ = try await $0.getInstanceBilling(id: "BRK-482913VM", page: 1, limit: 20)
        },
        Expected(operation: .startInstance, method: "POST", target: "/api/instances/BRK-482913VM/start/", body: nil) {
            _ = try await $0.startInstance(id: "BRK-482913VM")
        },
        Expected(operation: .stopInstance, method: "POST", target: "/api/instances/BRK-482913VM/stop/", body: nil) {
            _ = try await $0.stopInstance(id: "BRK-482913VM")
        },
        Expected(operation: .rebootInstance, method: "POST", target: "/api/instances/BRK-482913VM/reboot/", body: nil) {
            _ = try await $0.rebootInstance(id: "BRK-482913VM")
        },
        Expected(operation: .hibernateInstance, method: "POST", target: "/api/instances/BRK-482913VM/hibernate/", body: nil) {
            _ = try await $0.hibernateInstance(id: "BRK-482913VM")
        },
        Expected(operation: .restoreInstance, method: "POST", target: "/api/instances/BRK-482913VM/restore/", body: nil) {
            _ = try await $0.restoreInstance(id: "BRK-482913VM")
        },
        Expected(operation: .togglePublicIP, method: "POST", target: "/api/instances/BRK-482913VM/public-ip/", body: ["enable": false]) {
            _ = try await $0.togglePublicIP(id: "BRK-482913VM", enable: false)
        },
        Expected(operation: .addSecurityRule, method: "POST", target: "/api/instances/BRK-482913VM/security-rules/", body: ruleJSON) {
            _ = try await $0.addSecurityRule(instanceID: "BRK-482913VM", rule: rule)
        },
        Expected(operation: .removeSecurityRule, method: "DELETE", target: "/api/instances/BRK-482913VM/security-rules/BRK-300001R/", body: nil) {
            _ = try await $0.removeSecurityRule(instanceID: "BRK-482913VM", ruleID: "BRK-300001R")
        },
        Expected(operation: .deleteInstance, method: "DELETE", target: "/api/instances/BRK-482913VM/", body: nil) {
            _ = try await $0.deleteInstance(id: "BRK-482913VM")
        },
        Expected(operation: .listOSImages, method: "GET", target: "/api/os-images/?region=ICELAND-1&page=1&limit=100", body: nil) {
            _ = try await $0.listOSImages(region: .iceland1)
        },
        Expected(operation: .listSSHKeys, method: "GET", target: "/api/ssh-keys/?page=1&limit=100", body: nil) { _ = try await $0.listSSHKeys() },
        Expected(operation: .getSSHKey, method: "GET", target: "/api/ssh-keys/BRK-200001K/", body: nil) {
            _ = try await $0.getSSHKey(id: "BRK-200001K")
        },
        Expected(operation: .createSSHKey, method: "POST", target: "/api/ssh-keys/", body: ["name": "laptop"]) {
            _ = try await $0.createSSHKey(CreateSSHKeyRequest(name: "laptop"))
        },
        Expected(operation: .deleteSSHKey, method: "DELETE", target: "/api/ssh-keys/BRK-200001K/", body: nil) {
            _ = try await $0.deleteSSHKey(id: "BRK-200001K")
        },
        Expected(operation: .listVolumes, method: "GET", target: "/api/volumes/?region=FINLAND-2&limit=10", body: nil) {
            _ = try await $0.listVolumes(region: .finland2, limit: 10)
        },
        Expected(operation: .createVolume, method: "POST", target: "/api/volumes/",
                 body: ["name": "data", "region": "FINLAND-3", "size_gb": 200, "volume_type": "NVMe", "bootable": false]) {
            _ = try await $0.createVolume(CreateVolumeRequest(name: "data", region: .finland3, sizeGB: 200, volumeType: .nvme, bootable: false))
        },
        Expected(operation: .getVolume, method: "GET", target: "/api/volumes/BRK-400001V/", body: nil) {
            _ = try await $0.getVolume(id: "BRK-400001V")
        },
        Expected(operation: .deleteVolume, method: "DELETE", target: "/api/volumes/BRK-400001V/", body: nil) {
            _ = try await $0.deleteVolume(id: "BRK-400001V")
        },
        Expected(operation: .resizeVolume, method: "POST", target: "/api/volumes/BRK-400001V/resize/", body: ["size_gb": 300]) {
            _ = try await $0.resizeVolume(id: "BRK-400001V", sizeGB: 300)
        },
        Expected(operation: .cloneVolume, method: "POST", target: "/api/volumes/BRK-400001V/clone/", body: ["name": "data-copy"]) {
            _ = try await $0.cloneVolume(id: "BRK-400001V", name: "data-copy")
        },
        Expected(operation: .attachVolumes, method: "POST", target: "/api/instances/BRK-482913VM/volumes/attach/", body: ["volume_ids": ["BRK-400001V"]]) {
            _ = try await $0.attachVolumes(instanceID: "BRK-482913VM", volumeIDs: ["BRK-400001V"])
        },
        Expected(operation: .detachVolumes, method: "POST", target: "/api/instances/BRK-482913VM/volumes/detach/", body: ["volume_ids": ["BRK-400001V"]]) {
            _ = try await $0.detachVolumes(instanceID: "BRK-482913VM", volumeIDs: ["BRK-400001V"])
        },
        Expected(operation: .listVolumeTypes, method: "GET", target: "/api/volumes/types/?region=CANADA-1&page=1&limit=100", body: nil) {
            _ = try await $0.listVolumeTypes(region: .canada1)
        },
        Expected(operation: .getVolumeBilling, method: "GET", target: "/api/volumes/BRK-400001V/billing/?page=3", body: nil) {
            _ = try await $0.getVolumeBilling(id: "BRK-400001V", page: 3)
        },
        Expected(operation: .listFirewalls, method: "GET", target: "/api/firewalls/?region=FINLAND-1&page=1&limit=100", body: nil) {
            _ = try await $0.listFirewalls(region: .finland1)
        },
        Expected(operation: .getFirewall, method: "GET", target: "/api/firewalls/BRK-500001F/", body: nil) {
            _ = try await $0.getFirewall(id: "BRK-500001F")
        },
        Expected(operation: .listFirewallProtocols, method: "GET", target: "/api/firewalls/protocols/?page=1&limit=100", body: nil) {
            _ = try await $0.listFirewallProtocols()
        },
        Expected(operation: .listInstanceFirewalls, method: "GET", target: "/api/instances/BRK-482913VM/firewalls/?page=1&limit=100", body: nil) {
            _ = try await $0.listInstanceFirewalls(instanceID: "BRK-482913VM")
        },
        Expected(operation: .listFirewallAttachableInstances, method: "GET", target: "/api/firewalls/BRK-500001F/available-instances/?page=1&limit=100", body: nil) {
            _ = try await $0.listFirewallAttachableInstances(firewallID: "BRK-500001F")
        },
        Expected(operation: .createFirewall, method: "POST", target: "/api/firewalls/",
                 body: ["name": "web", "region": "FINLAND-1", "description": "http and ssh"]) {
            _ = try await $0.createFirewall(CreateFirewallRequest(name: "web", region: .finland1, description: "http and ssh"))
        },
        Expected(operation: .deleteFirewall, method: "DELETE", target: "/api/firewalls/BRK-500001F/", body: nil) {
            _ = try await $0.deleteFirewall(id: "BRK-500001F")
        },
        Expected(operation: .addFirewallRule, method: "POST", target: "/api/firewalls/BRK-500001F/rules/", body: ruleJSON) {
            _ = try await $0.addFirewallRule(firewallID: "BRK-500001F", rule: rule)
        },
        Expected(operation: .removeFirewallRule, method: "DELETE", target: "/api/firewalls/BRK-500001F/rules/BRK-300002R/", body: nil) {
            _ = try await $0.removeFirewallRule(firewallID: "BRK-500001F", ruleID: "BRK-300002R")
        },
        Expected(operation: .attachFirewall, method: "POST", target: "/api/firewalls/BRK-500001F/attach/", body: ["instance_ids": ["BRK-482913VM"]]) {
            _ = try await $0.attachFirewall(id: "BRK-500001F", instanceIDs: ["BRK-482913VM"])
        },
        Expected(operation: .listScripts, method: "GET", target: "/api/scripts/?page=1&limit=100", body: nil) { _ = try await $0.listScripts() },
        Expected(operation: .getScript, method: "GET", target: "/api/scripts/BRK-600001SC/", body: nil) {
            _ = try await $0.getScript(id: "BRK-600001SC")
        },
        Expected(operation: .createScript, method: "POST", target: "/api/scripts/", body: ["name": "setup", "content": "#!/bin/sh\necho hi"]) {
            _ = try await $0.createScript(CreateScriptRequest(name: "setup", content: "#!/bin/sh\necho hi"))
        },
        Expected(operation: .updateScript, method: "PUT", target: "/api/scripts/BRK-600001SC/", body: ["description": "new"]) {
            _ = try await $0.updateScript(id: "BRK-600001SC", UpdateScriptRequest(description: "new"))
        },
        Expected(operation: .deleteScript, method: "DELETE", target: "/api/scripts/BRK-600001SC/", body: nil) {
            _ = try await $0.deleteScript(id: "BRK-600001SC")
        },
        Expected(operation: .deleteScripts, method: "POST", target: "/api/scripts/bulk-delete/", body: ["script_ids": ["BRK-600001SC", "BRK-600002SC"]]) {
            _ = try await $0.deleteScripts(ids: ["BRK-600001SC", "BRK-600002SC"])
        },
        Expected(operation: .listSnapshots, method: "GET", target: "/api/snapshots/?region=CANADA-1&page=1&limit=100", body: nil) {
            _ = try await $0.listSnapshots(region: .canada1)
        },
        Expected(operation: .getSnapshot, method: "GET", target: "/api/snapshots/BRK-700001S/", body: nil) {
            _ = try await $0.getSnapshot(id: "BRK-700001S")
        },
        Expected(operation: .listSnapshotEligibleInstances, method: "GET", target: "/api/snapshots/eligible-instances/?page=1&limit=100", body: nil) {
            _ = try await $0.listSnapshotEligibleInstances()
        },
        Expected(operation: .getSnapshotBilling, method: "GET", target: "/api/snapshots/BRK-700001S/billing/", body: nil) {
            _ = try await $0.getSnapshotBilling(id: "BRK-700001S")
        },
        Expected(operation: .createSnapshot, method: "POST", target: "/api/snapshots/", body: ["instance_id": "BRK-482913VM", "name": "nightly"]) {
            _ = try await $0.createSnapshot(CreateSnapshotRequest(instanceID: "BRK-482913VM", name: "nightly"))
        },
        Expected(operation: .deleteSnapshot, method: "DELETE", target: "/api/snapshots/BRK-700001S/", body: nil) {
            _ = try await $0.deleteSnapshot(id: "BRK-700001S")
        },
        Expected(operation: .restoreSnapshot, method: "POST", target: "/api/snapshots/BRK-700001S/restore/",
                 body: ["name": "again", "gpu_count": 2]) {
            _ = try await $0.restoreSnapshot(id: "BRK-700001S", RestoreSnapshotRequest(name: "again", gpuCount: 2))
        },
        Expected(operation: .listImages, method: "GET", target: "/api/images/?page=1&limit=100", body: nil) { _ = try await $0.listImages() },
        Expected(operation: .getImage, method: "GET", target: "/api/images/BRK-800001I/", body: nil) {
            _ = try await $0.getImage(id: "BRK-800001I")
        },
        Expected(operation: .createImage, method: "POST", target: "/api/images/", body: ["snapshot_id": "BRK-700001S", "name": "golden"]) {
            _ = try await $0.createImage(CreateImageFromSnapshotRequest(snapshotID: "BRK-700001S", name: "golden"))
        },
        Expected(operation: .deleteImage, method: "DELETE", target: "/api/images/BRK-800001I/", body: nil) {
            _ = try await $0.deleteImage(id: "BRK-800001I")
        },
        Expected(operation: .getSnapshotImage, method: "GET", target: "/api/snapshots/BRK-700001S/image/", body: nil) {
            _ = try await $0.getSnapshotImage(snapshotID: "BRK-700001S")
        },
        Expected(operation: .getSnapshotImages, method: "POST", target: "/api/snapshots/images/", body: ["snapshot_ids": ["BRK-700001S"]]) {
            _ = try await $0.getSnapshotImages(snapshotIDs: ["BRK-700001S"])
        },
        Expected(operation: .listAIModels, method: "GET", target: "/api/ai/models/?page=1&limit=100", body: nil) { _ = try await $0.listAIModels() },
        Expected(operation: .chat, method: "POST", target: "/api/ai/chat/completions/",
                 body: ["model": "barrack-small", "messages": [["role": "user", "content": "hello"]], "max_tokens": 64]) {
            _ = try await $0.chat(ChatCompletionsRequest(model: "barrack-small", messages: [ChatMessage(role: "user", content: "hello")], maxTokens: 64))
        },
        Expected(operation: .getAIUsageSummary, method: "GET", target: "/api/ai/usage/summary/?from=2025-01-01T00:00:00Z&to=2025-02-01T00:00:00Z", body: nil) {
            _ = try await $0.getAIUsageSummary(from: "2025-01-01T00:00:00Z", to: "2025-02-01T00:00:00Z")
        },
        Expected(operation: .getAIUsageHistory, method: "GET", target: "/api/ai/usage/history/?page=1&limit=100", body: nil) {
            _ = try await $0.getAIUsageHistory(page: 1, limit: 100)
        },
    ]

    func testTheTableCoversEveryOperationOnceInTheContractsOrder() {
        XCTAssertEqual(Self.expectations.map(\.operation), OperationID.allCases)
        XCTAssertEqual(OperationID.allCases.count, 67)
    }

    func testEveryTypedMethodSendsTheContractsRequest() async throws {
        for expected in Self.expectations {
            let transport = RecordingTransport()
            let client = BarrackClient(transport: transport, apiKey: APIKey("test-key"), retryPolicy: .none)
            do {
                try await expected.call(client)
            } catch let error as BarrackAPIError {
                // The stand-in answer has no payload, so decoding fails after the request was made
                // (the list methods that fetch every page ask for the first, the largest page).
                XCTAssertEqual(error.code, "DECODING", "\(expected.operation): \(error)")
            }
            let requests = transport.requests
            XCTAssertEqual(requests.count, 1, "\(expected.operation)")
            guard let request = requests.first else { continue }
            XCTAssertEqual(request.method.rawValue, expected.method, "\(expected.operation)")
            XCTAssertEqual(request.target, expected.target, "\(expected.operation)")
            XCTAssertEqual(try request.body.map { try JSONValue(parsing: $0) }, expected.body, "\(expected.operation)")
            XCTAssertEqual(request.header(named: "authorization"), "Bearer test-key", "\(expected.operation)")
            if expected.body != nil {
                XCTAssertEqual(request.header(named: "content-type"), "application/json", "\(expected.operation)")
            }
        }
    }

    func testTheRawCallSendsTheSameRequestAsTheTypedMethod() async throws {
        let transport = RecordingTransport()
        let client = BarrackClient(transport: transport, apiKey: APIKey("test-key"), retryPolicy: .none)
        _ = try await client.call(
            .listInstances, query: ["limit": "5", "region": "FINLAND-1"])
        _ = try await client.call(
            .createVolume, body: ["name": "data", "region": "FINLAND-3", "size_gb": 200, "volume_type": "NVMe"])
        let requests = transport.requests
        XCTAssertEqual(requests.map(\.target), ["/api/instances/?region=FINLAND-1&limit=5", "/api/volumes/"])
        XCTAssertEqual(requests[1].method, .post)
        XCTAssertEqual(
            try requests[1].body.map { try JSONValue(parsing: $0) },
            ["name": "data", "region": "FINLAND-3", "size_gb": 200, "volume_type": "NVMe"])
    }

    func testTheRawCallRefusesParametersTheOperationDoesNotHave() async {
        let transport = RecordingTransport()
        let client = BarrackClient(transport: transport, retryPolicy: .none)
        await assertThrowsAPIError(code: "INVALID_REQUEST", containing: "no query parameter 'colour'") {
            _ = try await client.call(.listRegions, query: ["colour": "blue"])
        }
        await assertThrowsAPIError(code: "INVALID_REQUEST", containing: "needs 'id'") {
            _ = try await client.call(.getInstance)
        }
        await assertThrowsAPIError(code: "INVALID_REQUEST", containing: "needs 'id'") {
            _ = try await client.getInstance(id: "")
        }
        await assertThrowsAPIError(code: "INVALID_REQUEST", containing: "takes no body") {
            _ = try await client.call(.getBalance, body: ["x": 1])
        }
        await assertThrowsAPIError(code: "INVALID_REQUEST", containing: "needs a body (DeploymentRequest)") {
            _ = try await client.call(.deployInstance)
        }
        XCTAssertTrue(transport.requests.isEmpty, "nothing may be sent after a refused request")
    }

    func testAnIdentifierCannotChangeTheRoute() async throws {
        let transport = RecordingTransport()
        let client = BarrackClient(transport: transport, retryPolicy: .none)
        _ = try? await client.getInstance(id: "../volumes/x?y")
        XCTAssertEqual(transport.requests.first?.path, "/api/instances/..%2Fvolumes%2Fx%3Fy/")
    }

    func testTheRawCallReturnsTheAnswerInThePlatformsKeyOrder() async throws {
        let transport = RecordingTransport { _ in
            .json(200, #"{"success": true, "zeta": 1, "alpha": {"b": 2, "a": 1}, "request_id": "r1"}"#)
        }
        let client = BarrackClient(transport: transport, retryPolicy: .none)
        let answer = try await client.call(.getBalance)
        XCTAssertEqual(answer.objectValue?.keys, ["success", "zeta", "alpha", "request_id"])
        XCTAssertEqual(answer["alpha"]?.objectValue?.keys, ["b", "a"])
    }
}

/// Asserts that `body` throws a `BarrackAPIError` with `code` whose description contains `text`.
func assertThrowsAPIError(
    code: String, containing text: String = "", file: StaticString = #filePath, line: UInt = #line,
    _ body: () async throws -> Void
) async {
    do {
        try await body()
        XCTFail("expected \(code), nothing was thrown", file: file, line: line)
    } catch let error as BarrackAPIError {
        XCTAssertEqual(error.code, code, "\(error)", file: file, line: line)
        XCTAssertTrue(text.isEmpty || error.description.contains(text), "expected '\(text)' in: \(error)", file: file, line: line)
    } catch {
        XCTFail("expected BarrackAPIError \(code), got \(error)", file: file, line: line)
    }
}
