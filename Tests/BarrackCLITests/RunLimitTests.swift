import Foundation
import XCTest

/// `barrack run --max-steps N --timeout DURATION`: a script that never ends is stopped with a
/// code, for a file and for `-e` alike.
final class RunLimitTests: XCTestCase {
    private func run(_ arguments: [String]) -> ScriptRun? {
        guard let binary = TestPaths.binary() else { return nil }
        return ScriptRun.execute(binary: binary, arguments: arguments, in: TestPaths.root, timeout: 30)
    }

    /// Runs `arguments` and asserts that the script stopped with exit status 1, `message` on
    /// standard error and `output` on standard output.
    private func assertStopped(_ arguments: [String], with message: String, output: String = "",
                               file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try XCTUnwrap(run(arguments), file: file, line: line)
        XCTAssertEqual(result.status, 1, result.standardError, file: file, line: line)
        XCTAssertEqual(result.standardOutput, output, file: file, line: line)
        XCTAssertTrue(result.standardError.contains(message), result.standardError, file: file, line: line)
    }

    func testMaxStepsStopsAnEndlessLoop() throws {
        try assertStopped(["run", "--max-steps", "10000", "-e", "while true {}"],
                          with: "STEP_LIMIT: the script ran more than 10000 steps")
    }

    func testMaxStepsLetsAShortScriptFinish() throws {
        let result = try XCTUnwrap(run(["run", "--max-steps", "100", "-e", "for i in range(10) { }\nprint \"done\""]))
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertEqual(result.standardOutput, "done\n")
    }

    func testTimeoutStopsAnEndlessLoopThatCatchesEverything() throws {
        try assertStopped(["run", "--timeout", "300ms", "-e",
                           "while true { try { while true {} } catch err { print \"caught\" err.code } }"],
                          with: "TIME_LIMIT: the script ran longer than 300ms")
    }

    func testTimeoutCutsASleepShortAndRunsFinally() throws {
        try assertStopped(["run", "--timeout", "0.3", "-e", "try { sleep 1h } finally { print \"cleaned up\" }"],
                          with: "TIME_LIMIT", output: "cleaned up\n")
    }

    func testTimeoutAppliesToAScriptFile() throws {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("spin-\(UUID().uuidString).brk")
        try "let n = 0\nwhile true { n += 1 }\n".write(to: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: script) }
        try assertStopped(["run", "--timeout", "200ms", script.path], with: "TIME_LIMIT")
    }

    func testBadLimitsAreUsageErrors() throws {
        let steps = try XCTUnwrap(run(["run", "--max-steps=-5", "-e", "print 1"]))
        XCTAssertEqual(steps.status, 2)
        XCTAssertTrue(steps.standardError.contains("--max-steps must be 0 or more"), steps.standardError)
        let time = try XCTUnwrap(run(["run", "--timeout", "soon", "-e", "print 1"]))
        XCTAssertEqual(time.status, 2)
        XCTAssertTrue(time.standardError.contains("timeout"), time.standardError)
    }
}
