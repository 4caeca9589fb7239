import BarrackScript
import Foundation
import Synchronization
import XCTest

/// Limits that end a run with an error code instead of a crash (docs/RELIABILITY.md, "Limits").
final class LimitTests: XCTestCase {
    /// Compiles and runs `code` on a large stack; what it printed and its uncaught error.
    private func run(_ code: String, configure: (Interpreter) -> Void = { _ in }) throws -> (lines: [String], failure: ErrorObject?) {
        let interpreter = Interpreter()
        final class Printed: @unchecked Sendable { var text = "" }  // written under the interpreter lock
        let printed = Printed()
        interpreter.output = { printed.text += $0 }
        configure(interpreter)
        let program = try interpreter.compile(Source(name: "limits", text: code))
        nonisolated(unsafe) var failure: ErrorObject?
        ThreadLauncher.runAndWait {
            do { try interpreter.run(program) } catch { failure = error as? ErrorObject }
        }
        return (printed.text.split(separator: "\n").map(String.init), failure)
    }

    func testTheHostsCheckpointRunsEveryThousandStepsWorkersIncluded() throws {
        let interpreter = Interpreter()
        interpreter.output = { _ in }
        let program = try interpreter.compile(Source(name: "checkpoint", text: """
            let n = 0
            while n < 10240 { n += 1 }
            parallel for i in range(4) { for j in range(2048) {} }
            """))
        let thread = ScriptThread(interpreter)
        let calls = Mutex(0)
        thread.checkpoint = { calls.withLock { $0 += 1 } }
        ThreadLauncher.runAndWait { try? interpreter.run(program, on: thread) }
        // 10,240 loop steps, then 4 × 2,048 in the workers (counted on the run): 18 checkpoints or more.
        XCTAssertGreaterThanOrEqual(calls.withLock { $0 }, 18)
        XCTAssertLessThanOrEqual(calls.withLock { $0 }, 20)
    }

    func testTenMegabyteLiteralsRun() throws {
        let text = String(repeating: "abcdefghij", count: 1_000_000)
        let string = try run("let s = \"\(text)\"\nprint len(s)")
        XCTAssertNil(string.failure)
        XCTAssertEqual(string.lines, ["10000000"])
        let list = try run("let xs = [" + String(repeating: "1,", count: 200_000) + "]\nprint xs.len() xs.sum()")
        XCTAssertNil(list.failure)
        XCTAssertEqual(list.lines, ["200000 200000"])
    }

    func testAListGrownWithoutBoundHitsTheMemoryLimit() throws {
        let result = try run("""
            let xs = []
            try {
              while true { xs.append("entry") }
            } catch err {
              print err.code
            }
            """) { $0.memoryLimit = 32 << 20 }
        XCTAssertNil(result.failure)
        XCTAssertEqual(result.lines, ["MEMORY_LIMIT"])
    }

    func testADoublingStringStopsAtTheMemoryLimit() throws {
        let result = try run("let s = \"ab\"\nwhile true { s = s + s }") { $0.memoryLimit = 64 << 20 }
        XCTAssertEqual(result.failure?.code, "MEMORY_LIMIT")
        XCTAssertTrue(result.failure?.message.contains("the host's limit") ?? false, "\(String(describing: result.failure))")
    }

    func testADoublingListStopsAtTheMemoryLimit() throws {
        let result = try run("let xs = [1]\nwhile true { xs += xs }") { $0.memoryLimit = 64 << 20 }
        XCTAssertEqual(result.failure?.code, "MEMORY_LIMIT")
    }

    func testARangeTooLargeForMemoryIsNotMadeIntoAList() throws {
        let result = try run("print range(10_000_000_000).map(fn(x) x)")
        XCTAssertEqual(result.failure?.code, "MEMORY_LIMIT")
    }

    func testRunawayRecursionOfALambdaIsACatchableError() throws {
        let result = try run("let f = nil\nf = fn(n) f(n + 1)\ntry { f(0) } catch err { print err.code }")
        XCTAssertNil(result.failure)
        XCTAssertEqual(result.lines, ["RECURSION_LIMIT"])
    }

    func testRecursionThroughABranchingParallelForEndsQuickly() throws {
        // Two branches a level: gathering every branch's failure would take 2^depth iterations.
        let result = try run("""
            fn fan(n) {
              parallel for i in range(2) { fan(n + 1) }
            }
            try { fan(0) } catch err { print err.code }
            """) { $0.maxCallDepth = 200 }
        XCTAssertNil(result.failure)
        XCTAssertEqual(result.lines, ["RECURSION_LIMIT"])
    }

    func testTheTimeLimitStopsALoopThatCatchesEverything() throws {
        let result = try run("while true { try { while true {} } catch err { print err.code } }") { $0.timeLimit = 0.2 }
        XCTAssertEqual(result.failure?.code, "TIME_LIMIT")
        XCTAssertEqual(result.lines, [])
    }

    func testTheStepLimitCountsThroughParallelFor() throws {
        let result = try run("parallel for i in range(4) { while true {} }") { $0.stepLimit = 10_000 }
        XCTAssertEqual(result.failure?.code, "STEP_LIMIT")
    }
}
