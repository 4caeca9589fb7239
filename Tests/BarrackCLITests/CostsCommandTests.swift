import Foundation
import XCTest

/// `barrack costs`: what the account is paying, as a table or as JSON.
final class CostsCommandTests: XCTestCase {
    func testCostsAsATableAndAsJSON() throws {
        let binary = try XCTUnwrap(TestPaths.binary())
        let home = try SandboxEnvironment()
        func barrack(_ arguments: [String]) -> ScriptRun {
            ScriptRun.execute(binary: binary, arguments: arguments, in: home.folder, timeout: 60,
                              environment: home.variables())
        }
        XCTAssertEqual(barrack(["costs"]).standardOutput,
                       "Nothing is billed.\ntotal: 0 USD/h; balance: 500 USD; runway: unlimited (nothing billed)\n")
        let setup = barrack(["-e", """
            let vm = deploy gpu: "H100-SXM5-80GB" x 8 in FINLAND-1 name: "cost-1"
            wait until instance(vm).status == ACTIVE timeout 10m every 10s
            """])
        XCTAssertEqual(setup.status, 0, setup.standardError)
        let table = barrack(["costs"])
        XCTAssertEqual(table.status, 0, table.standardError)
        let lines = table.standardOutput.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "id            name    status  kind      hourly_cost  hours  cost")
        XCTAssertTrue(lines.count == 3 && lines[1].contains("cost-1  ACTIVE  instance  19.95"), table.standardOutput)
        XCTAssertTrue(lines.last?.hasPrefix("total: 19.95 USD/h; balance: ") == true, table.standardOutput)
        let json = barrack(["costs", "--output", "json"])
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        XCTAssertEqual(document["hourly_total"] as? Double, 19.95)
        XCTAssertEqual((document["resources"] as? [[String: Any]])?.first?["name"] as? String, "cost-1")
        XCTAssertNotNil(document["runway_hours"] as? Double)
    }
}
