import BarrackAPI
import XCTest

/// What `deploy` fills in: the region's newest plain OS image and every SSH key of the account.
final class DeployDefaultsTests: XCTestCase {
    static let images: JSONValue = [
        "success": true,
        "images": [
            ["id": "u20", "name": "Ubuntu Server 20.04 LTS R535 CUDA 12.2", "docker": false],
            ["id": "u22-docker", "name": "Ubuntu Server 22.04 LTS R550 CUDA 12.4 with Docker", "docker": true],
            ["id": "u24-docker", "name": "Ubuntu Server 24.04 LTS R570 CUDA 12.8 with Docker", "docker": true],
            ["id": "u22", "name": "Ubuntu Server 22.04 LTS R550 CUDA 12.4", "docker": false],
        ],
    ]

    static func keys(_ ids: [String]) -> JSONValue {
        .object(JSONObject([.init(key: "success", value: true),
                            .init(key: "ssh_keys", value: .array(ids.map { ["id": .string($0), "name": "k"] }))]))
    }

    /// Answers the listings deploy consults; everything else is a bare success.
    static func platform(keys keyIDs: [String]) -> RecordingConnection {
        RecordingConnection { call in
            switch call.operation {
            case .listOSImages: return images
            case .listSSHKeys: return keys(keyIDs)
            default: return RecordingConnection.success
            }
        }
    }

    func testDeployBootsTheNewestPlainImageWithEveryKey() throws {
        let connection = Self.platform(keys: ["BRK-100001K", "BRK-100002K"])
        let host = ScriptHost(connection: connection)
        try XCTAssertNil(host.run("deploy gpu: \"H100-SXM5-80GB\" x 1 in FINLAND-2"))
        let calls = connection.calls
        XCTAssertEqual(calls.map(\.operation), [.listOSImages, .listSSHKeys, .deployInstance])
        XCTAssertEqual(calls.first?.query, [QueryItem(name: "region", value: "FINLAND-2")])
        XCTAssertEqual(calls.last?.body?["boot_source"], ["type": "os_image", "os_image_id": "u22"])
        XCTAssertEqual(calls.last?.body?["ssh_key_ids"], ["BRK-100001K", "BRK-100002K"])
    }

    func testGivenBootSourceAndKeysAreSentAsGiven() throws {
        let connection = Self.platform(keys: ["BRK-100001K"])
        let host = ScriptHost(connection: connection)
        try XCTAssertNil(host.run("""
            deploy gpu: "H100-SXM5-80GB" x 1 in FINLAND-2 boot_source: {type: "os_image", os_image_id: "u20"} ssh_keys: ["BRK-100009K"]
            """))
        XCTAssertEqual(connection.calls.map(\.operation), [.deployInstance])
        XCTAssertEqual(connection.calls.last?.body?["ssh_key_ids"], ["BRK-100009K"])
    }

    func testVolumeBootTakesNoKeys() throws {
        let connection = Self.platform(keys: ["BRK-100001K"])
        let host = ScriptHost(connection: connection)
        try XCTAssertNil(host.run("""
            deploy gpu: "H100-SXM5-80GB" x 1 in FINLAND-2 boot_source: {type: "volume", volume_id: "BRK-100001V"}
            """))
        XCTAssertEqual(connection.calls.map(\.operation), [.deployInstance])
        XCTAssertNil(connection.calls.last?.body?["ssh_key_ids"])
    }

    func testNoKeysSaysHowToAddOneAndSendsNoDeploy() throws {
        let connection = Self.platform(keys: [])
        let host = ScriptHost(connection: connection)
        let failure = try host.run("deploy gpu: \"H100-SXM5-80GB\" x 1 in FINLAND-2")
        XCTAssertEqual(failure?.code, "ARGUMENT_ERROR")
        XCTAssertTrue(failure?.message.contains("create_ssh_key") ?? false, failure?.message ?? "no error")
        XCTAssertFalse(connection.calls.contains { $0.operation == .deployInstance })
    }

    func testARegionWithoutImagesIsAnArgumentError() throws {
        let connection = RecordingConnection { call in
            call.operation == .listOSImages ? ["success": true, "images": []] : DeployDefaultsTests.keys(["BRK-100001K"])
        }
        let host = ScriptHost(connection: connection)
        let failure = try host.run("deploy gpu: \"H100-SXM5-80GB\" x 1 in FINLAND-2")
        XCTAssertEqual(failure?.code, "ARGUMENT_ERROR")
        XCTAssertTrue(failure?.message.contains("FINLAND-2 offers no OS image") ?? false, failure?.message ?? "no error")
        XCTAssertEqual(connection.calls.map(\.operation), [.listOSImages])
    }
}
