import BarrackScript
import Foundation
import XCTest

/// The per-run `ScriptThread`: its budgets, its sticky cancellation and its hooks, also through
/// `parallel for`; and the interpreter's calls that a host may make while scripts run.
final class ScriptThreadTests: XCTestCase {
    /// Collects what a thread prints.
    final class Output: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        func append(_ piece: String) { lock.withLock { text += piece } }
        var lines: [String] { lock.withLock { text.split(separator: "\n").map(String.init) } }
    }

    /// Runs `program` as `thread` on a large stack; the uncaught error, or a failure after
    /// `seconds` (so that a regression to a hang fails instead of stalling the suite).
    private func run(_ interpreter: Interpreter, _ program: Program, on thread: ScriptThread,
                     within seconds: Double = 30, file: StaticString = #filePath, line: UInt = #line) -> ErrorObject? {
        final class Box: @unchecked Sendable { var failure: ErrorObject? }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let worker = Foundation.Thread {
            do { try interpreter.run(program, on: thread) } catch { box.failure = error as? ErrorObject }
            done.signal()
        }
        worker.stackSize = ThreadLauncher.stackSize
        worker.start()
        if done.wait(timeout: .now() + seconds) == .timedOut {
            XCTFail("the run did not end within \(seconds) s", file: file, line: line)
            thread.cancel()
            _ = done.wait(timeout: .now() + 10)
        }
        return box.failure
    }

    private func compile(_ interpreter: Interpreter, _ code: String) throws -> Program {
        try interpreter.compile(Source(name: "test", text: code))
    }

    func testRecursionThroughParallelForHitsTheCallDepthLimit() throws {
        let interpreter = Interpreter()
        let thread = ScriptThread(interpreter)
        thread.maxCallDepth = 40
        let program = try compile(interpreter, """
            fn dive(n) {
              if n == 200 { return }
              parallel for x in [n] { dive(x + 1) }
            }
            dive(0)
            """)
        let failure = run(interpreter, program, on: thread)
        // A limit ends the loop at once and reaches the caller as itself, not gathered into PARALLEL.
        XCTAssertEqual(failure?.code, "RECURSION_LIMIT", failure?.message ?? "no error")
    }

    func testCancellationStopsEveryParallelWorker() throws {
        let interpreter = Interpreter()
        final class Started: @unchecked Sendable {
            let lock = NSLock()
            var count = 0
        }
        let started = Started()
        let thread = ScriptThread(interpreter)
        // A backstop: without a shared, sticky cancellation the workers that did not see it spin
        // until this limit, and the run ends with STEP_LIMIT instead of INTERRUPTED.
        thread.stepLimit = 20_000
        interpreter.register(BuiltinFunction(name: "started") { _ in
            let all = started.lock.withLock { started.count += 1; return started.count == 4 }
            if all { thread.cancel() }
            return .null
        })
        let program = try compile(interpreter, """
            parallel for i in range(4) limit 4 {
              started()
              while true { sleep 1ms }
            }
            """)
        let failure = run(interpreter, program, on: thread)
        XCTAssertEqual(failure?.code, "INTERRUPTED", failure?.message ?? "no error")
    }

    func testParallelWorkersShareTheStepLimit() throws {
        let interpreter = Interpreter()
        let thread = ScriptThread(interpreter)
        thread.stepLimit = 1_000
        let program = try compile(interpreter, "parallel for i in range(4) limit 4 { while true { } }")
        let failure = run(interpreter, program, on: thread)
        XCTAssertEqual(failure?.code, "STEP_LIMIT", failure?.message ?? "no error")
        XCTAssertLessThanOrEqual(thread.steps, 1_000 + 4 + 1)
    }

    func testCancellationIsStickyAndReachesARunThatHasNotStarted() throws {
        let interpreter = Interpreter()
        let thread = ScriptThread(interpreter)
        thread.cancel()
        let program = try compile(interpreter, "for i in range(3) { }")
        XCTAssertEqual(run(interpreter, program, on: thread)?.code, "INTERRUPTED")
        XCTAssertTrue(thread.isCancelled)
        XCTAssertNil(run(interpreter, program, on: ScriptThread(interpreter)), "a new thread starts uncancelled")
    }

    func testPrintAndInputGoThroughTheThreadsHooks() throws {
        let interpreter = Interpreter()
        let output = Output()
        final class Lines: @unchecked Sendable { var lines = ["first", "second"] }
        let lines = Lines()
        let thread = ScriptThread(interpreter)
        thread.print = { output.append($0) }
        thread.input = { lines.lines.isEmpty ? nil : lines.lines.removeFirst() }
        let program = try compile(interpreter, """
            let a = input("? ")
            print a (input()) (input())
            """)
        XCTAssertNil(run(interpreter, program, on: thread))
        XCTAssertEqual(output.lines, ["? first second nil"])
    }

    func testAHostWithoutCapabilitiesHasNoEnvironmentInputExitOrFileImports() throws {
        let interpreter = Interpreter(capabilities: [])
        for name in ["env", "input", "exit"] {
            XCTAssertThrowsError(try compile(interpreter, "\(name)()"), name) { error in
                XCTAssertEqual((error as? CompileFailure)?.diagnostics.first?.code, "NAME_ERROR")
            }
        }
        XCTAssertThrowsError(try compile(interpreter, "import \"helpers\"")) { error in
            let diagnostic = (error as? CompileFailure)?.diagnostics.first
            XCTAssertEqual(diagnostic?.code, "IMPORT_ERROR")
            XCTAssertTrue(diagnostic?.message.contains("does not allow importing files") ?? false, diagnostic?.message ?? "")
        }
        interpreter.registerModule(name: "helpers", text: "fn twice(n) { return n * 2 }")
        XCTAssertNoThrow(try compile(interpreter, "import \"helpers\"\nprint twice(2)"))
        XCTAssertNotNil(interpreter.global("len"), "the core library stays")
    }

    func testTheLoadHookReadsImportedFiles() throws {
        let interpreter = Interpreter(capabilities: [])
        let thread = ScriptThread(interpreter)
        thread.load = { path in
            guard path == "lib/util.brk" else { throw SourceReadError(path: path, reason: "not here") }
            return Source(name: path, text: "let answer = 42")
        }
        let output = Output()
        thread.print = { output.append($0) }
        let program = try interpreter.compile(Source(name: "lib/main.brk", text: "import \"util\"\nprint answer"), on: thread)
        XCTAssertNil(run(interpreter, program, on: thread))
        XCTAssertEqual(output.lines, ["42"])
    }

    func testALineThatFailsToCompileLeavesNoNamesBehind() throws {
        let interpreter = Interpreter()
        XCTAssertThrowsError(try interpreter.compile(Source(name: "line 1", text: "let y = nope"), keepsResults: true))
        XCTAssertNil(interpreter.global("y"))
        XCTAssertThrowsError(try interpreter.compile(Source(name: "line 2", text: "print y"), keepsResults: true)) { error in
            let diagnostic = (error as? CompileFailure)?.diagnostics.first
            XCTAssertEqual(diagnostic?.code, "NAME_ERROR")
            XCTAssertEqual(diagnostic?.message, "unknown name 'y'")
        }
        XCTAssertNoThrow(try interpreter.compile(Source(name: "line 3", text: "let y = 1"), keepsResults: true))
    }

    func testCallFromInsideABuiltinDoesNotDeadlock() throws {
        let interpreter = Interpreter()
        interpreter.register(BuiltinFunction(name: "twice", parameters: [.required("f")]) { call in
            let once = try interpreter.call(try call.value(0), [.int(1)])
            let again = try call.call(try call.value(0), [once])
            interpreter.define("seen", again)
            return again
        })
        let output = Output()
        let thread = ScriptThread(interpreter)
        thread.print = { output.append($0) }
        let program = try compile(interpreter, "print twice(fn(n) n + 10)")
        XCTAssertNil(run(interpreter, program, on: thread, within: 10))
        XCTAssertEqual(output.lines, ["21"])
        XCTAssertEqual(interpreter.global("seen"), .int(21))
    }

    /// The host's calls wait for the interpreter lock, which a script gives up while it waits.
    func testAHostMayCompileAndDefineWhileAScriptRuns() throws {
        let interpreter = Interpreter()
        interpreter.define("flag", .null)
        let program = try compile(interpreter, """
            let total = 0
            while flag == nil { total += 1; sleep 1ms }
            print flag
            """)
        let output = Output()
        let thread = ScriptThread(interpreter)
        thread.print = { output.append($0) }
        DispatchQueue.global().async {
            // Enough new globals to make the global table grow under the running script.
            for index in 0..<600 {
                _ = try? interpreter.compile(Source(name: "extra \(index)", text: "let extra_\(index) = \(index)"))
            }
            interpreter.register(BuiltinFunction(name: "late") { _ in .null })
            interpreter.define("flag", .string("done"))
        }
        XCTAssertNil(run(interpreter, program, on: thread))
        XCTAssertEqual(output.lines, ["done"])
    }
}
