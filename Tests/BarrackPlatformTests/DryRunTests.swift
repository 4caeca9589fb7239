import BarrackAPI
import BarrackPlatform
import XCTest

/// `--dry-run`: the script runs against a rehearsal — a throw-away copy of the platform seeded
/// through its reads — so nothing but reads reaches the platform, and later steps see what earlier
/// ones made.
final class DryRunTests: XCTestCase {
    /// A platform with 100 USD and nothing else, recording what reaches it.
    static func emptyPlatform() -> RecordingConnection {
        RecordingConnection { call in
            if call.operation == .getBalance {
                return ["success": true, "balance": ["amount": 100.0, "currency": "USD"]]
            }
            return RecordingConnection.success
        }
    }

    /// Walks the whole built-in table: every built-in that changes the platform, called as
    /// `BuiltinRequestTests` calls it, reaches the rehearsal (no argument error stops it before)
    /// and sends the platform nothing but the rehearsal's seed reads. (`stop`, `hibernate`, every
    /// `create_*` and `resize_volume` were once sent for real under `--dry-run`.)
    func testNoChangingBuiltinSendsAnythingButReads() throws {
        let changing = Platform.effects.filter { $0.value.changes }
        XCTAssertGreaterThan(changing.count, 20)
        let operations = Platform.operations
        for (name, _) in changing.sorted(by: { $0.key < $1.key }) {
            let operation = try XCTUnwrap(operations[name])
            let cases = BuiltinRequestTests.cases.filter { $0.operation == operation }
            XCTAssertFalse(cases.isEmpty, "\(name): expected a typical call in BuiltinRequestTests, got none")
            for testCase in cases {
                let platform = Self.emptyPlatform()
                let host = ScriptHost(connection: platform, dryRun: true)
                let failure = try host.run(testCase.code)
                XCTAssertFalse(["ARGUMENT_ERROR", "TYPE_ERROR", "VALUE_ERROR"].contains(failure?.code ?? ""),
                               "\(name): expected the call to reach the rehearsal, got \(failure?.description ?? "")",
                               line: testCase.line)
                let sent = platform.calls.map(\.operation)
                XCTAssertEqual(sent, Rehearsal.seedOperations, "\(name): expected only the seed reads to reach the platform",
                               line: testCase.line)
                for operation in sent {
                    XCTAssertEqual(PlatformEffect.of(operation), .read, "\(name): \(operation) reached the platform")
                }
            }
        }
    }

    /// The table's effects agree with the API's methods: every GET reads, and everything else
    /// changes the platform except a price quote and a batch read of snapshots' images.
    func testEffectsAgreeWithTheHTTPMethods() {
        for operation in OperationID.allCases {
            let isGet = operation.endpoint.method == .get
            let effect = PlatformEffect.of(operation)
            if isGet || operation == .quotePricing || operation == .getSnapshotImages {
                XCTAssertEqual(effect, .read, "\(operation)")
            } else {
                XCTAssertTrue(effect.changes, "\(operation): \(operation.endpoint.method.rawValue) but classified as a read")
            }
        }
    }

    /// A deploy answers with the rehearsed instance (not a plan), so a script that reads its name
    /// and waits for it runs on; the platform gets only reads. (`--dry-run examples/first_deploy.brk`
    /// once failed with `KEY_ERROR: map has no key 'name'`.)
    func testARehearsedDeployIsAnInstanceTheScriptCanUse() throws {
        let platform = RecordingConnection.stocked()
        let host = ScriptHost(connection: platform, dryRun: true)
        try XCTAssertNil(host.run("""
            let vm = deploy gpu: "H100-SXM5-80GB" x 8 in FINLAND-1 name: "train-1"
            print vm.name vm.status vm.hourly_cost
            wait until instance(vm).status == ACTIVE timeout 10m every 10s
            print instances().len()
            try { deploy gpu: "H100-SXM5-80GB" x 8 in FINLAND-1 } catch err { print err.code }
            delete_instance vm
            """))
        XCTAssertEqual(host.lines, ["train-1 CREATING 19.95", "1", "OUT_OF_STOCK"])
        XCTAssertEqual(platform.calls.map(\.operation), Rehearsal.seedOperations)
    }

    /// The seed carries the platform's resources: a script sees what is there and may change it.
    func testTheRehearsalStartsFromThePlatformsState() throws {
        let platform = RecordingConnection { call in
            switch call.operation {
            case .getBalance: return ["success": true, "balance": ["amount": 42.5, "currency": "EUR"]]
            case .listVolumes:
                return ["success": true, "volumes": [["id": "BRK-100001V", "name": "data", "region": "FINLAND-1",
                                                      "tier": "Advanced", "size_gb": 500, "volume_type": "NVMe",
                                                      "status": "AVAILABLE", "bootable": false, "hourly_cost": 0.15,
                                                      "currency": "EUR", "created_at": "2026-01-01T00:00:00Z"]]]
            default: return RecordingConnection.success
            }
        }
        let host = ScriptHost(connection: platform, dryRun: true)
        try XCTAssertNil(host.run("""
            print balance().amount balance().currency
            let v = volumes().first()
            print v.name v.size_gb
            delete_volume v
            print volumes().len()
            """))
        XCTAssertEqual(host.lines, ["42.5 EUR", "data 500", "0"])
        XCTAssertFalse(platform.calls.contains { $0.operation == .deleteVolume })
    }
}
