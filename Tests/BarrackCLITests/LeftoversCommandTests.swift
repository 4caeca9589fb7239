import Foundation
import XCTest

/// Issue 27: what runs create is in the ledger before it is sent; `barrack leftovers` lists what
/// earlier runs left, read live, and `--clean` deletes it; a run that leaves resources says so.
final class LeftoversCommandTests: XCTestCase {
    func testLeftoversListsWhatRunsLeftAndCleanDeletesIt() throws {
        let binary = try XCTUnwrap(TestPaths.binary())
        let home = try SandboxEnvironment()
        func barrack(_ arguments: [String], _ extra: [String: String] = [:]) -> ScriptRun {
            ScriptRun.execute(binary: binary, arguments: arguments, in: home.folder, timeout: 60,
                              environment: home.variables(extra))
        }
        XCTAssertEqual(barrack(["leftovers"]).standardOutput,
                       "Nothing left: every resource the ledger recorded has been deleted or was never made.\n")
        let setup = barrack(["-e", """
            let vms = []
            for n in ["a", "b", "c"] {
              let vm = deploy gpu: "H100-SXM5-80GB" x 8 in FINLAND-1 name: "left-" + n
              vms = vms + [vm]
            }
            wait until vms.filter(fn(vm) instance(vm).status != ACTIVE).len() == 0 timeout 10m every 10s
            delete_instance vms[1]
            """])
        XCTAssertEqual(setup.status, 0, setup.standardError)
        XCTAssertTrue(setup.standardError.hasSuffix("barrack: left running: 2 instances, 39.90 USD/h (barrack leftovers)\n"),
                      setup.standardError)
        // A resource made elsewhere (here: by a run with another state folder) is not in this ledger.
        let elsewhere = barrack(["-e", "deploy gpu: L40 x 1 in CANADA-1 name: \"elsewhere\""],
                                ["XDG_STATE_HOME": home.folder.appendingPathComponent("other").path])
        XCTAssertEqual(elsewhere.status, 0, elsewhere.standardError)

        let table = barrack(["leftovers"])
        XCTAssertEqual(table.status, 0, table.standardError)
        let lines = table.standardOutput.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 4, table.standardOutput)
        XCTAssertTrue(lines[0].hasPrefix("kind      id            name    status  hourly_cost  region     recorded"), table.standardOutput)
        XCTAssertTrue(lines[1].contains("left-a  ACTIVE  19.95        FINLAND-1"), table.standardOutput)
        XCTAssertTrue(lines[2].contains("left-c  ACTIVE  19.95        FINLAND-1"), table.standardOutput)
        XCTAssertEqual(lines[3], "left: 2 instances, 39.90 USD/h; `barrack leftovers --clean` deletes them")

        let json = barrack(["leftovers", "--output", "json"])
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        XCTAssertEqual(document["hourly_total"] as? Double, 39.9)
        XCTAssertEqual((document["leftovers"] as? [[String: Any]])?.compactMap { $0["name"] as? String }, ["left-a", "left-c"])

        let refused = barrack(["leftovers", "--clean"])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.standardError.contains("add --yes to delete without asking"), refused.standardError)

        let rehearsed = barrack(["leftovers", "--clean", "--yes", "--dry-run"])
        XCTAssertEqual(rehearsed.status, 0, rehearsed.standardError)
        XCTAssertEqual(rehearsed.standardOutput.split(separator: "\n").count, 2, rehearsed.standardOutput)
        XCTAssertTrue(rehearsed.standardOutput.hasPrefix("dry run: would delete instance BRK-"), rehearsed.standardOutput)
        XCTAssertEqual(barrack(["leftovers", "--output", "json"]).standardOutput, json.standardOutput, "a dry run deletes nothing")

        let cleaned = barrack(["leftovers", "--clean", "--yes"])
        XCTAssertEqual(cleaned.status, 0, cleaned.standardError)
        let deleted = cleaned.standardOutput.split(separator: "\n").map { $0.split(separator: " ").last.map(String.init) ?? "" }
        XCTAssertEqual(deleted, ["left-a", "left-c"], cleaned.standardOutput)
        XCTAssertEqual(barrack(["leftovers"]).standardOutput,
                       "Nothing left: every resource the ledger recorded has been deleted or was never made.\n")
        let platform = barrack(["-e", "print instances().map(fn(vm) vm.name + \" \" + vm.status)"])
        XCTAssertEqual(platform.standardOutput,
                       "[\"left-a DELETING\", \"left-b DELETING\", \"left-c DELETING\", \"elsewhere CREATING\"]\n")
    }

    func testARunThatFailsSaysWhatItLeavesAndOneThatCleansUpSaysNothing() throws {
        let binary = try XCTUnwrap(TestPaths.binary())
        let home = try SandboxEnvironment()
        let failed = ScriptRun.execute(binary: binary, arguments: ["-e", """
            deploy gpu: "H100-SXM5-80GB" x 8 in FINLAND-1 name: "fails-1"
            create_volume name: "fails-data" size: 1TB type: "NVMe" in FINLAND-1
            instance("BRK-000000VM")
            """], in: home.folder, timeout: 60, environment: home.variables())
        XCTAssertEqual(failed.status, 1)
        XCTAssertTrue(failed.standardError.contains("NOT_FOUND"), failed.standardError)
        XCTAssertTrue(failed.standardError.hasSuffix("barrack: left running: 1 instance, 1 volume, 20.25 USD/h (barrack leftovers)\n"),
                      failed.standardError)
        let tidy = ScriptRun.execute(binary: binary, arguments: ["-e", """
            let vm = deploy gpu: "H100-SXM5-80GB" x 8 in FINLAND-1 name: "tidy-1"
            wait until instance(vm).status == ACTIVE timeout 10m every 10s
            delete_instance vm
            """], in: home.folder, timeout: 60, environment: home.variables())
        XCTAssertEqual(tidy.status, 0, tidy.standardError)
        XCTAssertFalse(tidy.standardError.contains("left running"), tidy.standardError)
    }
}
