import Foundation
import XCTest

/// `barrack plan`: the script runs against a throw-away copy of the platform; the plan lists its
/// changes and costs, the exit status says whether there are any, and the platform is untouched.
final class PlanCommandTests: XCTestCase {
    static let timeout = 60.0

    private var examples: URL { TestPaths.root.appendingPathComponent("examples") }

    /// Runs `barrack ARGUMENTS` in the examples folder.
    private func barrack(_ arguments: [String], environment: [String: String]) throws -> ScriptRun {
        let binary = try XCTUnwrap(TestPaths.binary())
        return ScriptRun.execute(binary: binary, arguments: arguments, in: examples, timeout: Self.timeout,
                                 environment: environment)
    }

    private func document(_ run: ScriptRun) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8))
        return try XCTUnwrap(object as? [String: Any], run.standardOutput)
    }

    /// `(operation, name, region, hourly_cost)` of each change.
    private func changes(_ plan: [String: Any]) throws -> [String] {
        let list = try XCTUnwrap(plan["changes"] as? [[String: Any]])
        return list.map { change in
            "\(change["operation"] ?? "") \(change["name"] ?? "") \(change["region"] ?? "") \(change["hourly_cost"] ?? "")"
        }
    }

    func testPlanOfRegionFallbackWhenTheFirstRegionIsOutOfStock() throws {
        let home = try SandboxEnvironment()
        let environment = home.variables()
        XCTAssertEqual(try barrack(["sandbox", "stock", "FINLAND-1", "B300-262GB", "0"], environment: environment).status, 0)
        let run = try barrack(["plan", "--json", "region_fallback.brk"], environment: environment)
        XCTAssertEqual(run.status, 2, run.standardError)
        let plan = try document(run)
        XCTAssertEqual(try changes(plan), ["deploy_instance fallback-1 FINLAND-2 46.35",
                                           "delete_instance fallback-1 FINLAND-2 -46.35"])
        XCTAssertEqual(plan["hourly_before"] as? Double, 0)
        XCTAssertEqual(plan["hourly_after"] as? Double, 0)
        XCTAssertTrue(plan["runway_hours"] is NSNull)
        // The script's own output goes to standard error, and FINLAND-1's lack of stock showed.
        XCTAssertTrue(run.standardError.contains("FINLAND-1 is now out of B300 x 8 (0 deployed)"), run.standardError)
        XCTAssertTrue(run.standardError.contains("fallback-1 is in FINLAND-2"), run.standardError)
        let census = try barrack(["-e", "print instances().len()"], environment: environment)
        XCTAssertEqual(census.standardOutput, "0\n")
    }

    func testThePlanTableShowsChangesSpendAndRunway() throws {
        let home = try SandboxEnvironment()
        let environment = home.variables()
        // Something already billing: the plan starts from it.
        let setup = try barrack(["-e", "deploy gpu: \"H100-SXM5-80GB\" x 1 in FINLAND-1 name: \"existing\""],
                                environment: environment)
        XCTAssertEqual(setup.status, 0, setup.standardError)
        let script = home.folder.appendingPathComponent("grow.brk")
        try """
            let vm = deploy gpu: "H100-SXM5-80GB" x 8 in FINLAND-1 name: "big-1"
            wait until instance(vm).status == ACTIVE timeout 10m every 10s
            delete_instance instances().filter(fn(v) v.name == "existing").first()
            """.write(to: script, atomically: true, encoding: .utf8)
        let run = try barrack(["plan", script.path], environment: environment)
        XCTAssertEqual(run.status, 2, run.standardError)
        XCTAssertEqual(run.standardOutput, """
            The script would make 2 changes:
            operation        resource  region     gpus                $/h
            deploy_instance  big-1     FINLAND-1  H100-SXM5-80GB x 8  +19.95
            delete_instance  existing  FINLAND-1  H100-SXM5-80GB x 1  -2.52
            hourly spend: 2.52 → 19.95 USD/h (+17.43)
            balance: 500 USD; runway at the new rate: 25.1 h

            """)
        let census = try barrack(["-e", "print instances().map(fn(v) v.name)"], environment: environment)
        XCTAssertEqual(census.standardOutput, "[\"existing\"]\n")
    }

    func testAScriptThatChangesNothingExitsZeroAndAFailingOneExitsOne() throws {
        let home = try SandboxEnvironment()
        let environment = home.variables()
        let quiet = try barrack(["plan", "hello.brk"], environment: environment)
        XCTAssertEqual(quiet.status, 0, quiet.standardError)
        XCTAssertTrue(quiet.standardOutput.hasPrefix("No changes"), quiet.standardOutput)
        let script = home.folder.appendingPathComponent("fails.brk")
        try "deploy gpu: \"H100-SXM5-80GB\" x 8 in FINLAND-1\nraise \"broke\"\n".write(to: script, atomically: true, encoding: .utf8)
        let failing = try barrack(["plan", script.path], environment: environment)
        XCTAssertEqual(failing.status, 1)
        XCTAssertTrue(failing.standardError.contains("the script failed, so there is no plan"), failing.standardError)
        let missing = try barrack(["plan", "no-such-file.brk"], environment: environment)
        XCTAssertEqual(missing.status, 1)
    }

    /// With an API key, the seed comes only from reads of the platform — here a `barrack sandbox
    /// serve` standing in for it — and no request but a GET reaches it.
    func testAgainstARemotePlatformOnlyReadsAreSent() throws {
        let binary = try XCTUnwrap(TestPaths.binary())
        let server = try SandboxServerProcess(binary: binary, options: [], timeout: Self.timeout)
        defer { server.stop() }
        let home = try SandboxEnvironment()
        let environment = home.variables(["BARRACK_API_KEY": "test"])
        let setup = try barrack(["--api-url", server.baseURL, "-e",
                                 "deploy gpu: \"H100-SXM5-80GB\" x 1 in FINLAND-1 name: \"existing\""], environment: environment)
        XCTAssertEqual(setup.status, 0, setup.standardError)
        XCTAssertEqual(try barrack(["sandbox", "stock", "FINLAND-1", "B300-262GB", "0"], environment: server.environment).status, 0)
        let logBefore = server.log
        let run = try barrack(["plan", "--json", "--api-url", server.baseURL, "region_fallback.brk"], environment: environment)
        XCTAssertEqual(run.status, 2, run.standardError)
        let plan = try document(run)
        XCTAssertEqual(try changes(plan), ["deploy_instance fallback-1 FINLAND-2 46.35",
                                           "delete_instance fallback-1 FINLAND-2 -46.35"])
        XCTAssertEqual(plan["hourly_before"] as? Double, 2.52)
        let planRequests = server.log.dropFirst(logBefore.count).split(separator: "\n")
        XCTAssertFalse(planRequests.isEmpty)
        for line in planRequests {
            XCTAssertTrue(line.hasPrefix("GET "), "expected only reads to reach the platform, got \(line)")
        }
        let census = try barrack(["--api-url", server.baseURL, "-e", "print instances().map(fn(v) v.name)"],
                                 environment: environment)
        XCTAssertEqual(census.standardOutput, "[\"existing\"]\n")
    }
}
