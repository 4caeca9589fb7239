import BarrackAPI
import BarrackSandboxServer
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

@testable import BarrackSandbox

/// The sandbox over real HTTP on loopback, driven by the `BarrackAPI` client: every operation, the
/// key requirement, and faults.
@Suite(.serialized) struct HTTPServerTests {
    /// Records which operations a scenario reached, to prove that it reached all 67.
    final class Seen: @unchecked Sendable {
        private let lock = NSLock()
        private var operations: Set<OperationID> = []
        func add(_ operation: OperationID) { lock.withLock { _ = operations.insert(operation) } }
        var all: Set<OperationID> { lock.withLock { operations } }
    }

    /// Notes each request's operation by matching it in the endpoint table, as the server does.
    struct Watching: Transport {
        let inner: any Transport
        let seen: Seen
        func send(_ request: TransportRequest) async throws -> TransportResponse {
            if case .matched(let endpoint, _) = EndpointTable.match(method: request.method, path: request.path) {
                seen.add(endpoint.operation)
            }
            return try await inner.send(request)
        }
    }

    @Test func everyOperationOverHTTPWithTheClient() async throws {
        let sandbox = try Sandbox(configuration: .init(speed: 0, keyPolicy: .anyKey))
        let server = try await SandboxServer.start(sandbox: sandbox, port: 0)
        let seen = Seen()
        let http = try HTTPTransport(baseURL: "http://\(server.address)/")
        let client = BarrackClient(transport: Watching(inner: http, seen: seen), apiKey: APIKey("test-key"),
                                   retryPolicy: .none)
        let settle = { sandbox.advance(by: 3600) }

        // Account and catalogue.
        #expect(try await client.getBalance().balance.amount == 500)
        #expect(try await client.getGPUStock(region: .canada1).stocks.count == 6)
        #expect(try await client.getGPUSpecs(gpuModel: .l40).gpus.first?.vramGB == 48)
        #expect(try await client.listRegions().regions.count == 5)
        #expect(try await client.getPricing(PricingRequest(tier: .advanced)).pricingData.gpus != nil)
        let quote = try await client.quotePricing(PricingRequest(gpuModel: .h100SXM5, gpuCount: 4))
        #expect(quote.estimate?.hourly == 9.96)
        let images = try await client.listOSImages(region: .finland1).images
        #expect(images.count == 5)
        let protocols = try await client.listFirewallProtocols().protocols
        #expect(protocols.count == 4)
        #expect(try await client.listVolumeTypes(region: .finland1).volumeTypes.count == 2)

        // SSH keys and scripts.
        let keys = try await client.listSSHKeys().sshKeys
        let keyID = try #require(keys.first?.id)
        let generated = try await client.createSSHKey(CreateSSHKeyRequest(name: "generated")).sshKey
        #expect(generated.privateKey != nil)
        #expect(try await client.getSSHKey(id: generated.id).sshKey.privateKey == nil)
        _ = try await client.deleteSSHKey(id: generated.id)
        let script = try await client.createScript(CreateScriptRequest(name: "setup", content: "echo hi")).script
        _ = try await client.updateScript(id: script.id, UpdateScriptRequest(description: "says hi"))
        #expect(try await client.getScript(id: script.id).script.description == "says hi")
        #expect(try await client.listScripts().scripts.count == 1)

        // An Advanced instance with a data volume, a firewall and a startup script.
        let volume = try await client.createVolume(CreateVolumeRequest(
            name: "data", region: .finland1, sizeGB: 200, volumeType: .hdd)).volume
        settle()
        let deployed = try await client.deployInstance(DeploymentRequest(
            gpuModel: .h100SXM5, gpuCount: 4, region: .finland1, bootSource: .osImage(images[0].id),
            sshKeyIDs: [keyID], name: "trainer", startupScriptID: script.id)).instance
        #expect(deployed.status == .creating)
        settle()
        let id = deployed.id
        #expect(try await client.getInstance(id: id).instance.status == .active)
        #expect(try await client.listInstances(region: .finland1).instances.count == 1)
        _ = try await client.attachVolumes(instanceID: id, volumeIDs: [volume.id])
        _ = try await client.detachVolumes(instanceID: id, volumeIDs: [volume.id])
        _ = try await client.resizeVolume(id: volume.id, sizeGB: 300)
        let clone = try await client.cloneVolume(id: volume.id, name: "data-copy").volume
        #expect(try await client.getVolume(id: clone.id).volume.sizeGB == 300)
        #expect(try await client.listVolumes().volumes.count == 2)
        _ = try await client.getVolumeBilling(id: volume.id)
        _ = try await client.deleteVolume(id: clone.id)

        let firewall = try await client.createFirewall(CreateFirewallRequest(name: "web", region: .finland1)).firewall
        let rule = try await client.addFirewallRule(firewallID: firewall.id, rule: VMSecurityRuleRequest(
            direction: .ingress, ethertype: .ipv4, protocol: .tcp, remoteIPPrefix: "0.0.0.0/0",
            portRangeMin: 443, portRangeMax: 443)).rule
        #expect(try await client.listFirewallAttachableInstances(firewallID: firewall.id).instances.count == 1)
        _ = try await client.attachFirewall(id: firewall.id, instanceIDs: [id])
        #expect(try await client.listInstanceFirewalls(instanceID: id).firewalls.count == 1)
        #expect(try await client.getFirewall(id: firewall.id).firewall.attachments.count == 1)
        _ = try await client.removeFirewallRule(firewallID: firewall.id, ruleID: rule.id)
        #expect(try await client.listFirewalls().firewalls.count == 1)

        // The lifecycle.
        _ = try await client.rebootInstance(id: id); settle()
        _ = try await client.stopInstance(id: id); settle()
        _ = try await client.startInstance(id: id); settle()
        _ = try await client.hibernateInstance(id: id); settle()
        _ = try await client.restoreInstance(id: id); settle()
        let billing = try await client.getInstanceBilling(id: id)
        #expect(billing.records.contains { $0.perMinuteRate == 0.166 })
        _ = try await client.deleteInstance(id: id); settle()
        _ = try await client.deleteFirewall(id: firewall.id)

        // A Legacy instance: public IP, security rules, snapshots and images.
        let legacy = try await client.deployInstance(DeploymentRequest(
            gpuModel: .rtxA6000, gpuCount: 1, region: .canada1, bootSource: .osImage(images[0].id), sshKeyIDs: [keyID],
            name: "legacy")).instance.id
        settle()
        _ = try await client.togglePublicIP(id: legacy, enable: false)
        let securityRule = try await client.addSecurityRule(instanceID: legacy, rule: VMSecurityRuleRequest(
            direction: .egress, ethertype: .ipv6, protocol: .any)).rule
        _ = try await client.removeSecurityRule(instanceID: legacy, ruleID: securityRule.id)
        #expect(try await client.listSnapshotEligibleInstances().instances.count == 1)
        let snapshot = try await client.createSnapshot(CreateSnapshotRequest(instanceID: legacy, name: "snap")).snapshot
        settle()
        #expect(try await client.getSnapshot(id: snapshot.id).snapshot.status == .available)
        #expect(try await client.listSnapshots().snapshots.count == 1)
        _ = try await client.getSnapshotBilling(id: snapshot.id)
        let image = try await client.createImage(CreateImageFromSnapshotRequest(snapshotID: snapshot.id, name: "img")).image
        #expect(try await client.getImage(id: image.id).image.snapshotID == snapshot.id)
        #expect(try await client.listImages().images.count == 1)
        #expect(try await client.getSnapshotImage(snapshotID: snapshot.id).image?.id == image.id)
        #expect(try await client.getSnapshotImages(snapshotIDs: [snapshot.id]).relationships.count == 1)
        let restored = try await client.restoreSnapshot(id: snapshot.id, RestoreSnapshotRequest(name: "restored")).instance
        #expect(restored.name == "restored")
        _ = try await client.deleteImage(id: image.id)
        _ = try await client.deleteSnapshot(id: snapshot.id)
        _ = try await client.deleteScript(id: script.id)
        _ = try await client.deleteScripts(ids: ["BRK-000000SC"])

        // AI.
        #expect(try await client.listAIModels().models.count == 2)
        let chat = try await client.chat(ChatCompletionsRequest(
            model: "barrack-chat-small", messages: [ChatMessage(role: "user", content: "hello")]))
        #expect(chat.usage.promptTokens == 6)
        #expect(try await client.getAIUsageSummary().summary.totalRequests == 1)
        #expect(try await client.getAIUsageHistory().transactions.count == 1)

        // Errors keep their code and status through the client.
        do {
            _ = try await client.startInstance(id: legacy)
            Issue.record("starting an ACTIVE instance succeeded")
        } catch let error as BarrackAPIError {
            #expect(error.code == "INVALID_STATE")
            #expect(error.status == 409)
        }

        #expect(Set(OperationID.allCases).subtracting(seen.all).isEmpty,
                "not exercised: \(Set(OperationID.allCases).subtracting(seen.all).map(\.rawValue).sorted())")
        try await server.stop()
    }

    @Test func aKeyIsRequiredOverHTTP() async throws {
        let sandbox = try Sandbox(configuration: .init(speed: 0, keyPolicy: .anyKey))
        let server = try await SandboxServer.start(sandbox: sandbox, port: 0)
        let transport = try HTTPTransport(baseURL: "http://\(server.address)/")
        let bare = try await transport.send(TransportRequest(method: .get, path: "/api/balance/"))
        #expect(bare.status == 401)
        #expect((try JSONValue(parsing: bare.body))["error"]?["code"] == "UNAUTHORIZED")
        let keyed = try await transport.send(TransportRequest(method: .get, path: "/api/balance/",
                                                              headers: ["Authorization": "Bearer anything"]))
        #expect(keyed.status == 200)
        try await server.stop()
    }

    /// Found by schemathesis: an id holding an escaped `?` (`/api/images/%3F…/`) was decoded
    /// before routing, so the path was cut at the `?` and the image list answered a detail read.
    @Test func anEscapedQuestionMarkInAnIdStaysInTheId() async throws {
        let sandbox = try Sandbox(configuration: .init(speed: 0, keyPolicy: .anyKey))
        let server = try await SandboxServer.start(sandbox: sandbox, port: 0)
        let url = try #require(URL(string: "http://\(server.address)/api/images/%3Fimg/"))
        var request = URLRequest(url: url)
        request.setValue("Bearer anything", forHTTPHeaderField: "Authorization")
        let (data, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 404)
        let answer = try JSONValue(parsing: data)
        #expect(answer["error"]?["code"] == "NOT_FOUND")
        #expect(answer["images"] == nil)
        try await server.stop()
    }

    @Test func faultsReachTheClientOverHTTP() async throws {
        let sandbox = try Sandbox(configuration: .init(speed: 0))
        let faults = FaultInjector(spec: try FaultSpec(parsing: "ratelimit=1,retry-after=2,latency=30ms"))
        let server = try await SandboxServer.start(sandbox: sandbox, port: 0, faults: faults)
        let transport = try HTTPTransport(baseURL: "http://\(server.address)/")
        let started = Date()
        let answer = try await transport.send(TransportRequest(method: .get, path: "/api/balance/"))
        #expect(Date().timeIntervalSince(started) >= 0.03)
        #expect(answer.status == 429)
        #expect(answer.header(named: "Retry-After") == "2")
        try await server.stop()

        let dropping = try await SandboxServer.start(sandbox: sandbox, port: 0,
                                                     faults: FaultInjector(spec: try FaultSpec(parsing: "drop=1")))
        let dropTransport = try HTTPTransport(baseURL: "http://\(dropping.address)/")
        await #expect(throws: (any Error).self) {
            _ = try await dropTransport.send(TransportRequest(method: .get, path: "/api/balance/"))
        }
        try await dropping.stop()
    }

    /// Issue 12: a POST whose connection the server closed was noticed only at the request
    /// timeout (URLSession sent the body again over the dead kept-alive connection).
    @Test func aDroppedPostFailsAtOnce() async throws {
        let sandbox = try Sandbox(configuration: .init(speed: 0))
        let server = try await SandboxServer.start(sandbox: sandbox, port: 0,
                                                   faults: FaultInjector(spec: try FaultSpec(parsing: "drop=0.5,seed=3")))
        let transport = try HTTPTransport(baseURL: "http://\(server.address)/")
        var dropped = 0
        for round in 0..<12 {
            _ = try? await transport.send(TransportRequest(method: .get, path: "/api/balance/", timeout: .seconds(5)))
            let started = Date()
            do {
                _ = try await transport.send(TransportRequest(
                    method: .post, path: "/api/ssh-keys/", headers: ["Content-Type": "application/json"],
                    body: Data(#"{"name": "key\#(round)"}"#.utf8), timeout: .seconds(5)))
            } catch {
                dropped += 1
                let waited = Date().timeIntervalSince(started)
                #expect(waited < 2, "a dropped POST took \(waited) s to fail: \(error)")
            }
        }
        #expect(dropped > 2)
        try await server.stop()
    }

    @Test func dropAfterActsThenLosesTheAnswer() async throws {
        let sandbox = try Sandbox(configuration: .init(speed: 0))
        let server = try await SandboxServer.start(sandbox: sandbox, port: 0,
                                                   faults: FaultInjector(spec: try FaultSpec(parsing: "drop-after=1")))
        let transport = try HTTPTransport(baseURL: "http://\(server.address)/")
        await #expect(throws: TransportError.self) {
            _ = try await transport.send(TransportRequest(
                method: .post, path: "/api/ssh-keys/", headers: ["Content-Type": "application/json"],
                body: Data(#"{"name": "acted"}"#.utf8), timeout: .seconds(5)))
        }
        try await server.stop()
        let keys = sandbox.handle(method: "GET", path: "/api/ssh-keys/")
        #expect(String(decoding: keys.body, as: UTF8.self).contains(#""name":"acted""#))
        await #expect(throws: TransportError.self) {
            _ = try await SandboxTransport(sandbox: sandbox, faults: FaultInjector(spec: try FaultSpec(parsing: "drop-after=1")))
                .send(TransportRequest(method: .delete, path: "/api/ssh-keys/\(Self.id(named: "acted", in: keys))/"))
        }
        #expect(!String(decoding: sandbox.handle(method: "GET", path: "/api/ssh-keys/").body, as: UTF8.self).contains("acted"))
    }

    private static func id(named name: String, in response: TransportResponse) -> String {
        let keys = (try? JSONValue(parsing: response.body))?["ssh_keys"]?.arrayValue ?? []
        return keys.first { $0["name"]?.stringValue == name }?["id"]?.stringValue ?? ""
    }
}
