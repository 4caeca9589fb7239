import Foundation
import XCTest

/// The budget guard's host side: `--max-hourly`, `max_hourly` in a config profile, and the
/// errors for bad limits.
final class BudgetCommandTests: XCTestCase {
    static let timeout = 60.0
    static let deploy = "deploy gpu: \"H100-SXM5-80GB\" x 8 in FINLAND-1"

    private func barrack(_ arguments: [String], home: SandboxEnvironment) throws -> ScriptRun {
        let binary = try XCTUnwrap(TestPaths.binary())
        return ScriptRun.execute(binary: binary, arguments: arguments, in: home.folder, timeout: Self.timeout,
                                 environment: home.variables())
    }

    func testMaxHourlyStopsADeployBeforeItIsSent() throws {
        let home = try SandboxEnvironment()
        let run = try barrack(["--max-hourly", "10", "-e", Self.deploy], home: home)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.standardError.contains(
            "BUDGET_EXCEEDED: deploy would add 19.95 USD/h to the 0 USD/h spent now, over the limit of 10 USD/h; nothing was sent"),
            run.standardError)
        XCTAssertEqual(try barrack(["-e", "print instances().len()"], home: home).standardOutput, "0\n")
        XCTAssertEqual(try barrack(["--max-hourly", "20", "-e", Self.deploy], home: home).status, 0)
    }

    func testAProfileSetsTheLimitAndTheCommandLineOverridesIt() throws {
        let home = try SandboxEnvironment()
        let folder = home.folder.appendingPathComponent("barrack")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "[profiles.default]\nmax_hourly = 5\n".write(to: folder.appendingPathComponent("config.toml"), atomically: true,
                                                           encoding: .utf8)
        XCTAssertEqual(try barrack(["-e", "print budget()"], home: home).standardOutput, "5.0\n")
        let refused = try barrack(["-e", Self.deploy], home: home)
        XCTAssertTrue(refused.standardError.contains("over the limit of 5 USD/h"), refused.standardError)
        XCTAssertEqual(try barrack(["--max-hourly", "25", "-e", Self.deploy], home: home).status, 0)
        try "[profiles.default]\nmax_hourly = \"lots\"\n".write(to: folder.appendingPathComponent("config.toml"),
                                                                 atomically: true, encoding: .utf8)
        let bad = try barrack(["-e", "print 1"], home: home)
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.standardError.contains("'max_hourly' must be an integer, not a string"), bad.standardError)
    }

    func testAScriptMayNotRaiseTheHostsLimit() throws {
        let home = try SandboxEnvironment()
        let run = try barrack(["--max-hourly", "10", "-e", "budget max_hourly: 20"], home: home)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.standardError.contains(
            "budget: max_hourly 20 is above the limit of 10 per hour that the host (--max-hourly or max_hourly in the config) set; a script may only lower it"),
            run.standardError)
        XCTAssertEqual(try barrack(["--max-hourly", "10", "-e", "print budget(max_hourly: 4)"], home: home).standardOutput, "4.0\n")
    }

    func testBadLimitsOnTheCommandLineAreRefused() throws {
        let home = try SandboxEnvironment()
        let negative = try barrack(["--max-hourly=-5", "-e", "print 1"], home: home)
        XCTAssertNotEqual(negative.status, 0)
        XCTAssertTrue(negative.standardError.contains("--max-hourly must be an amount of at least 0 per hour, not -5.0"),
                      negative.standardError)
        let text = try barrack(["--max-hourly", "ten", "-e", "print 1"], home: home)
        XCTAssertNotEqual(text.status, 0)
        XCTAssertTrue(text.standardError.contains("The value 'ten' is invalid for '--max-hourly"), text.standardError)
    }
}
