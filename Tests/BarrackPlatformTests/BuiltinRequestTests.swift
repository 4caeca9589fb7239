import BarrackAPI
import BarrackPlatform
import XCTest

/// Every platform built-in sends its operation with the right path parameters, query and body.
final class BuiltinRequestTests: XCTestCase {
    /// One typical call and the one request it must send.
    struct Case {
        let code: String
        let operation: OperationID
        var path: [String: String] = [:]
        var query: [(String, String)] = []
        /// The body as JSON text; nil when no body is sent.
        var body: String?
        let line: UInt

        init(_ code: String, _ operation: OperationID, path: [String: String] = [:], query: [(String, String)] = [],
             body: String? = nil, line: UInt = #line) {
            self.code = code
            self.operation = operation
            self.path = path
            self.query = query
            self.body = body
            self.line = line
        }
    }

    static let vm = ["id": "BRK-100001VM"]

    static let cases: [Case] = [
        Case("balance()", .getBalance),
        Case("gpu_stock(region: FINLAND-1, gpu_model: \"L40\")", .getGPUStock,
             query: [("region", "FINLAND-1"), ("gpu_model", "L40")]),
        Case("gpu_specs gpu_model: \"L40\"", .getGPUSpecs, query: [("gpu_model", "L40")]),
        Case("regions", .listRegions),
        Case("os_images in CANADA-1", .listOSImages, query: [("region", "CANADA-1")]),
        Case("volume_types in ICELAND-1", .listVolumeTypes, query: [("region", "ICELAND-1")]),
        Case("pricing tier: \"legacy\" currency: \"EUR\" resource_type: \"gpus\" gpu_model: \"L40\" gpu_count: 2 volume_type: \"SSD\" volume_size: 500GB",
             .getPricing, query: [("tier", "legacy"), ("currency", "EUR"), ("resource_type", "gpus"), ("gpu_model", "L40"),
                                  ("gpu_count", "2"), ("volume_type", "SSD"), ("volume_size_gb", "500")]),
        Case("quote gpu: \"H100-SXM5-80GB\" x 8 tier: \"advanced\" currency: \"USD\" volume_type: \"NVMe\" volume_size: 1TB",
             .quotePricing,
             body: #"{"tier": "advanced", "currency": "USD", "gpu_model": "H100-SXM5-80GB", "gpu_count": 8, "volume_type": "NVMe", "volume_size_gb": 1000}"#),
        Case("""
            deploy gpu: "H100-SXM5-80GB" x 8 in FINLAND-1 name: "train-1" boot_source: {type: "os_image", os_image_id: "img-1"} \
            os_volume_size: 1TB ssh_keys: ["BRK-100001K", {id: "BRK-100002K"}] startup_script: "BRK-100001SC" \
            data_volumes: ["BRK-100001V"] new_data_volumes: [{name: "scratch", size_gb: 200, volume_type: "HDD"}]
            """, .deployInstance,
             body: """
                {"gpu_model": "H100-SXM5-80GB", "gpu_count": 8, "region": "FINLAND-1", "name": "train-1",
                 "boot_source": {"type": "os_image", "os_image_id": "img-1"}, "os_volume_size_gb": 1000,
                 "ssh_key_ids": ["BRK-100001K", "BRK-100002K"], "startup_script_id": "BRK-100001SC",
                 "data_volume_ids": ["BRK-100001V"], "new_data_volumes": [{"name": "scratch", "size_gb": 200, "volume_type": "HDD"}]}
                """),
        Case("""
            deploy gpu: L40 x 2 in CANADA-1 boot_source: {type: "os_image", os_image_id: "img-2"} ssh_keys: ["BRK-100001K"] \
            public_ip: false cloud_init: "#cloud-config" security_rules: [{direction: "ingress", protocol: "tcp"}]
            """, .deployInstance,
             body: """
                {"gpu_model": "L40", "gpu_count": 2, "region": "CANADA-1", "boot_source": {"type": "os_image", "os_image_id": "img-2"},
                 "ssh_key_ids": ["BRK-100001K"], "public_ip": false, "security_rules": [{"direction": "ingress", "protocol": "tcp"}],
                 "cloud_init": "#cloud-config", "name": "barrack-l40-…"}
                """),
        Case("instances region: FINLAND-1 status: ACTIVE page: 2 limit: 10", .listInstances,
             query: [("region", "FINLAND-1"), ("status", "ACTIVE"), ("page", "2"), ("limit", "10")]),
        Case("instance \"BRK-100001VM\"", .getInstance, path: vm),
        Case("instance_billing {id: \"BRK-100001VM\", name: \"a\"} page: 1 limit: 5", .getInstanceBilling, path: vm,
             query: [("page", "1"), ("limit", "5")]),
        Case("start \"BRK-100001VM\"", .startInstance, path: vm),
        Case("stop {id: \"BRK-100001VM\"}", .stopInstance, path: vm),
        Case("reboot \"BRK-100001VM\"", .rebootInstance, path: vm),
        Case("hibernate \"BRK-100001VM\"", .hibernateInstance, path: vm),
        Case("restore \"BRK-100001VM\"", .restoreInstance, path: vm),
        Case("toggle_public_ip \"BRK-100001VM\" enable: false", .togglePublicIP, path: vm, body: #"{"enable": false}"#),
        Case("toggle_public_ip \"BRK-100001VM\"", .togglePublicIP, path: vm),
        Case("""
            add_security_rule "BRK-100001VM" direction: "ingress" protocol: "tcp" ethertype: "IPv4" \
            remote_ip_prefix: "10.0.0.0/8" port_range_min: 22 port_range_max: 22
            """, .addSecurityRule, path: vm,
             body: #"{"direction": "ingress", "protocol": "tcp", "ethertype": "IPv4", "remote_ip_prefix": "10.0.0.0/8", "port_range_min": 22, "port_range_max": 22}"#),
        Case("remove_security_rule \"BRK-100001VM\" {id: \"BRK-100001R\"}", .removeSecurityRule,
             path: ["id": "BRK-100001VM", "rule_id": "BRK-100001R"]),
        Case("delete_instance \"BRK-100001VM\"", .deleteInstance, path: vm),
        Case("ssh_keys", .listSSHKeys),
        Case("ssh_key \"BRK-100001K\"", .getSSHKey, path: ["id": "BRK-100001K"]),
        Case("create_ssh_key name: \"laptop\" public_key: \"ssh-ed25519 AAAA me\"", .createSSHKey,
             body: #"{"name": "laptop", "public_key": "ssh-ed25519 AAAA me"}"#),
        Case("create_ssh_key name: \"generated\"", .createSSHKey, body: #"{"name": "generated"}"#),
        Case("delete_ssh_key \"BRK-100001K\"", .deleteSSHKey, path: ["id": "BRK-100001K"]),
        Case("volumes in FINLAND-1 page: 1 limit: 2", .listVolumes,
             query: [("region", "FINLAND-1"), ("page", "1"), ("limit", "2")]),
        Case("create_volume name: \"data\" size: 2TB type: \"NVMe\" in FINLAND-1 bootable: true os_image: \"img-1\"",
             .createVolume,
             body: #"{"name": "data", "size_gb": 2000, "volume_type": "NVMe", "region": "FINLAND-1", "bootable": true, "os_image_id": "img-1"}"#),
        Case("volume \"BRK-100001V\"", .getVolume, path: ["id": "BRK-100001V"]),
        Case("delete_volume \"BRK-100001V\"", .deleteVolume, path: ["id": "BRK-100001V"]),
        Case("resize_volume \"BRK-100001V\" size: 1TB", .resizeVolume, path: ["id": "BRK-100001V"],
             body: #"{"size_gb": 1000}"#),
        Case("clone_volume \"BRK-100001V\" name: \"copy\"", .cloneVolume, path: ["id": "BRK-100001V"],
             body: #"{"name": "copy"}"#),
        Case("attach_volumes \"BRK-100001VM\" volumes: [\"BRK-100001V\", {id: \"BRK-100002V\"}]", .attachVolumes, path: vm,
             body: #"{"volume_ids": ["BRK-100001V", "BRK-100002V"]}"#),
        Case("detach_volumes \"BRK-100001VM\" volumes: [\"BRK-100001V\"]", .detachVolumes, path: vm,
             body: #"{"volume_ids": ["BRK-100001V"]}"#),
        Case("volume_billing \"BRK-100001V\" page: 1 limit: 3", .getVolumeBilling, path: ["id": "BRK-100001V"],
             query: [("page", "1"), ("limit", "3")]),
        Case("firewalls in FINLAND-1", .listFirewalls, query: [("region", "FINLAND-1")]),
        Case("firewall \"BRK-100001F\"", .getFirewall, path: ["id": "BRK-100001F"]),
        Case("firewall_protocols", .listFirewallProtocols),
        Case("instance_firewalls \"BRK-100001VM\"", .listInstanceFirewalls, path: vm),
        Case("firewall_attachable_instances \"BRK-100001F\"", .listFirewallAttachableInstances, path: ["id": "BRK-100001F"]),
        Case("create_firewall name: \"web\" in FINLAND-1 description: \"web servers\"", .createFirewall,
             body: #"{"name": "web", "region": "FINLAND-1", "description": "web servers"}"#),
        Case("delete_firewall \"BRK-100001F\"", .deleteFirewall, path: ["id": "BRK-100001F"]),
        Case("add_firewall_rule \"BRK-100001F\" direction: \"egress\" protocol: \"icmp\" ethertype: \"IPv6\" remote_ip_prefix: \"::/0\"",
             .addFirewallRule, path: ["id": "BRK-100001F"],
             body: #"{"direction": "egress", "protocol": "icmp", "ethertype": "IPv6", "remote_ip_prefix": "::/0"}"#),
        Case("remove_firewall_rule \"BRK-100001F\" \"BRK-100001R\"", .removeFirewallRule,
             path: ["id": "BRK-100001F", "rule_id": "BRK-100001R"]),
        Case("attach_firewall \"BRK-100001F\" instances: [{id: \"BRK-100001VM\"}]", .attachFirewall,
             path: ["id": "BRK-100001F"], body: #"{"instance_ids": ["BRK-100001VM"]}"#),
        Case("scripts", .listScripts),
        Case("script \"BRK-100001SC\"", .getScript, path: ["id": "BRK-100001SC"]),
        Case("create_script name: \"setup\" content: \"echo hi\" description: \"greets\"", .createScript,
             body: #"{"name": "setup", "content": "echo hi", "description": "greets"}"#),
        Case("update_script \"BRK-100001SC\" content: \"echo bye\"", .updateScript, path: ["id": "BRK-100001SC"],
             body: #"{"content": "echo bye"}"#),
        Case("delete_script \"BRK-100001SC\"", .deleteScript, path: ["id": "BRK-100001SC"]),
        Case("delete_scripts scripts: [\"BRK-100001SC\", {id: \"BRK-100002SC\"}]", .deleteScripts,
             body: #"{"script_ids": ["BRK-100001SC", "BRK-100002SC"]}"#),
        Case("snapshots in CANADA-1", .listSnapshots, query: [("region", "CANADA-1")]),
        Case("snapshot \"BRK-100001S\"", .getSnapshot, path: ["id": "BRK-100001S"]),
        Case("snapshot_eligible_instances in CANADA-1", .listSnapshotEligibleInstances, query: [("region", "CANADA-1")]),
        Case("snapshot_billing \"BRK-100001S\" page: 1 limit: 1", .getSnapshotBilling, path: ["id": "BRK-100001S"],
             query: [("page", "1"), ("limit", "1")]),
        Case("create_snapshot instance: \"BRK-100001VM\" name: \"before\" description: \"clean\"", .createSnapshot,
             body: #"{"instance_id": "BRK-100001VM", "name": "before", "description": "clean"}"#),
        Case("delete_snapshot \"BRK-100001S\"", .deleteSnapshot, path: ["id": "BRK-100001S"]),
        Case("restore_snapshot \"BRK-100001S\" name: \"again\" gpu: L40 x 2 ssh_keys: [\"BRK-100001K\"]", .restoreSnapshot,
             path: ["id": "BRK-100001S"],
             body: #"{"name": "again", "gpu_model": "L40", "gpu_count": 2, "ssh_key_ids": ["BRK-100001K"]}"#),
        Case("images in CANADA-1", .listImages, query: [("region", "CANADA-1")]),
        Case("image \"BRK-100001I\"", .getImage, path: ["id": "BRK-100001I"]),
        Case("create_image snapshot: \"BRK-100001S\" name: \"base\" description: \"golden\"", .createImage,
             body: #"{"snapshot_id": "BRK-100001S", "name": "base", "description": "golden"}"#),
        Case("delete_image \"BRK-100001I\"", .deleteImage, path: ["id": "BRK-100001I"]),
        Case("snapshot_image \"BRK-100001S\"", .getSnapshotImage, path: ["id": "BRK-100001S"]),
        Case("snapshot_images snapshots: [\"BRK-100001S\"]", .getSnapshotImages, body: #"{"snapshot_ids": ["BRK-100001S"]}"#),
        Case("ai_models", .listAIModels),
        Case("chat model: \"small\" messages: [{role: \"user\", content: \"hi\"}] max_tokens: 10 temperature: 0.5", .chat,
             body: #"{"model": "small", "messages": [{"role": "user", "content": "hi"}], "max_tokens": 10, "temperature": 0.5}"#),
        Case("ai_usage from: \"2026-01-01T00:00:00Z\" to: \"2026-02-01T00:00:00Z\"", .getAIUsageSummary,
             query: [("from", "2026-01-01T00:00:00Z"), ("to", "2026-02-01T00:00:00Z")]),
        Case("ai_usage_history page: 1 limit: 5", .getAIUsageHistory, query: [("page", "1"), ("limit", "5")]),
    ]

    func testEveryBuiltinSendsItsRequest() throws {
        for testCase in Self.cases {
            let connection = RecordingConnection()
            let host = ScriptHost(connection: connection)
            let failure = try host.run(testCase.code)
            XCTAssertNil(failure, "\(testCase.code): \(failure?.description ?? "")", line: testCase.line)
            let expectedBody = try testCase.body.map { try JSONValue(parsing: $0) }
            let expected = RecordingConnection.Call(
                operation: testCase.operation, pathParameters: testCase.path,
                query: testCase.query.map { QueryItem(name: $0.0, value: $0.1) }, body: expectedBody)
            XCTAssertEqual(connection.calls.map(Self.withGeneratedNameHidden), [expected], testCase.code, line: testCase.line)
        }
    }

    /// A deploy sent without a name is named before it is recorded in the ledger
    /// (`barrack-l40-kqzvtx`); its random letters are shown as `…`.
    static func withGeneratedNameHidden(_ call: RecordingConnection.Call) -> RecordingConnection.Call {
        guard call.operation == .deployInstance, var body = call.body?.objectValue,
              let name = body["name"]?.stringValue, name.wholeMatch(of: /barrack-[a-z0-9]+-[a-z]{6}/) != nil else { return call }
        body["name"] = .string(String(name.dropLast(6)) + "…")
        return RecordingConnection.Call(operation: call.operation, pathParameters: call.pathParameters, query: call.query,
                                        body: .object(body))
    }

    func testTheCasesCoverEveryOperation() {
        let covered = Set(Self.cases.map(\.operation))
        XCTAssertEqual(OperationID.allCases.filter { !covered.contains($0) }, [])
    }

    func testEveryOperationHasOneBuiltin() {
        let operations = Platform.operations
        XCTAssertEqual(operations.count, 67)
        XCTAssertEqual(Set(operations.values), Set(OperationID.allCases))
    }
}
