import Foundation
import XCTest

/// `barrack run --max-steps N --timeout DURATION`: a script that never ends is stopped with a
/// code, for a file and for `-e` alike.
final class RunLimitTests: XCTestCase {
    private func run(_ arguments: [String]) -> ScriptRun? {
        guard let binary = TestPaths.binary() else { return nil }
        return ScriptRun.execute(binary: binary, arguments: arguments, in: TestPaths.root, timeout: 30)
    }

    func testMaxStepsStopsAnEndlessLoop() throws {
        let result = try XCTUnwrap(run(["run", "--max-steps", "10000", "-e", "while true {}"]))
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.standardError.contains("STEP_LIMIT: the script ran more than 10000 steps"), result.standardError)
    }

    func testMaxStepsLetsAShortScriptFinish() throws {
        let result = try XCTUnwrap(run(["run", "--max-steps", "100", "-e", "for i in range(10) { }\nprint \"done\""]))
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertEqual(result.standardOutput, "done\n")
    }

    func testTimeoutStopsAnEndlessLoopThatCatchesEverything() throws {
        let result = try XCTUnwrap(run(["run", "--timeout", "300ms", "-e",
                                        "while true { try { while true {} } catch err { print \"caught\" err.code } }"]))
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.standardOutput, "")
        XCTAssertTrue(result.standardError.contains("TIME_LIMIT: the script ran longer than 300ms"), result.standardError)
    }

    func testTimeoutCutsASleepShortAndRunsFinally() throws {
        let result = try XCTUnwrap(run(["run", "--timeout", "0.3", "-e",
                                        "try { sleep 1h } finally { print \"cleaned up\" }"]))
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.standardOutput, "cleaned up\n")
        XCTAssertTrue(result.standardError.contains("TIME_LIMIT"), result.standardError)
    }

    func testTimeoutAppliesToAScriptFile() throws {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("spin-\(UUID().uuidString).brk")
        try "let n = 0\nwhile true { n += 1 }\n".write(to: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: script) }
        let result = try XCTUnwrap(run(["run", "--timeout", "200ms", script.path]))
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.standardError.contains("TIME_LIMIT"), result.standardError)
    }

    func testBadLimitsAreUsageErrors() throws {
        let steps = try XCTUnwrap(run(["run", "--max-steps=-5", "-e", "print 1"]))
        XCTAssertEqual(steps.status, 64)
        XCTAssertTrue(steps.standardError.contains("--max-steps must be 0 or more"), steps.standardError)
        let time = try XCTUnwrap(run(["run", "--timeout", "soon", "-e", "print 1"]))
        XCTAssertEqual(time.status, 64)
        XCTAssertTrue(time.standardError.contains("timeout"), time.standardError)
    }
}
