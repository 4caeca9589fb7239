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
        // Found: the error said where nothing; it points at the loop now.
        try assertStopped(["run", "--max-steps", "10000", "-e", "let n = 0\nwhile true {}"],
                          with: "<-e>:2:7: error: STEP_LIMIT: the script ran more than 10000 steps")
        try assertStopped(["run", "--max-steps", "100", "-e", "for i in range(1000) { }"],
                          with: "<-e>:1:10: error: STEP_LIMIT")
    }

    /// Found (issue 27): a list or a string doubled without end reached 9 GB and no limit stopped it.
    func testMaxMemoryStopsAScriptThatGrowsWithoutBound() throws {
        try assertStopped(["run", "--max-memory", "64M", "-e", "let xs = [1]\nwhile true { xs = xs + xs }"],
                          with: "MEMORY_LIMIT")
        try assertStopped(["run", "--max-memory", "64MiB", "-e", "let s = \"ab\"\nwhile true { s = s + s }"],
                          with: "MEMORY_LIMIT")
    }

    /// The other kinds of unbounded growth issue 27 names: an append loop, a map that gains keys,
    /// and recursion whose every level keeps a closure over a large list. Each ends with
    /// MEMORY_LIMIT, exit status 1 and no signal, and a `finally` still runs.
    func testMaxMemoryStopsAppendLoopsMapGrowthAndDeepRecursionThroughClosures() throws {
        let scripts = [
            "let xs = []\nwhile true { xs.append(len(xs)) }",
            "let m = {}\nlet n = 0\nwhile true { m[\"key-${n}\"] = n\nn = n + 1 }",
            "fn deep(n) {\n  let xs = range(100000).map(fn(i) { return i + n })\n  let keep = fn() { return xs }\n  return deep(n + 1)\n}\ndeep(0)",
        ]
        for script in scripts {
            try assertStopped(["run", "--max-memory", "64M", "-e", "try {\n\(script)\n} finally { print \"cleaned up\" }"],
                              with: "MEMORY_LIMIT", output: "cleaned up\n")
        }
    }

    /// With no --max-memory and no config, the limit is half the machine's memory: a string
    /// doubled without end stops there with MEMORY_LIMIT, not by the kernel's signal.
    func testTheDefaultLimitStopsAStringDoubledWithoutEnd() throws {
        let binary = try XCTUnwrap(TestPaths.binary())
        let home = try SandboxEnvironment()
        let result = ScriptRun.execute(binary: binary, arguments: ["run", "-e", "let s = \"ab\"\nwhile true { s = s + s }"],
                                       in: home.folder, timeout: 120, environment: home.variables())
        XCTAssertEqual(result.status, 1, result.standardError)
        XCTAssertTrue(result.standardError.contains("MEMORY_LIMIT"), result.standardError)
    }

    func testMaxMemoryOfTheConfigProfileStopsAScriptThatGrowsWithoutBound() throws {
        let binary = try XCTUnwrap(TestPaths.binary())
        let home = try SandboxEnvironment()
        let folder = home.folder.appendingPathComponent("barrack")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("config.toml")
        try "[profiles.default]\nmax_memory = \"64M\"\n".write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        let result = ScriptRun.execute(binary: binary, arguments: ["run", "-e", "let xs = [1]\nwhile true { xs = xs + xs }"],
                                       in: home.folder, timeout: 30, environment: home.variables())
        XCTAssertEqual(result.status, 1, result.standardError)
        XCTAssertTrue(result.standardError.contains("MEMORY_LIMIT"), result.standardError)
    }

    func testMaxMemoryTakesASizeAndRefusesAnythingElse() throws {
        let fine = try XCTUnwrap(run(["run", "--max-memory", "1G", "-e", "print len([1, 2, 3])"]))
        XCTAssertEqual(fine.status, 0, fine.standardError)
        XCTAssertEqual(fine.standardOutput, "3\n")
        let wrong = try XCTUnwrap(run(["run", "--max-memory", "lots", "-e", "print 1"]))
        XCTAssertEqual(wrong.status, 2, wrong.standardError)
        XCTAssertTrue(wrong.standardError.contains("--max-memory"), wrong.standardError)
        XCTAssertEqual(wrong.standardOutput, "")
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
        try assertStopped(["run", "--timeout", "200ms", script.path], with: "\(script.lastPathComponent):2:7: error: TIME_LIMIT")
    }

    func testRunawayRecursionPrintsAShortCallStack() throws {
        // Found: RECURSION_LIMIT printed all 3,000 frames, one line each.
        let result = try XCTUnwrap(run(["run", "-e", "fn f(n) {\n  return f(n + 1)\n}\nf(0)"]))
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.standardError, """
            <-e>:2:10: error: RECURSION_LIMIT: too many nested calls (more than 3000): is 'f' recursing without end?
             2 |   return f(n + 1)
               |          ^~~~~~~~
            call stack (innermost first):
              in f, called at <-e>:2:10
              … the same call 2997 more times
              in f, called at <-e>:4:1

            """)
        let mutual = try XCTUnwrap(run(["run", "-e", "fn f(n) { return g(n) }\nfn g(n) { return f(n) }\nf(0)"]))
        let lines = mutual.standardError.split(separator: "\n")
        XCTAssertEqual(lines.count, 34, mutual.standardError)
        XCTAssertTrue(mutual.standardError.contains("  … 2970 more lines of calls …"), mutual.standardError)
        XCTAssertEqual(lines.last, "  in f, called at <-e>:3:1")
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
