import BarrackAPI
import XCTest

/// `--dry-run`: deploys, deletions and restores are shown, not sent; reads still happen.
final class DryRunTests: XCTestCase {
    static let quote: JSONValue = [
        "success": true,
        "pricing_data": [:],
        "estimate": ["hourly": 19.95, "currency": "USD", "breakdown": []],
    ]

    func testADeployIsPricedButNotSent() throws {
        let connection = RecordingConnection { call in
            switch call.operation {
            case .listOSImages: return DeployDefaultsTests.images
            case .listSSHKeys: return DeployDefaultsTests.keys(["BRK-100001K"])
            case .quotePricing: return Self.quote
            default: return RecordingConnection.success
            }
        }
        let host = ScriptHost(connection: connection, dryRun: true)
        try XCTAssertNil(host.run("""
            let plan = deploy gpu: "H100-SXM5-80GB" x 8 in FINLAND-1
            print plan.dry_run plan.operation plan.method plan.path plan.hourly_cost plan.currency
            print plan.body.gpu_count plan.body.ssh_key_ids
            """))
        XCTAssertEqual(host.lines, ["true deploy_instance POST /api/instances/ 19.95 USD", "8 [\"BRK-100001K\"]"])
        XCTAssertEqual(connection.calls.map(\.operation), [.listOSImages, .listSSHKeys, .quotePricing])
        XCTAssertEqual(connection.calls.last?.body?["gpu_count"], 8)
        XCTAssertEqual(connection.calls.last?.body?["volume_size_gb"], 100)
    }

    func testDeletionsAndRestoresAreNotSentButReadsAre() throws {
        let connection = RecordingConnection { _ in RecordingConnection.success }
        let host = ScriptHost(connection: connection, dryRun: true)
        try XCTAssertNil(host.run("""
            print delete_instance("BRK-100001VM").path
            print restore_snapshot("BRK-100001S", name: "r").method
            balance()
            """))
        XCTAssertEqual(host.lines, ["/api/instances/BRK-100001VM/", "POST"])
        XCTAssertEqual(connection.calls.map(\.operation), [.getBalance])
    }
}
